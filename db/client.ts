import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { lockDatabaseFolder } from "./pglite-lock";
import { preparedStatementsEnabled, preparingClient } from "./prepared";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type for both drivers: code never needs to know which one it runs on. */
export type DB = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  /** `loadDataDir`: a data directory saved by PGlite's `dumpDataDir`, opened instead of a new one (test templates). */
  | { kind: "pglite"; dir: string; loadDataDir?: Blob };

export type Database = {
  db: DB;
  kind: DatabaseTarget["kind"];
  /** The postgres.js client, on PostgreSQL only (for session-level advisory locks). */
  postgresClient?: postgres.Sql;
  /** The PGlite client, on PGlite only (tests save its data directory as a template). */
  pgliteClient?: PGlite;
  close: () => Promise<void>;
  /** Counts SQL statements when BENCH_COUNT_QUERIES=1. */
  statements: { count: number };
};

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite at ${target.dir}`;
}

/** Opens a database. PGlite folders are locked to this process; `memory://` needs no lock. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const statements = { count: 0 };
  const logger: Logger | undefined = process.env.BENCH_COUNT_QUERIES === "1" ? { logQuery: () => void statements.count++ } : undefined;

  if (target.kind === "postgres") {
    const prepare = preparedStatementsEnabled();
    const client = postgres(target.url, {
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      prepare,
      onnotice: () => {},
      // Dates stay strings: a calendar date has no timezone.
      types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
    });
    const db = drizzlePostgres({ client: prepare ? preparingClient(client) : client, schema, logger }) as unknown as DB;
    return { db, kind: "postgres", postgresClient: client, statements, close: () => client.end({ timeout: 5 }) };
  }

  const inMemory = target.dir.startsWith("memory://");
  const release = inMemory ? () => {} : lockDatabaseFolder(target.dir);
  try {
    if (!inMemory && !target.loadDataDir) await initializeFolderInChildProcess(path.resolve(target.dir));
    const client = await PGlite.create({ dataDir: inMemory ? target.dir : path.resolve(target.dir), loadDataDir: target.loadDataDir });
    const db = drizzlePglite({ client, schema, logger }) as unknown as DB;
    return {
      db,
      kind: "pglite",
      pgliteClient: client,
      statements,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Creating a new PGlite folder (initdb) grows the WebAssembly heap to ~850 MB, and a WebAssembly heap
 * never shrinks: done in the server, the server would keep that memory for life. A short-lived child
 * process creates the folder instead, and the server then opens it at ~370 MB.
 */
async function initializeFolderInChildProcess(dir: string): Promise<void> {
  if (existsSync(path.join(dir, "PG_VERSION"))) return;
  const script = `const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create(process.argv[1]); await db.close();`;
  await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, dir], { cwd: process.cwd() });
}

/** Rows of a raw `db.execute` result: PGlite returns `{ rows }`, postgres.js an array. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a string is a UUID; unknown ids are answered as "not found" before they reach SQL. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** An error's message, plus its cause's (a failed query names the SQL; its cause says why). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && !error.message.includes(cause) ? `${error.message}\n  Cause: ${cause}` : error.message;
}
