/**
 * `npm run db:backup [FILE]`: writes a consistent backup of the configured database (see
 * lib/ops/backup.ts). On PostgreSQL (DATABASE_URL) it reads one snapshot while the app goes on
 * writing. On the embedded database, a running server holds the folder, so the backup is asked of
 * that server; with no server running, the folder is opened (and locked) here.
 */
import { createWriteStream } from "node:fs";
import { mkdir, rename, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describeError, describeTarget, openDatabase } from "../db/client";
import { folderHolder } from "../db/pglite-lock";
import { targetFromEnv } from "../db/target";
import { readEnv } from "../lib/env";
import { CANNOT_START } from "../lib/exit-codes";
import { readBackupFile, writeBackupFile } from "../lib/ops/backup";
import { readOpsToken } from "../lib/ops/ops-token";

function defaultFile(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return path.join("backups", `pillars-${stamp}.backup.gz`);
}

async function throughServer(folder: string, file: string, port: number): Promise<void> {
  const token = readOpsToken(folder);
  if (!token) throw new Error(`The server holding ${folder} left no backup token beside it; restart it with this version of Pillars.`);
  const url = process.env.PILLARS_URL || `http://127.0.0.1:${port}`;
  const response = await fetch(`${url}/api/ops/backup`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body)
    throw new Error(`The server at ${url} refused the backup (HTTP ${response.status}). Set PILLARS_URL or PORT to the server's address.`);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  await pipeline(Readable.fromWeb(response.body as never), createWriteStream(partial, { mode: 0o600 }));
  await rename(partial, file);
}

async function main(): Promise<void> {
  const env = readEnv();
  const file = process.argv[2] || defaultFile();
  const target = targetFromEnv(env);
  const began = Date.now();
  if (target.kind === "pglite" && folderHolder(target.dir)) {
    console.log(`Asking the running server (pid ${folderHolder(target.dir)}) for a backup of ${describeTarget(target)}…`);
    await throughServer(target.dir, file, env.PORT);
  } else {
    const database = await openDatabase(target);
    try {
      await writeBackupFile(database, file);
    } finally {
      await database.close();
    }
  }
  // Read back: a backup that does not read to its summary is not a backup.
  let tables = 0;
  let rows = 0;
  let tag: string | null = null;
  let complete = false;
  for await (const record of readBackupFile(file)) {
    if (record.kind === "header") tag = record.header.schema.tag;
    if (record.kind === "summary") {
      complete = true;
      tables = Object.keys(record.tables).length;
      rows = Object.values(record.tables).reduce((sum, t) => sum + t.rows, 0);
    }
  }
  if (!complete) throw new Error(`The backup ${file} is incomplete.`);
  const size = (await stat(file)).size;
  console.log(
    `Backup written: ${file} (${(size / 1024).toFixed(0)} KiB, ${tables} tables, ${rows} rows, schema ${tag ?? "unknown"}, ${((Date.now() - began) / 1000).toFixed(1)} s).\n` +
      `Restore it with: npm run db:restore ${file}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Backup failed: ${describeError(error)}`);
    process.exit(error instanceof Error && error.name === "DatabaseFolderLockedError" ? CANNOT_START : 1);
  },
);
