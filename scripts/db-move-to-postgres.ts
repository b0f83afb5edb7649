/**
 * `npm run db:move-to-postgres`: copies the embedded database (PGLITE_DIR) into the empty PostgreSQL
 * database named by DATABASE_URL, with every row and sequence value; the schema, its constraints and
 * triggers come from the same migrations. Then both sides are compared table by table (row count and
 * a checksum of the rows' text), and their constraints and triggers, and the next steps are printed.
 * The app must be stopped first, so that no write happens after the copy. The embedded database is
 * migrated to this version first, as the app's next start would; nothing else in it changes.
 */
import { sql } from "drizzle-orm";
import { type Database, type DB, describeError, openDatabase, rowsOf } from "../db/client";
import { folderHolder } from "../db/pglite-lock";
import { migrateDatabase } from "../db/migrate";
import { readEnv } from "../lib/env";
import { CANNOT_START } from "../lib/exit-codes";
import { BackupRefusedError, dumpRecords, publicTables, restoreDatabase, type TableSummary, tableSummaries } from "../lib/ops/backup";
import { comparisonTable } from "../lib/ops/report";

/** Constraints and triggers of the public schema, as two pseudo-tables of the comparison. */
async function catalog(db: DB): Promise<Record<string, TableSummary>> {
  const constraints = rowsOf<{ d: string }>(
    await db.execute(sql`select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) as d
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' and c.contype <> 'n' order by 1`),
  ).map((r) => r.d);
  const triggers = rowsOf<{ d: string }>(
    await db.execute(sql`select t.tgrelid::regclass::text || ' ' || t.tgname || ' ' || t.tgenabled::text as d
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal order by 1`),
  ).map((r) => r.d);
  const { createHash } = await import("node:crypto");
  const digest = (items: string[]) => createHash("md5").update(items.join("\n")).digest("hex");
  return {
    "(constraints)": { rows: constraints.length, checksum: digest(constraints) },
    "(triggers)": { rows: triggers.length, checksum: digest(triggers) },
  };
}

async function summarize(database: Database): Promise<Record<string, TableSummary>> {
  const summaries = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    return tableSummaries(tx, await publicTables(tx));
  });
  return { ...summaries, ...(await catalog(database.db)) };
}

async function main(): Promise<void> {
  const env = readEnv();
  const force = process.argv.includes("--force");
  const fromArg = process.argv.find((a) => a.startsWith("--from="));
  const dir = fromArg ? fromArg.slice("--from=".length) : env.PGLITE_DIR;
  if (!env.DATABASE_URL)
    throw new BackupRefusedError(
      "Set DATABASE_URL to the empty PostgreSQL database to move to, e.g. DATABASE_URL=postgres://pillars:…@db.example.org:5432/pillars npm run db:move-to-postgres",
    );
  const holder = folderHolder(dir);
  if (holder) throw new BackupRefusedError(`A running server (pid ${holder}) holds ${dir}: stop it first, so that no write is made after the copy.`);

  const began = Date.now();
  const source = await openDatabase({ kind: "pglite", dir });
  const target = await openDatabase({ kind: "postgres", url: env.DATABASE_URL });
  try {
    // The copy ends at this version's schema: the embedded database is brought there first (as the
    // app would at its next start), so that both sides are compared at the same schema.
    await migrateDatabase(source);
    console.log(`Copying the embedded database in ${dir} to PostgreSQL…`);
    await restoreDatabase(target, dumpRecords(source), { force });
    const copiedMs = Date.now() - began;
    const [left, right] = await Promise.all([summarize(source), summarize(target)]);
    const { text, agree } = comparisonTable(left, right, ["PGlite", "PostgreSQL"]);
    console.log(`\n${text}\n`);
    const rows = Object.entries(left)
      .filter(([name]) => !name.startsWith("("))
      .reduce((sum, [, t]) => sum + t.rows, 0);
    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    if (!agree) throw new Error("The two databases differ (rows marked NO above). Keep using the embedded database and report this.");
    console.log(
      `Moved ${rows} rows in ${Object.keys(left).length - 2} tables in ${(copiedMs / 1000).toFixed(1)} s (${seconds} s with the comparison); both sides agree.\n\n` +
        `Next:\n` +
        `  1. Set DATABASE_URL to this PostgreSQL database wherever Pillars runs (PGLITE_DIR is then ignored).\n` +
        `  2. Set AUTH_SECRET (at least 32 characters) if it is not set yet: a server on PostgreSQL needs a fixed one.\n` +
        `     To keep everyone signed in, use the one the embedded setup generated: AUTH_SECRET=$(cat .data/auth-secret)\n` +
        `  3. Start Pillars (npm start, or the container) and check /api/health?probe=ready.\n` +
        `  4. Keep ${dir} untouched until you are satisfied; it is no longer written to.`,
    );
  } finally {
    await source.close();
    await target.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Move refused: ${describeError(error)}`);
    process.exit(error instanceof BackupRefusedError || (error instanceof Error && error.name === "DatabaseFolderLockedError") ? CANNOT_START : 1);
  },
);
