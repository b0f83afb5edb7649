import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { type Database, rowsOf } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same in every process of one deployment.
const MIGRATION_LOCK_KEY = 7_245_311;

/** One migration this code knows: its file's tag, the time drizzle records for it, and its hash. */
export type KnownMigration = { tag: string; when: number; hash: string };

/** The migrations of a folder, oldest first, as drizzle's migrator reads them. */
export function knownMigrations(migrationsFolder = MIGRATIONS_FOLDER): KnownMigration[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const files = readMigrationFiles({ migrationsFolder });
  return journal.entries.map((entry, i) => ({ tag: entry.tag, when: entry.when, hash: files[i]!.hash }));
}

/** The schema version a database is at: the migrations applied to it, oldest first. */
export type AppliedMigration = { hash: string; when: number };

export async function appliedMigrations(database: Database): Promise<AppliedMigration[]> {
  const exists = rowsOf<{ found: boolean }>(
    await database.db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`),
  )[0]?.found;
  if (!exists) return [];
  const rows = rowsOf<{ hash: string; created_at: string | number }>(
    await database.db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`),
  );
  return rows.map((row) => ({ hash: row.hash, when: Number(row.created_at) }));
}

/**
 * The database was migrated by a newer version of Pillars than this one: this code would run against
 * tables it does not know, so it refuses to start and changes nothing.
 */
export class DatabaseNewerThanCodeError extends Error {
  constructor(
    readonly unknown: AppliedMigration[],
    readonly newestKnown: string,
  ) {
    super(
      `The database was upgraded by a newer version of Pillars: ${unknown.length} of its migrations ` +
        `(${unknown.map((m) => m.hash.slice(0, 12)).join(", ")}) are unknown to this version, whose newest is ${newestKnown}. ` +
        `Start the newer version again, or restore a backup made by this version (npm run db:restore). Nothing was changed.`,
    );
    this.name = "DatabaseNewerThanCodeError";
  }
}

/** Throws DatabaseNewerThanCodeError when the database has a migration later than every one this code knows. */
export function checkSchemaVersion(applied: AppliedMigration[], known: KnownMigration[]): void {
  const newest = known.at(-1);
  const knownHashes = new Set(known.map((m) => m.hash));
  // drizzle applies a migration only when it is later than the last applied one: a later unknown one
  // means this code is older than the database.
  const unknown = applied.filter((m) => !knownHashes.has(m.hash) && m.when > (newest?.when ?? 0));
  if (unknown.length > 0) throw new DatabaseNewerThanCodeError(unknown, newest?.tag ?? "none");
}

/**
 * Applies the committed migrations, after checking that the database is not newer than this code.
 * On PostgreSQL an advisory lock keeps concurrent starts in line.
 */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const known = knownMigrations(migrationsFolder);
  if (database.kind === "pglite") {
    checkSchemaVersion(await appliedMigrations(database), known);
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = database.postgresClient;
  if (!client) throw new Error("PostgreSQL database without a client");
  // Several app processes may start together on one server: one migrates, the others wait.
  const session = await client.reserve();
  try {
    await session`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    checkSchemaVersion(await appliedMigrations(database), known);
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  } finally {
    await session`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    session.release();
  }
}
