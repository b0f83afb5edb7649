import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, rowsOf } from "@/db/client";
import { appliedMigrations, DatabaseNewerThanCodeError, knownMigrations, migrateDatabase } from "@/db/migrate";
import { CANNOT_START } from "@/lib/exit-codes";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";

/** An older build started against a database a newer one migrated: refused, with nothing changed. */
let t: TestDatabase;
const FUTURE_HASH = "f".repeat(64);

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

async function migrationsTable(db: TestDatabase["db"]) {
  return rowsOf<{ id: number; hash: string; created_at: string }>(
    await db.execute(sql`select id, hash, created_at::text from drizzle.__drizzle_migrations order by id`),
  );
}

describe("schema version at start", () => {
  it("knows every migration of this code as applied after migrating", async () => {
    const applied = await appliedMigrations(t);
    expect(applied.map((m) => m.hash)).toEqual(knownMigrations().map((m) => m.hash));
  });

  it("refuses a database with a migration newer than this code, and changes nothing", async () => {
    const newest = knownMigrations().at(-1)!;
    await t.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${FUTURE_HASH}, ${newest.when + 60_000})`);
    const before = await databaseFingerprint(t.db);
    const journalBefore = await migrationsTable(t.db);

    const error = await migrateDatabase(t).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseNewerThanCodeError);
    expect((error as Error).message).toContain("upgraded by a newer version of Pillars");
    expect((error as Error).message).toContain(FUTURE_HASH.slice(0, 12));
    expect((error as Error).message).toContain(newest.tag);
    expect(await databaseFingerprint(t.db)).toEqual(before);
    expect(await migrationsTable(t.db)).toEqual(journalBefore);
    await t.db.execute(sql`delete from drizzle.__drizzle_migrations where hash = ${FUTURE_HASH}`);
  });
});

describe("npm run db:migrate against a newer database", () => {
  it("exits with the configuration-error code and a clear message, leaving the folder as it was", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "pillars-newer-"));
    const dir = path.join(root, "pglite");
    try {
      const database = await openDatabase({ kind: "pglite", dir });
      await migrateDatabase(database);
      const newest = knownMigrations().at(-1)!;
      await database.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${FUTURE_HASH}, ${newest.when + 60_000})`);
      const before = await migrationsTable(database.db);
      await database.close();

      const result = await promisify(execFile)(process.execPath, ["--import", "tsx", "db/migrate-cli.ts"], {
        env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dir },
      }).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
      expect(result.code).toBe(CANNOT_START);
      expect(result.stderr).toContain("The database was upgraded by a newer version of Pillars");
      expect(result.stderr).toContain("Nothing was changed.");

      const reopened = await openDatabase({ kind: "pglite", dir });
      expect(await migrationsTable(reopened.db)).toEqual(before);
      await reopened.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
