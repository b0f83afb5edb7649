/**
 * Completes the standalone server the build writes to .next/standalone, as the Dockerfile does: the
 * static files and public/ beside it, and the migrations the server applies at start.
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.join(".next", "standalone");
if (!existsSync(path.join(root, "server.js"))) {
  console.error('No standalone build: run `npm run build` first (next.config.mjs has output: "standalone").');
  process.exit(1);
}
const copies: [string, string][] = [
  ["public", path.join(root, "public")],
  [path.join(".next", "static"), path.join(root, ".next", "static")],
  [path.join("db", "migrations"), path.join(root, "db", "migrations")],
];
for (const [from, to] of copies) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
console.log(`Standalone server ready: node ${path.join(root, "server.js")}`);
