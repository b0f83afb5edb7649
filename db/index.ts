import { sql } from "drizzle-orm";
import { type Database, type DB, describeTarget, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { targetFromEnv } from "./target";

export type { DB, Tx, Database } from "./client";
export { rowsOf, isUuid } from "./client";
export { targetFromEnv } from "./target";

type Ready = { database: Database; target: string };

// Next bundles instrumentation and routes separately, so the one client lives on globalThis.
const globalForDb = globalThis as unknown as { __pillarsDatabase?: Promise<Ready> };

const VACUUM_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * PGlite runs no autovacuum, so the embedded database is vacuumed here: at start and every six
 * hours. Without it, dead rows pile up and index-only counts (comments awaiting an answer, tasks)
 * visit the table for every row: 22 ms instead of 1.7 ms at 100 times the demo data.
 */
async function vacuumEmbedded(database: Database): Promise<void> {
  await database.db.execute(sql`vacuum (analyze)`);
}

function keepEmbeddedVacuumed(database: Database): void {
  const timer = setInterval(() => {
    vacuumEmbedded(database).catch((error: unknown) => console.error("Vacuuming the embedded database failed:", error));
  }, VACUUM_EVERY_MS);
  timer.unref();
}

/**
 * Opens the configured database once per process and migrates it; the embedded database is then
 * vacuumed (see `vacuumEmbedded`). Opening never writes data: the demo data is startup's business.
 */
export function prepareDatabase(): Promise<Ready> {
  globalForDb.__pillarsDatabase ??= (async () => {
    const target = targetFromEnv();
    const database = await openDatabase(target);
    await migrateDatabase(database);
    if (target.kind === "pglite") {
      await vacuumEmbedded(database);
      keepEmbeddedVacuumed(database);
    }
    return { database, target: describeTarget(target) };
  })();
  globalForDb.__pillarsDatabase.catch(() => {
    globalForDb.__pillarsDatabase = undefined;
  });
  return globalForDb.__pillarsDatabase;
}

/** The app's database handle. */
export async function getDb(): Promise<DB> {
  return (await prepareDatabase()).database.db;
}

/** SQL statements run so far by this process (counted only with BENCH_COUNT_QUERIES=1). */
export async function statementCount(): Promise<number> {
  return (await prepareDatabase()).database.statements.count;
}
