import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, rowsOf } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { pillars } from "@/db/schema";
import { adminClient, serverDatabaseName, serverDatabaseUrl } from "@/lib/testing/templates";

/** DATABASE_PREPARE on a PostgreSQL server (db/prepared.ts): the suite's server, as every reliability suite. */
const serverUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

describe("queries on PostgreSQL", () => {
  const name = serverDatabaseName(serverUrl, randomBytes(5).toString("hex"));
  const admin = adminClient(serverUrl);
  const saved = { prepare: process.env.DATABASE_PREPARE, pool: process.env.DATABASE_POOL_MAX };

  beforeAll(async () => {
    await admin.unsafe(`create database ${name}`);
    const setup = await openDatabase({ kind: "postgres", url: serverDatabaseUrl(serverUrl, name) });
    await migrateDatabase(setup);
    await setup.close();
  });
  afterAll(async () => {
    process.env.DATABASE_PREPARE = saved.prepare;
    process.env.DATABASE_POOL_MAX = saved.pool;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  /** Runs drizzle queries (plain, and in a transaction with a savepoint) on one connection, then lists what it has prepared. */
  async function preparedAfterQueries(prepare: string): Promise<string[]> {
    process.env.DATABASE_PREPARE = prepare;
    process.env.DATABASE_POOL_MAX = "1";
    const database = await openDatabase({ kind: "postgres", url: serverDatabaseUrl(serverUrl, name) });
    try {
      for (let i = 0; i < 3; i++) await database.db.select({ id: pillars.id }).from(pillars).where(eq(pillars.id, "governance"));
      await database.db.transaction(async (tx) => {
        await tx.select({ name: pillars.name }).from(pillars).where(eq(pillars.id, "in-transaction"));
        await tx.transaction(async (inner) => void (await inner.select({ id: pillars.id }).from(pillars).where(eq(pillars.id, "in-savepoint"))));
      });
      const rows = rowsOf<{ statement: string }>(await database.db.execute(sql`select statement from pg_prepared_statements`));
      return rows.map((r) => r.statement);
    } finally {
      await database.close();
    }
  }

  it("run as prepared statements by default, also in transactions and savepoints, each prepared once per connection", async () => {
    const statements = await preparedAfterQueries("true");
    const lookups = statements.filter((s) => s.includes('from "pillars"'));
    expect(lookups).toHaveLength(2);
    expect(lookups.some((s) => s.includes('"name"'))).toBe(true);
  });

  it("run as unnamed statements with DATABASE_PREPARE=false", async () => {
    expect(await preparedAfterQueries("false")).toEqual([]);
  });
});
