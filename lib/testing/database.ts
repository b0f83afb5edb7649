import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { type Database, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { seedDemoData } from "@/lib/demo";
import { type Actor, loadActor } from "@/lib/auth/actor";

export type TestDatabase = Database & { label: string; actor: (email: string) => Promise<Actor> };

/**
 * A freshly migrated database for one test file: in-memory PGlite, or, when TEST_DATABASE_URL is set,
 * a new database on that PostgreSQL server that is dropped again by `close`.
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let label: string;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const url = new URL(serverUrl);
    // Named after the run's database, so whoever drops that run's databases finds these too.
    const base = url.pathname.slice(1).replace(/[^a-z0-9_]/gi, "") || "pillars_test";
    const name = `${base}_${randomBytes(5).toString("hex")}`.toLowerCase().slice(0, 63);
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: "postgres", url: url.toString() });
    label = `PostgreSQL ${name}`;
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    database = await openDatabase({ kind: "pglite", dir: "memory://" });
    label = "PGlite in memory";
  }
  await migrateDatabase(database);
  if (options.seed) await seedDemoData(database.db);
  const close = async () => {
    await database.close();
    await dropDatabase();
  };
  const actor = async (email: string) => {
    const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const found = row ? await loadActor(database.db, row.id) : null;
    if (!found) throw new Error(`No demo user ${email}`);
    return found;
  };
  return { ...database, close, label, actor };
}
