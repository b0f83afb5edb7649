import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { type Database, type DB, rowsOf, type Tx } from "@/db/client";
import {
  appliedMigrations,
  type AppliedMigration,
  checkSchemaVersion,
  type KnownMigration,
  knownMigrations,
  MIGRATIONS_FOLDER,
  migrateDatabase,
} from "@/db/migrate";

/**
 * A Pillars backup is a logical copy of every table in the `public` schema, taken in one consistent
 * snapshot, with the schema version it was taken at. The file is gzip-compressed text, one record a
 * line: lines starting with `#` are JSON records (the header, each table's start, the sequences, the
 * summary with each table's row count and checksum); every other line is one row as PostgreSQL's own
 * `row_to_json` wrote it, so no value passes through a JavaScript number. Restoring rebuilds the schema
 * with the migrations up to the backup's version, loads the rows, then applies the newer migrations.
 */
export const BACKUP_FORMAT = "pillars-backup";
const FORMAT_VERSION = 1;
const BATCH_ROWS = 1000;

export type TableSummary = { rows: number; checksum: string };
export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  source: Database["kind"];
  /** The migrations applied to the database backed up, oldest first; `tag` names the newest this code knew. */
  schema: { tag: string | null; applied: AppliedMigration[] };
  tables: string[];
};
export type BackupRecord =
  | { kind: "header"; header: BackupHeader }
  | { kind: "table"; name: string }
  | { kind: "rows"; table: string; rows: string[] }
  | { kind: "sequences"; values: { name: string; value: string | null }[] }
  | { kind: "summary"; tables: Record<string, TableSummary> };

export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefusedError";
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The base tables of the public schema, by name. */
export async function publicTables(db: DB | Tx): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  return rows.map((row) => row.name);
}

/** Each table's row count and a checksum of its rows' text (order-independent, timezone fixed to UTC by the caller). */
export async function tableSummaries(db: DB | Tx, tables: string[]): Promise<Record<string, TableSummary>> {
  if (tables.length === 0) return {};
  const parts = tables.map(
    (name) =>
      `select '${name}' as name, count(*)::int as rows, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as checksum from ${q(name)} x`,
  );
  const rows = rowsOf<{ name: string; rows: number; checksum: string }>(await db.execute(sql.raw(parts.join(" union all "))));
  return Object.fromEntries(rows.map((row) => [row.name, { rows: Number(row.rows), checksum: row.checksum }]));
}

