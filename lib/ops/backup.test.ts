import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { appliedMigrations, knownMigrations, migrateDatabase } from "@/db/migrate";
import { openDatabase } from "@/db/client";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { BackupRefusedError, dumpRecords, migrationsUpTo, readBackupFile, restoreDatabase, writeBackupFile } from "./backup";

/** Backup and restore on the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
let source: TestDatabase;
let folder: string;
let file: string;

beforeAll(async () => {
  source = await createTestDatabase({ seed: true });
  folder = mkdtempSync(path.join(tmpdir(), "pillars-backup-unit-"));
  file = path.join(folder, "demo.backup.gz");
  await writeBackupFile(source, file);
});
afterAll(async () => {
  await source?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function sequenceValues(db: TestDatabase["db"]) {
  return rowsOf<{ name: string; value: string | null }>(
    await db.execute(sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`),
  );
}

async function userTriggers(db: TestDatabase["db"]) {
  return rowsOf<{ name: string; enabled: string }>(
    await db.execute(sql`select tgname as name, tgenabled as enabled from pg_trigger where not tgisinternal order by 1`),
  );
}

async function constraints(db: TestDatabase["db"]) {
  return rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`select c.conname as name, pg_get_constraintdef(c.oid) as definition from pg_constraint c
      join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' order by 1, 2`),
  );
}

describe(`backup and restore (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("restores every row, sequence, constraint and enabled trigger of the demo data", async () => {
    const target = await createTestDatabase();
    try {
      const result = await restoreDatabase(target, readBackupFile(file));
      expect(result.header.schema.tag).toBe(knownMigrations().at(-1)!.tag);
      expect(await databaseFingerprint(target.db)).toEqual(await databaseFingerprint(source.db));
      expect(await sequenceValues(target.db)).toEqual(await sequenceValues(source.db));
      expect(await constraints(target.db)).toEqual(await constraints(source.db));
      const triggers = await userTriggers(target.db);
      expect(triggers).toEqual(await userTriggers(source.db));
      expect(triggers.length).toBeGreaterThan(0);
      expect(triggers.every((t) => t.enabled === "O")).toBe(true);
      // The audit log stays append-only after a restore, and new rows continue its ids.
      const [last] = rowsOf<{ id: string }>(
        await source.db.execute(sql`select last_value::text as id from pg_sequences where sequencename = 'audit_log_id_seq'`),
      );
      await expect(target.db.execute(sql`delete from audit_log`)).rejects.toThrow();
      const [added] = rowsOf<{ id: number }>(
        await target.db.execute(sql`insert into audit_log (action, entity_type, entity_id) values ('test', 'test', 'x') returning id`),
      );
      expect(Number(added!.id)).toBe(Number(last!.id) + 1);
    } finally {
      await target.close();
    }
  });

  it("refuses a database that holds rows, changing nothing; --force replaces it", async () => {
    const target = await createTestDatabase({ seed: true });
    try {
      await target.db.execute(sql`update settings set value = value`);
      await target.db.execute(sql`insert into audit_log (action, entity_type, entity_id) values ('extra', 'test', 'x')`);
      const before = await databaseFingerprint(target.db);
      await expect(restoreDatabase(target, readBackupFile(file))).rejects.toThrow(/not empty.*--force/);
      expect(await databaseFingerprint(target.db)).toEqual(before);
      await restoreDatabase(target, readBackupFile(file), { force: true });
      expect(await databaseFingerprint(target.db)).toEqual(await databaseFingerprint(source.db));
    } finally {
      await target.close();
    }
  });

  it("refuses a backup made at a newer schema version than this code's, changing nothing", async () => {
    const newer = await createTestDatabase();
    const target = await createTestDatabase();
    const newerFile = path.join(folder, "newer.backup.gz");
    try {
      const newest = knownMigrations().at(-1)!;
      await newer.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${"e".repeat(64)}, ${newest.when + 1000})`);
      await writeBackupFile(newer, newerFile);
      const before = await databaseFingerprint(target.db);
      const error = await restoreDatabase(target, readBackupFile(newerFile)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupRefusedError);
      expect((error as Error).message).toContain("newer schema version");
      expect(await databaseFingerprint(target.db)).toEqual(before);
      expect(rowsOf(await target.db.execute(sql`select hash from drizzle.__drizzle_migrations where hash like 'eeee%'`))).toEqual([]);
    } finally {
      await newer.close();
      await target.close();
    }
  });

  // Two databases migrated from nothing, a backup and a restore: about 20 s alone, much longer on a busy machine.
  it("restores a backup from an older version, then applies this version's newer migrations", async () => {
    const known = knownMigrations();
    const folderOfOlder = await migrationsUpTo(known.length - 1);
    const older = await openDatabase({ kind: "pglite", dir: "memory://" });
    const target = await createTestDatabase();
    const olderFile = path.join(folder, "older.backup.gz");
    try {
      await migrateDatabase(older, folderOfOlder);
      await older.db.execute(sql`insert into audit_log (action, entity_type, entity_id) values ('older.version', 'test', 'x')`);
      await writeBackupFile(older, olderFile);
      const result = await restoreDatabase(target, readBackupFile(olderFile));
      expect(result.header.schema.tag).toBe(known.at(-2)!.tag);
      expect((await appliedMigrations(target)).map((m) => m.hash)).toEqual(known.map((m) => m.hash));
      expect(rowsOf(await target.db.execute(sql`select action, request_id from audit_log`))).toEqual([{ action: "older.version", request_id: null }]);
    } finally {
      await older.close();
      await target.close();
      rmSync(folderOfOlder, { recursive: true, force: true });
    }
  }, 240_000);

  it("a reader that stops early ends the snapshot, and the database serves again", async () => {
    let seen = 0;
    for await (const record of dumpRecords(source)) {
      seen++;
      if (record.kind === "rows") break;
    }
    expect(seen).toBeGreaterThan(1);
    await source.db.execute(sql`insert into audit_log (action, entity_type, entity_id) values ('after.cancel', 'test', 'x')`);
    const rows = rowsOf(await source.db.execute(sql`select action from audit_log where action = 'after.cancel'`));
    expect(rows).toEqual([{ action: "after.cancel" }]);
    await source.db.execute(sql`select 1`);
  });

  it("refuses a file that is not a backup, and one cut short", async () => {
    const target = await createTestDatabase();
    try {
      const { writeFile, readFile } = await import("node:fs/promises");
      const { gzipSync, gunzipSync } = await import("node:zlib");
      const junk = path.join(folder, "junk.gz");
      await writeFile(junk, gzipSync("hello\n"));
      await expect(restoreDatabase(target, readBackupFile(junk))).rejects.toThrow(/not a Pillars backup/);
      const text = gunzipSync(await readFile(file)).toString();
      const cut = path.join(folder, "cut.gz");
      await writeFile(cut, gzipSync(text.slice(0, text.lastIndexOf("#{"))));
      const before = await databaseFingerprint(target.db);
      await expect(restoreDatabase(target, readBackupFile(cut))).rejects.toThrow(/incomplete/);
      expect(await databaseFingerprint(target.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });
});
