import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { serverArgs } from "@/scripts/server-command";

/** A running app; `log()` is what it has printed so far (a suite shows it when a request failed). */
export type Server = { url: string; process: ChildProcess; pid: number; stop: () => Promise<void>; log: () => string };

/** Starts the built app (`next start`) with the given environment and waits until /api/health answers. */
export async function startServer(port: number, env: Record<string, string>): Promise<Server & { startupMs: number }> {
  const started = Date.now();
  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", APP_URL: `http://127.0.0.1:${port}`, ...env };
  const child = spawn(process.execPath, serverArgs(port, childEnv), {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`The server exited during start:\n${log}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const startupMs = Date.now() - started;
  const stop = async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  };
  return { url, process: child, pid: child.pid!, stop, log: () => log, startupMs };
}

/** The server's resident memory in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Signs in through Auth.js's credentials endpoint and returns the session cookie header. */
export async function signInCookie(url: string, email: string, password = "pillars-demo"): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
  };
  keep(csrf);
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${url}/dashboard` }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`Sign-in as ${email} failed (${response.status})`);
  return cookieHeader();
}

/** SQL statements the server has run so far (needs BENCH_COUNT_QUERIES=1). */
export async function statementsSoFar(url: string): Promise<number> {
  const body = (await (await fetch(`${url}/api/health`)).json()) as { statements?: number };
  if (typeof body.statements !== "number") throw new Error("The server does not count statements (BENCH_COUNT_QUERIES=1)");
  return body.statements;
}