async function sequenceValues(db: DB | Tx): Promise<{ name: string; value: string | null }[]> {
  const rows = rowsOf<{ name: string; value: string | null }>(
    await db.execute(sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by sequencename`),
  );
  return rows.map((row) => ({ name: row.name, value: row.value }));
}

function schemaTag(applied: AppliedMigration[], known: KnownMigration[]): string | null {
  const last = applied.at(-1);
  return last ? (known.find((m) => m.hash === last.hash)?.tag ?? null) : null;
}

/**
 * Reads the whole database in one snapshot and hands each record to `emit`. On PostgreSQL the
 * snapshot is a repeatable-read, read-only transaction, so writes go on meanwhile; on PGlite the
 * one connection is held for the length of the copy, so a write waits for it.
 */
export async function dumpDatabase(database: Database, emit: (record: BackupRecord) => Promise<void> | void): Promise<void> {
  const known = knownMigrations();
  await database.db.transaction(
    async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      const applied = await appliedMigrations({ ...database, db: tx as unknown as DB });
      const tables = await publicTables(tx);
      await emit({
        kind: "header",
        header: {
          format: BACKUP_FORMAT,
          formatVersion: FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          source: database.kind,
          schema: { tag: schemaTag(applied, known), applied },
          tables,
        },
      });
      for (const table of tables) {
        await emit({ kind: "table", name: table });
        await tx.execute(sql.raw(`declare pillars_backup no scroll cursor for select row_to_json(x)::text as row from ${q(table)} x`));
        for (;;) {
          const rows = rowsOf<{ row: string }>(await tx.execute(sql.raw(`fetch ${BATCH_ROWS} from pillars_backup`)));
          if (rows.length === 0) break;
          await emit({ kind: "rows", table, rows: rows.map((r) => r.row) });
        }
        await tx.execute(sql.raw(`close pillars_backup`));
      }
      await emit({ kind: "sequences", values: await sequenceValues(tx) });
      await emit({ kind: "summary", tables: await tableSummaries(tx, tables) });
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** The records of `dumpDatabase` as an async iterable, read as fast as the consumer takes them. */
export async function* dumpRecords(database: Database): AsyncGenerator<BackupRecord> {
  const queue: BackupRecord[] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let cancelled = false;
  const dumping = dumpDatabase(database, async (record) => {
    // A consumer that stopped (a client that hung up) ends the snapshot's transaction at once.
    if (cancelled) throw new Error("The backup was cancelled by its reader.");
    queue.push(record);
    wake?.();
    // Backpressure: let the consumer drain before reading more rows.
    while (queue.length > 8 && !cancelled) await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }).then(
    () => (done = true),
    (error: unknown) => {
      failure = error;
      done = true;
    },
  );
  try {
    for (;;) {
      if (queue.length > 0) {
        yield queue.shift()!;
        continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 5);
      });
    }
  } finally {
    cancelled = !done;
    await dumping;
  }
  if (failure) throw failure;
}

/** A backup as a gzip byte stream (for the internal backup route and the command line alike). */
export function backupStream(database: Database): Readable {
  async function* lines() {
    for await (const record of dumpRecords(database)) yield serialize(record);
  }
  return Readable.from(lines()).pipe(createGzip());
}

function serialize(record: BackupRecord): string {
  switch (record.kind) {
    case "rows":
      return record.rows.map((row) => `${row}\n`).join("");
    case "header":
      return `#${JSON.stringify({ kind: "header", ...record.header })}\n`;
    default:
      return `#${JSON.stringify(record)}\n`;
  }
}

/** Writes a backup file. */
export async function writeBackupFile(database: Database, file: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  await pipeline(backupStream(database), createWriteStream(partial, { mode: 0o600 }));
  const { rename } = await import("node:fs/promises");
  await rename(partial, file);
}

/** Reads a backup file (or stream) back into records, rows in batches. */
export async function* readBackup(input: Readable): AsyncGenerator<BackupRecord> {
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  let table: string | null = null;
  let batch: string[] = [];
  let first = true;
  for await (const line of lines) {
    if (line === "") continue;
    if (first && !line.startsWith("#")) throw new BackupRefusedError("This file is not a Pillars backup.");
    if (line.startsWith("#")) {
      if (table && batch.length) yield { kind: "rows", table, rows: batch };
      batch = [];
      const record = JSON.parse(line.slice(1)) as { kind: string } & Record<string, unknown>;
      if (first) {
        if (record.kind !== "header" || record.format !== BACKUP_FORMAT) throw new BackupRefusedError("This file is not a Pillars backup.");
        if (Number(record.formatVersion) > FORMAT_VERSION)
          throw new BackupRefusedError("This backup was written by a newer version of Pillars; restore it with that version or a later one.");
        first = false;
        const header = { ...record } as Partial<typeof record>;
        delete header.kind;
        yield { kind: "header", header: header as unknown as BackupHeader };
        continue;
      }
      if (record.kind === "table") table = String(record.name);
      else table = null;
      yield record as unknown as BackupRecord;
      continue;
    }
    if (!table) throw new BackupRefusedError("This backup is damaged: a row outside a table.");
    batch.push(line);
    if (batch.length >= BATCH_ROWS) {
      yield { kind: "rows", table, rows: batch };
      batch = [];
    }
  }
  if (first) throw new BackupRefusedError("This file is empty or not a Pillars backup.");
}

export function readBackupFile(file: string): AsyncGenerator<BackupRecord> {
  return readBackup(createReadStream(file));
}

/** Whether any table of the public schema has a row. */
export async function hasRows(db: DB): Promise<boolean> {
  const tables = await publicTables(db);
  if (tables.length === 0) return false;
  const rows = rowsOf<{ found: boolean }>(
    await db.execute(sql.raw(`select ${tables.map((t) => `exists (select 1 from ${q(t)})`).join(" or ")} as found`)),
  );
  return Boolean(rows[0]?.found);
}

/** Drops everything the migrations created: the public schema's tables, types and functions, and the migrations journal. */
async function clearSchema(db: DB): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`drop schema if exists drizzle cascade`);
    for (const table of await publicTables(tx)) await tx.execute(sql.raw(`drop table if exists ${q(table)} cascade`));
    const functions = rowsOf<{ sig: string }>(
      await tx.execute(sql`select p.oid::regprocedure::text as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`),
    );
    for (const { sig } of functions) await tx.execute(sql.raw(`drop function if exists ${sig} cascade`));
    const types = rowsOf<{ name: string }>(
      await tx.execute(sql`select t.typname as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typtype = 'e'`),
    );
    for (const { name } of types) await tx.execute(sql.raw(`drop type if exists ${q(name)} cascade`));
  });
}

/** A migrations folder holding only the first `count` migrations of this code's, for rebuilding an older schema. */
export async function migrationsUpTo(count: number): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "pillars-migrations-"));
  await mkdir(path.join(folder, "meta"));
  const { readFile } = await import("node:fs/promises");
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, count);
  await writeFile(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) await copyFile(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}

