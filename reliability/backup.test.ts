import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { signInCookie, type Server } from "@/bench/server";
import { type Database, type DB, openDatabase, rowsOf } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/lib/demo";
import { readBackupFile, restoreDatabase } from "@/lib/ops/backup";
import { insertConsultation } from "@/lib/policies/test-fixtures";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { catalogCase } from "./concurrency";
import { createPostgresDatabase, ROLE_USERS, send, startApp } from "./harness";

/**
 * `npm run db:backup` while the app serves writes (comments on an open consultation, over HTTP), then
 * `restoreDatabase` into a fresh database. The backup taken mid-stream must be one consistent
 * snapshot: its audit log is exactly the first rows of the live one, with no gap, and every comment
 * in it has its audit row and no audit row lacks its comment. A second backup once the writes have
 * stopped must restore to the very same rows, table by table, and the same sequence values.
 */
const comment = catalogCase("create comment");
const SERVER_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Target = { consultationId: string; slug: string; paragraphKey: string };

async function openConsultationIn(db: DB): Promise<Target> {
  const c = await insertConsultation(db);
  return { consultationId: c.consultationId, slug: c.slug, paragraphKey: c.keys[1]! };
}

function runBackup(file: string, env: Record<string, string>): Promise<{ stdout: string }> {
  return promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", file], {
    env: { ...process.env, ...env },
    cwd: process.cwd(),
  });
}

/** Writes comments through the server until `stop()`; returns the bodies the server acknowledged. */
function keepWriting(server: Server, cookie: string, target: Target, label: string) {
  let stopped = false;
  const acknowledged: string[] = [];
  let sequence = 0;
  const worker = async () => {
    while (!stopped) {
      const body = `Backup test comment ${label} ${++sequence}.`;
      const sent = await send(server.url, comment, { fields: { ...target, quote: "", body, parentId: "" } }, { cookie });
      if (sent.outcome === "allowed") acknowledged.push(body);
    }
  };
  const workers = Promise.all(Array.from({ length: 3 }, worker));
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await workers;
    },
  };
}

