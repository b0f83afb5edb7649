import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AUTH_SECRET } from "./harness";

/**
 * A crash is not an outage: under `npm start` (scripts/start.ts), a server killed from outside is
 * started again by itself, and /api/health answers again with no one doing anything.
 */
const PORT = 3795 - 3700 + Number(process.env.RELIABILITY_PORT_BASE || 3700);
const dataDir = mkdtempSync(path.join(tmpdir(), "pillars-restart-"));

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<number> {
  const began = Date.now();
  while (Date.now() - began < seconds * 1000) {
    if (await check()) return Date.now() - began;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Not within ${seconds} s`);
}

/** The pid of the process listening on the port: the Next server `npm start` supervises. */
function serverPid(): number | null {
  const listening = execFileSync("ss", ["-ltnpH", `sport = :${PORT}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(listening)?.[1];
  return pid ? Number(pid) : null;
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm start restarts a server that dies", () => {
  it("kill -9 of the server: the log says so and /api/health answers again", async () => {
    const supervisor = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
      env: {
        ...process.env,
        PORT: String(PORT),
        PGLITE_DIR: path.join(dataDir, "pglite"),
        DATABASE_URL: "",
        AUTH_SECRET,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    supervisor.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    supervisor.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    try {
      await waitFor(healthy, 120);
      const first = serverPid();
      expect(first).not.toBeNull();

      process.kill(first!, "SIGKILL");
      await waitFor(async () => !(await healthy()), 10);
      const downFor = await waitFor(async () => (await healthy()) && serverPid() !== null, 60);
      const second = serverPid();
      expect(second).not.toBe(first);
      expect(log).toContain("Pillars stopped unexpectedly (the server was killed by SIGKILL); restarting in 1 s");
      console.log(`restart: server pid ${first} killed with SIGKILL; pid ${second} answered /api/health ${(downFor / 1000).toFixed(1)} s later`);
    } finally {
      supervisor.kill("SIGTERM");
      await new Promise((resolve) => (supervisor.exitCode !== null ? resolve(null) : supervisor.once("exit", resolve)));
    }
    // Stopping npm start stops its server too.
    expect(serverPid()).toBeNull();
  });
});
