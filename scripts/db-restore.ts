/**
 * `npm run db:restore FILE [--force]`: restores a backup (lib/ops/backup.ts) into the configured
 * database, which must be empty unless --force. The app must not be running on it.
 */
import { existsSync } from "node:fs";
import { describeError, describeTarget, openDatabase } from "../db/client";
import { folderHolder } from "../db/pglite-lock";
import { targetFromEnv } from "../db/target";
import { CANNOT_START } from "../lib/exit-codes";
import { BackupRefusedError, readBackupFile, restoreDatabase } from "../lib/ops/backup";
import { comparisonTable } from "../lib/ops/report";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new BackupRefusedError("Name the backup file: npm run db:restore FILE [--force]");
  if (!existsSync(file)) throw new BackupRefusedError(`No such file: ${file}`);
  const target = targetFromEnv();
  if (target.kind === "pglite" && folderHolder(target.dir))
    throw new BackupRefusedError(`A running server (pid ${folderHolder(target.dir)}) holds ${target.dir}: stop it before restoring into it.`);
  const began = Date.now();
  const database = await openDatabase(target);
  try {
    const result = await restoreDatabase(database, readBackupFile(file), { force });
    const restored = Object.fromEntries(Object.entries(result.tables).map(([name, t]) => [name, t.restored]));
    console.log(comparisonTable(result.tables, restored, ["backup", "restored"]).text);
    console.log(
      `\nRestored ${file} (taken ${result.header.createdAt} at schema ${result.header.schema.tag}) into ${describeTarget(target)} in ${((Date.now() - began) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Restore refused: ${describeError(error)}`);
    process.exit(error instanceof BackupRefusedError ? CANNOT_START : 1);
  },
);
