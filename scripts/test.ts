import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed";

/**
 * `npm test`: unit and integration tests (Vitest, on in-memory PGlite, or on the server named by
 * TEST_DATABASE_URL), then the end-to-end tests (Playwright in Chromium against `next start`).
 */
function run(label: string, command: string, args: string[]): void {
  console.log(`\n== ${label} ==`);
  const result = spawnSync(process.execPath, [command, ...args], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

const only = process.argv[2];
if (only !== "e2e") run("Unit and integration tests", path.join("node_modules", "vitest", "vitest.mjs"), ["run"]);
if (only !== "unit") {
  buildIfNeeded();
  run("End-to-end tests", path.join("node_modules", "@playwright", "test", "cli.js"), ["test"]);
}
