import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/lib/demo";
import { calendarDate, DEFAULT_TIMEZONE } from "@/lib/format";

/**
 * Template databases for one test run, built once by the Vitest global setup: migrating and seeding
 * costs seconds, copying a template a fraction of that. `createTestDatabase` copies one per test file.
 */
export type TemplateKind = "migrated" | "seeded";

export type TestTemplates = {
  /** When the demo data was written: its dates are relative to this moment. */
  seededAt: string;
} & (
  | { kind: "pglite"; /** Data directories saved by `dumpDataDir`, one file each. */ files: Record<TemplateKind, string>; folder: string }
  | { kind: "postgres"; /** Databases on the TEST_DATABASE_URL server; nobody may connect to them. */ databases: Record<TemplateKind, string> }
);

declare module "vitest" {
  export interface ProvidedContext {
    testTemplates?: TestTemplates;
  }
}

/**
 * Test databases are named after the run's database (the one TEST_DATABASE_URL names), so whoever
 * drops that run's databases by prefix finds these too.
 */
export function serverDatabaseName(serverUrl: string, suffix: string): string {
  const base = new URL(serverUrl).pathname.slice(1).replace(/[^a-z0-9_]/gi, "") || "pillars_test";
  return `${base}_${suffix}`.toLowerCase().slice(0, 63);
}

export function serverDatabaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function adminClient(serverUrl: string): postgres.Sql {
  return postgres(serverUrl, { max: 1, onnotice: () => {} });
}

/**
 * Whether demo data written at `seededAt` still reads as it would if written now: its due dates,
 * expiries and terms are calendar days from the moment of seeding, so a run that crosses midnight
 * (in UTC or in the organisation's timezone) seeds afresh instead.
 */
export function seedingIsCurrent(seededAt: Date, now = new Date()): boolean {
  return ["UTC", DEFAULT_TIMEZONE].every((zone) => calendarDate(seededAt, zone) === calendarDate(now, zone));
}

/** Builds both templates: on the TEST_DATABASE_URL server when set, else as saved PGlite data directories. */
export async function buildTemplates(serverUrl = process.env.TEST_DATABASE_URL): Promise<TestTemplates> {
  return serverUrl ? buildServerTemplates(serverUrl) : buildPgliteTemplates();
}

export async function dropTemplates(templates: TestTemplates, serverUrl = process.env.TEST_DATABASE_URL): Promise<void> {
  if (templates.kind === "pglite") {
    await rm(templates.folder, { recursive: true, force: true });
    return;
  }
  if (!serverUrl) return;
  await dropServerDatabases(serverUrl, Object.values(templates.databases));
}

async function buildPgliteTemplates(): Promise<TestTemplates> {
  const folder = await mkdtemp(path.join(tmpdir(), "pillars-test-templates-"));
  const files = { migrated: path.join(folder, "migrated.tar"), seeded: path.join(folder, "seeded.tar") };
  const database = await openDatabase({ kind: "pglite", dir: "memory://" });
  try {
    const client = database.pgliteClient!;
    await migrateDatabase(database);
    // Uncompressed: opening a gzipped dump costs each test file more than reading the larger file.
    await writeFile(files.migrated, await blobBytes(await client.dumpDataDir("none")));
    const seededAt = new Date();
    await seedDemoData(database.db, { now: seededAt });
    await writeFile(files.seeded, await blobBytes(await client.dumpDataDir("none")));
    return { kind: "pglite", files, folder, seededAt: seededAt.toISOString() };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    await database.close();
  }
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

async function buildServerTemplates(serverUrl: string): Promise<TestTemplates> {
  // A run id keeps two runs against the same server database from sharing (and dropping) templates.
  const run = randomBytes(3).toString("hex");
  const databases = { migrated: serverDatabaseName(serverUrl, `tpl_${run}_migrated`), seeded: serverDatabaseName(serverUrl, `tpl_${run}_seeded`) };
  const admin = adminClient(serverUrl);
  try {
    await admin.unsafe(`create database ${databases.migrated}`);
    await withServerDatabase(serverUrl, databases.migrated, (database) => migrateDatabase(database));
    await admin.unsafe(`create database ${databases.seeded} template ${databases.migrated}`);
    const seededAt = new Date();
    await withServerDatabase(serverUrl, databases.seeded, (database) => seedDemoData(database.db, { now: seededAt }));
    // PostgreSQL copies a database only while nobody is connected to it: refusing connections keeps
    // it that way (autovacuum included) for the whole run.
    for (const name of Object.values(databases)) await admin.unsafe(`alter database ${name} allow_connections false`);
    return { kind: "postgres", databases, seededAt: seededAt.toISOString() };
  } catch (error) {
    await dropServerDatabases(serverUrl, Object.values(databases));
    throw error;
  } finally {
    await admin.end();
  }
}

async function withServerDatabase(serverUrl: string, name: string, work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<unknown>) {
  const database = await openDatabase({ kind: "postgres", url: serverDatabaseUrl(serverUrl, name) });
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

async function dropServerDatabases(serverUrl: string, names: string[]): Promise<void> {
  const admin = adminClient(serverUrl);
  try {
    for (const name of names) await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
