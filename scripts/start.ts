import { spawn } from "node:child_process";
import path from "node:path";
import { folderHolder } from "../db/pglite-lock";
import { resolveAuthSecret } from "../lib/auth/secret";
import { readEnv } from "../lib/env";
import { demoAccountsText } from "../lib/demo/accounts";
import { buildIfNeeded } from "./build-if-needed";
import { serverArgs } from "./server-command";
import { supervise } from "./supervise";

/**
 * `npm start`: builds when needed, then serves. The server migrates the database at start and seeds
 * an empty embedded one with the demo data.
 */
const env = readEnv();

if (!env.DATABASE_URL) {
  const holder = folderHolder(env.PGLITE_DIR);
  if (holder) {
    console.error(
      `\nPillars cannot start: the database folder ${path.resolve(env.PGLITE_DIR)} is in use by another Pillars process (pid ${holder}).\n` +
        `Stop that process first, or set PGLITE_DIR to another folder.\n`,
    );
    process.exit(1);
  }
}
// `next start` always runs in production mode, where a PostgreSQL deployment needs a fixed secret:
// say so now rather than after the build.
try {
  resolveAuthSecret({ ...env, NODE_ENV: "production" });
} catch (error) {
  console.error(`\nPillars cannot start: ${(error as Error).message}\n`);
  process.exit(1);
}

buildIfNeeded();

const url = `http://localhost:${env.PORT}`;
console.log(`\nStarting Pillars on ${url} (${env.DATABASE_URL ? "PostgreSQL from DATABASE_URL" : `embedded PGlite in ${env.PGLITE_DIR}`})`);
if (!env.DATABASE_URL) console.log(`\n${demoAccountsText()}\n`);

// A server that dies on its own is started again (see supervise.ts); Ctrl-C stops both.
supervise(() => spawn(process.execPath, serverArgs(env.PORT), { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }));
