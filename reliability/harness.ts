import { randomBytes } from "node:crypto";
import { isNull } from "drizzle-orm";
import postgres from "postgres";
import { startServer, type Server } from "@/bench/server";
import { type Database, type DB, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { notifications } from "@/db/schema";
import { seedDemoData } from "@/lib/demo";
import type { Role } from "@/lib/auth/permissions";
import { callAction, findAction } from "@/lib/testing/http-actions";
import type { HttpCase, HttpRequest } from "./catalog";

/** The catalog of every domain, found by glob: `lib/<domain>/reliability-cases.ts`. */
const modules = import.meta.glob<{ httpCases: HttpCase[] }>("/lib/**/reliability-cases.ts", { eager: true });
export const CATALOG: HttpCase[] = Object.values(modules).flatMap((m) => m.httpCases);

// A demo user holding each role, as in the function-level walk (lib/auth/authorization.test.ts).
export const ROLE_USERS: Record<Role, string> = {
  admin: "admin@example.org",
  secretariat: "secretariat@example.org",
  director: "cso2@example.org",
  chair: "gov1@example.org",
  representative: "rep.psc@example.org",
};

export const AUTH_SECRET = "reliability-secret-reliability-secret-42";
const SERVER_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export type FreshPostgres = Database & { url: string; drop: () => Promise<void> };

/**
 * A new, migrated and seeded database on the PostgreSQL server, named after the server URL's
 * database so that whoever drops that run's databases finds it too. `drop` closes and drops it.
 */
export async function createPostgresDatabase(): Promise<FreshPostgres> {
  const server = new URL(SERVER_URL);
  const base = server.pathname.slice(1).replace(/[^a-z0-9_]/gi, "") || "postgres";
  const name = `${base}_rel_${randomBytes(4).toString("hex")}`.toLowerCase().slice(0, 63);
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  await migrateDatabase(database);
  await seedDemoData(database.db);
  return {
    ...database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Shifts the suite's ports (3701–3799 by default), so that runs on one machine do not collide. */
const PORT_BASE = Number(process.env.RELIABILITY_PORT_BASE || 3700);

/** Starts the built app on the given database; a small pool so two processes fit on the server. */
export function startApp(port: number, database: { url: string } | { pgliteDir: string }, extraEnv: Record<string, string> = {}): Promise<Server> {
  const env: Record<string, string> = { AUTH_SECRET, DATABASE_POOL_MAX: "5", ...extraEnv };
  if ("url" in database) env.DATABASE_URL = database.url;
  else Object.assign(env, { DATABASE_URL: "", PGLITE_DIR: database.pgliteDir });
  return startServer(port - 3700 + PORT_BASE, env);
}

/**
 * Whether the build serves the entry. Next leaves out a server action that no page imports, so such
 * an action cannot be called over HTTP at all; the suites report it instead of calling it.
 */
export function isReachable(c: HttpCase): boolean {
  if (c.target.kind !== "action") return true;
  try {
    findAction(c.target.file, c.target.exportName);
    return true;
  } catch {
    return false;
  }
}

export type Outcome = "allowed" | "unauthenticated" | "forbidden" | "invalid" | "error";
export type Sent = { status: number; body: string; outcome: Outcome; message?: string };

// The guard's messages (lib/auth/guard.ts) and toActionError's answer to an unexpected error.
const UNAUTHENTICATED = "Please sign in to continue.";
const FORBIDDEN = "Your role does not allow this action.";
const UNEXPECTED = "Something went wrong on our side";

/**
 * The ActionState an action returned: row 1 of the React Flight response. Rows end with a newline,
 * except text rows (`<id>:T<hex byte length>,<text>`, for strings of 1,024 characters or more, such
 * as a long value a refused form echoes back), which end after their length.
 */
export function actionState(body: string): { ok: boolean; error?: string } | null {
  const bytes = Buffer.from(body, "utf8");
  for (let at = 0; at < bytes.length;) {
    const colon = bytes.indexOf(":", at);
    if (colon < 0) break;
    const id = bytes.toString("utf8", at, colon);
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(",", colon);
      at = comma + 1 + parseInt(bytes.toString("utf8", colon + 2, comma), 16);
      continue;
    }
    const newline = bytes.indexOf("\n", colon);
    const end = newline < 0 ? bytes.length : newline;
    if (id === "1") {
      try {
        return JSON.parse(bytes.toString("utf8", colon + 1, end)) as { ok: boolean; error?: string };
      } catch {
        return null;
      }
    }
    at = end + 1;
  }
  return null;
}

/**
 * Marks the outbox delivered, as the server's sweep would. `prepare` writes through commands in the
 * test process, so its notices are not sent by the server right after the write; without this, the
 * server's periodic sweep would stamp them (`emailed_at`) in the middle of a later call's check.
 */
export async function settleOutbox(db: DB): Promise<void> {
  await db.update(notifications).set({ emailedAt: new Date() }).where(isNull(notifications.emailedAt));
}

function classifyStatus(status: number): Outcome {
  if (status >= 500) return "error";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status >= 400) return "invalid";
  return "allowed";
}

export type SendOptions = { cookie?: string; origin?: string | null; headers?: Record<string, string> };

const actionIds = new Map<string, { id: string; page: string }>();

/** Sends one request for a catalog entry and classifies the answer. */
export async function send(baseUrl: string, c: HttpCase, request: HttpRequest, options: SendOptions = {}): Promise<Sent> {
  const target = c.target;
  if (target.kind === "action") {
    const key = `${target.file}#${target.exportName}`;
    if (!actionIds.has(key)) actionIds.set(key, findAction(target.file, target.exportName));
    const args = request.args ?? [null, toFormData(request.fields ?? {})];
    const response = await callAction(baseUrl, actionIds.get(key)!, args, options);
    if (response.status >= 300 && response.status < 400) return { ...response, outcome: "allowed" };
    if (response.status === 200 && response.redirect)
      return { ...response, outcome: response.redirect.startsWith("/login") ? "unauthenticated" : "allowed" };
    if (response.status !== 200) return { ...response, outcome: classifyStatus(response.status) };
    const state = actionState(response.body);
    if (!state) return { ...response, outcome: "error", message: "no ActionState in the response" };
    if (state.ok) return { ...response, outcome: "allowed" };
    const message = state.error ?? "";
    const outcome: Outcome =
      message === UNAUTHENTICATED ? "unauthenticated" : message === FORBIDDEN ? "forbidden" : message.startsWith(UNEXPECTED) ? "error" : "invalid";
    return { ...response, outcome, message };
  }
  const path = `${request.path ?? target.path}${request.query ? `?${new URLSearchParams(request.query)}` : ""}`;
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (target.kind === "page") {
    const response = await fetch(`${baseUrl}${path}`, { headers, redirect: "manual" });
    const body = await response.text();
    const location = response.headers.get("location") ?? "";
    if (response.status >= 300 && response.status < 400 && location.includes("/login"))
      return { status: response.status, body, outcome: "unauthenticated" };
    if (request.shows !== undefined) {
      const seen = response.status === 200 && body.includes(request.shows);
      return { status: response.status, body, outcome: seen ? "allowed" : options.cookie ? "forbidden" : "unauthenticated" };
    }
    return { status: response.status, body, outcome: classifyStatus(response.status) };
  }
  let body: string | undefined;
  if (request.json) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  } else if (request.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(request.form).toString();
  }
  const response = await fetch(`${baseUrl}${path}`, { method: target.method, headers, body, redirect: "manual" });
  return { status: response.status, body: await readBody(response), outcome: classifyStatus(response.status) };
}

/**
 * The body of an answer; of an event stream (/api/live), which never ends by itself, only its first
 * chunk (the server writes one at once), after which the stream is cancelled as a closed tab would.
 */
export async function readBody(response: Response): Promise<string> {
  if (!response.headers.get("content-type")?.startsWith("text/event-stream") || !response.body) return response.text();
  const reader = response.body.getReader();
  const timeout = setTimeout(() => void reader.cancel(), 5_000);
  try {
    const { value } = await reader.read();
    return new TextDecoder().decode(value ?? new Uint8Array());
  } finally {
    clearTimeout(timeout);
    await reader.cancel().catch(() => {});
  }
}

export function toFormData(fields: Record<string, string | string[] | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  return form;
}

/** Runs tasks with at most `limit` in flight; resolves with every result in order. */
export async function inParallel<T>(count: number, limit: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}