export type RestoreResult = { header: BackupHeader; tables: Record<string, TableSummary & { restored: TableSummary }> };

/**
 * Restores a backup into `database`, which must hold no rows unless `force` (then everything in it is
 * replaced). Refuses a backup from a newer schema than this code's. The schema is rebuilt by the
 * migrations up to the backup's version; the rows are loaded in one transaction with the foreign keys
 * taken off and the tables' own triggers disabled (as pg_restore does: data first, then the
 * constraints, which are checked when they are put back); every table's count and checksum must then
 * match the backup's summary or nothing is kept. Newer migrations are applied last.
 */
export async function restoreDatabase(
  database: Database,
  records: AsyncIterable<BackupRecord>,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const iterator = records[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || first.value.kind !== "header") throw new BackupRefusedError("This file is not a Pillars backup.");
  const header = first.value.header;
  const known = knownMigrations();
  try {
    checkSchemaVersion(header.schema.applied, known);
  } catch {
    throw new BackupRefusedError(
      `This backup was made at a newer schema version than this version of Pillars knows (its newest migration is ${known.at(-1)?.tag}). ` +
        `Restore it with the version that made it, or a later one. Nothing was changed.`,
    );
  }
  const knownIndex = header.schema.applied.map((m) => known.findIndex((k) => k.hash === m.hash));
  if (knownIndex.some((i, n) => i !== n))
    throw new BackupRefusedError("This backup's schema history does not match this version's migrations; restore it with the version that made it.");

  if (await hasRows(database.db)) {
    if (!options.force)
      throw new BackupRefusedError("The target database is not empty. Restore into an empty database, or pass --force to replace everything in it.");
  }
  await checkTargetNotNewer(database, known);
  await clearSchema(database.db);
  const folder = await migrationsUpTo(header.schema.applied.length);
  try {
    await migrateDatabase(database, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }

  let summary: Record<string, TableSummary> | undefined;
  let restored: Record<string, TableSummary> = {};
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables = await publicTables(tx);
    const foreignKeys = rowsOf<{ table: string; name: string; definition: string }>(
      await tx.execute(sql`select c.conrelid::regclass::text as "table", c.conname as name, pg_get_constraintdef(c.oid) as definition
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' and c.contype = 'f' order by 1, 2`),
    );
    for (const fk of foreignKeys) await tx.execute(sql.raw(`alter table ${fk.table} drop constraint ${q(fk.name)}`));
    for (const table of tables) await tx.execute(sql.raw(`alter table ${q(table)} disable trigger user`));
    const wanted = new Set(header.tables);
    for (const table of tables)
      if (!wanted.has(table)) throw new BackupRefusedError(`The backup has no table ${table} although its schema version has it.`);
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const record = next.value;
      if (record.kind === "rows") {
        if (!tables.includes(record.table)) throw new BackupRefusedError(`The backup has rows for an unknown table ${record.table}.`);
        await tx.execute(
          sql`insert into ${sql.identifier(record.table)} overriding system value
            select * from json_populate_recordset(null::${sql.identifier(record.table)}, ${`[${record.rows.join(",")}]`}::json)`,
        );
      } else if (record.kind === "sequences") {
        for (const { name, value } of record.values) {
          if (value === null) await tx.execute(sql`select setval(${q(name)}, 1, false)`);
          else await tx.execute(sql`select setval(${q(name)}, ${value}::bigint, true)`);
        }
      } else if (record.kind === "summary") {
        summary = record.tables;
      }
    }
    if (!summary) throw new BackupRefusedError("This backup is incomplete (it has no summary): it was cut short. Nothing was restored.");
    for (const table of tables) await tx.execute(sql.raw(`alter table ${q(table)} enable trigger user`));
    for (const fk of foreignKeys) await tx.execute(sql.raw(`alter table ${fk.table} add constraint ${q(fk.name)} ${fk.definition}`));
    restored = await tableSummaries(tx, tables);
    const differing = Object.keys(summary).filter((t) => restored[t]?.checksum !== summary![t]!.checksum || restored[t]?.rows !== summary![t]!.rows);
    if (differing.length > 0)
      throw new BackupRefusedError(`The restored tables ${differing.join(", ")} differ from the backup. Nothing was restored.`);
  });
  // The schema is brought up to this version's.
  await migrateDatabase(database);
  const finalSummary = summary as Record<string, TableSummary> | undefined;
  const tables = Object.fromEntries(Object.entries(finalSummary ?? {}).map(([name, s]) => [name, { ...s, restored: restored[name]! }]));
  return { header, tables };
}

async function checkTargetNotNewer(database: Database, known: KnownMigration[]): Promise<void> {
  checkSchemaVersion(await appliedMigrations(database), known);
}
