import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Database } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same in every process of one deployment.
const MIGRATION_LOCK_KEY = 7_245_311;

/** Applies the committed migrations. On PostgreSQL an advisory lock keeps concurrent starts in line. */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = database.postgresClient;
  if (!client) throw new Error("PostgreSQL database without a client");
  // Several app processes may start together on one server: one migrates, the others wait.
  const session = await client.reserve();
  try {
    await session`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  } finally {
    await session`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    session.release();
  }
}