async function freshPostgres(): Promise<Database & { drop: () => Promise<void> }> {
  const server = new URL(SERVER_URL);
  const base = server.pathname.slice(1).replace(/[^a-z0-9_]/gi, "") || "postgres";
  const name = `${base}_restore_${Math.random().toString(16).slice(2, 10)}`.toLowerCase().slice(0, 63);
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  return {
    ...database,
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

type AuditRow = { id: number; row: string };
async function auditRows(db: DB): Promise<AuditRow[]> {
  await db.execute(sql`set timezone = 'UTC'`);
  return rowsOf<{ id: number; row: string }>(await db.execute(sql`select id, x::text as row from audit_log x order by id`)).map((r) => ({
    id: Number(r.id),
    row: r.row,
  }));
}

async function testComments(db: DB, label: string): Promise<{ id: string; body: string }[]> {
  return rowsOf<{ id: string; body: string }>(
    await db.execute(sql`select id::text, body from comments where body like ${`Backup test comment ${label} %`} order by body`),
  );
}

async function sequences(db: DB): Promise<Record<string, string | null>> {
  const rows = rowsOf<{ name: string; value: string | null }>(
    await db.execute(sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

/** The mid-stream backup, restored: a consistent snapshot of the live database. */
async function checkSnapshot(live: DB, restored: DB, label: string, acknowledgedBefore: string[]) {
  const liveAudit = await auditRows(live);
  const restoredAudit = await auditRows(restored);
  expect(restoredAudit.length, "the snapshot holds audit rows").toBeGreaterThan(0);
  expect(restoredAudit.length, "writes went on after the snapshot").toBeLessThan(liveAudit.length);
  // The audit chain: the same rows, in the same order, ids with no gap, the live log's first rows.
  expect(restoredAudit).toEqual(liveAudit.slice(0, restoredAudit.length));
  const restoredComments = await testComments(restored, label);
  const bodies = new Set(restoredComments.map((c) => c.body));
  for (const body of acknowledgedBefore) expect(bodies.has(body), `acknowledged before the backup: ${body}`).toBe(true);
  const audited = new Set(
    rowsOf<{ id: string }>(await restored.execute(sql`select entity_id as id from audit_log where entity_type = 'comment'`)).map((r) => r.id),
  );
  // Atomic: each comment came with its audit row, and no audit row without its comment.
  expect(restoredComments.filter((c) => !audited.has(c.id))).toEqual([]);
  const commentIds = new Set(rowsOf<{ id: string }>(await restored.execute(sql`select id::text from comments`)).map((r) => r.id));
  expect([...audited].filter((id) => !commentIds.has(id))).toEqual([]);
  return { snapshotAudit: restoredAudit.length, liveAudit: liveAudit.length, comments: restoredComments.length };
}

async function checkIdentical(source: DB, restored: DB) {
  expect(await databaseFingerprint(restored)).toEqual(await databaseFingerprint(source));
  expect(await auditRows(restored)).toEqual(await auditRows(source));
  expect(await sequences(restored)).toEqual(await sequences(source));
}

describe("backup while the app serves writes, restored into a fresh database", () => {
  it("on PostgreSQL: a consistent snapshot, and every row and the audit chain identical", async () => {
    const database = await createPostgresDatabase();
    cleanups.push(() => database.drop());
    const target = await openConsultationIn(database.db);
    const server = await startApp(3741, database);
    cleanups.push(() => server.stop());
    const folder = mkdtempSync(path.join(tmpdir(), "pillars-backup-"));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    const cookie = await signInCookie(server.url, ROLE_USERS.secretariat);

    const writing = keepWriting(server, cookie, target, "pg");
    while (writing.acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 50));
    const before = [...writing.acknowledged];
    const midFile = path.join(folder, "mid.backup.gz");
    await runBackup(midFile, { DATABASE_URL: database.url });
    const countAfterBackup = writing.acknowledged.length;
    while (writing.acknowledged.length < countAfterBackup + 20) await new Promise((resolve) => setTimeout(resolve, 50));
    await writing.stop();
    await server.stop();

    const mid = await freshPostgres();
    cleanups.push(() => mid.drop());
    await restoreDatabase(mid, readBackupFile(midFile));
    const figures = await checkSnapshot(database.db, mid.db, "pg", before);

    const finalFile = path.join(folder, "final.backup.gz");
    await runBackup(finalFile, { DATABASE_URL: database.url });
    const final = await freshPostgres();
    cleanups.push(() => final.drop());
    await restoreDatabase(final, readBackupFile(finalFile));
    await checkIdentical(database.db, final.db);
    console.log(
      `backup (PostgreSQL): snapshot of ${figures.snapshotAudit} of ${figures.liveAudit} audit rows (${figures.comments} test comments) taken while writing; final copy identical`,
    );
  });

  it("on PGlite, through the running server: a consistent snapshot, and every row and the audit chain identical", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "pillars-backup-"));
    cleanups.push(async () => rmSync(root, { recursive: true, force: true }));
    const dir = path.join(root, "pglite");
    const seeding = await openDatabase({ kind: "pglite", dir });
    let target: Target;
    try {
      await migrateDatabase(seeding);
      await seedDemoData(seeding.db);
      target = await openConsultationIn(seeding.db);
    } finally {
      await seeding.close();
    }
    const server = await startApp(3742, { pgliteDir: dir });
    cleanups.push(() => server.stop());
    const cookie = await signInCookie(server.url, ROLE_USERS.secretariat);
    const port = new URL(server.url).port;

    const writing = keepWriting(server, cookie, target, "pglite");
    while (writing.acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 50));
    const before = [...writing.acknowledged];
    const midFile = path.join(root, "mid.backup.gz");
    const { stdout } = await runBackup(midFile, { DATABASE_URL: "", PGLITE_DIR: dir, PORT: port });
    expect(stdout).toContain("Asking the running server");
    const countAfterBackup = writing.acknowledged.length;
    while (writing.acknowledged.length < countAfterBackup + 20) await new Promise((resolve) => setTimeout(resolve, 50));
    await writing.stop();
    await server.stop();

    // Closed below, before the second backup opens the folder.
    const source = await openDatabase({ kind: "pglite", dir });
    const mid = await openDatabase({ kind: "pglite", dir: path.join(root, "mid") });
    cleanups.push(() => mid.close());
    await restoreDatabase(mid, readBackupFile(midFile));
    const figures = await checkSnapshot(source.db, mid.db, "pglite", before);

    const finalFile = path.join(root, "final.backup.gz");
    await source.close();
    await runBackup(finalFile, { DATABASE_URL: "", PGLITE_DIR: dir });
    const reopened = await openDatabase({ kind: "pglite", dir });
    cleanups.push(() => reopened.close());
    const final = await openDatabase({ kind: "pglite", dir: path.join(root, "final") });
    cleanups.push(() => final.close());
    await restoreDatabase(final, readBackupFile(finalFile));
    await checkIdentical(reopened.db, final.db);
    console.log(
      `backup (PGlite): snapshot of ${figures.snapshotAudit} of ${figures.liveAudit} audit rows (${figures.comments} test comments) taken through the server while writing; final copy identical`,
    );
  });
});
