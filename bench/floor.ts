import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { measurePage, type PageFigures, warmUp } from "./measure";

/**
 * The floor (bench/floor/): the smallest app of the same Next.js, React and PGlite versions that
 * reads 20 rows and renders them as a table. Measured in the same run and under the same load as
 * Pillars, it says what this machine can do at best today; each page's requests per second are
 * read as a ratio to it.
 */
const FLOOR_DIR = path.join("bench", "floor");
const NEXT = path.join("node_modules", "next", "dist", "bin", "next");

// Turbopack, rooted at this repository so that it finds node_modules, also takes the repository's own
// instrumentation.ts into the floor's build, which then cannot resolve the app's imports; webpack does not.
function buildFloorIfNeeded(): void {
  if (existsSync(path.join(FLOOR_DIR, ".next", "BUILD_ID"))) return;
  console.log("Building the floor app (bench/floor)…");
  const result = spawnSync(process.execPath, [NEXT, "build", "--webpack", FLOOR_DIR], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("The floor app did not build");
}

/** Builds the floor if needed, serves it with the same heap bound as Pillars, and measures its page. */
export async function measureFloor(port: number, seconds: number): Promise<PageFigures> {
  buildFloorIfNeeded();
  const child = spawn(process.execPath, ["--max-old-space-size=256", NEXT, "start", FLOOR_DIR, "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 300; i++) {
      if ((await fetch(url).catch(() => null))?.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await warmUp(url, "/", null);
    return await measurePage(url, "/", null, child.pid!, seconds, false);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  }
}
