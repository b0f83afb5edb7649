import { eq, like, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, type Server } from "@/bench/server";
import { invitations, users } from "@/db/schema";
import { can, type Role, ROLES } from "@/lib/auth/permissions";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import type { HttpCase, HttpRequest } from "./catalog";
import {
  CATALOG,
  createPostgresDatabase,
  type FreshPostgres,
  inParallel,
  isReachable,
  ROLE_USERS,
  send,
  type SendOptions,
  type Sent,
  settleOutbox,
  startApp,
} from "./harness";
import { fieldPayloads, HTML_PAYLOADS, LIVE_HTML, mutations } from "./payloads";

/**
 * Malformed input to every action and endpoint of the catalog, sent to a running server on
 * PostgreSQL: no answer may be an HTTP 500 (or an action's "something went wrong", its equivalent),
 * no table outside the entry's `writes` may change, tables in `addsOneRowTo` gain exactly one row
 * per accepted call, and no page shows a payload as live HTML.
 */
let database: FreshPostgres;
let server: Server;
const cookies = {} as Record<Role, string>;
let otherUserId = "";

beforeAll(async () => {
  database = await createPostgresDatabase();
  server = await startApp(3731, database);
  for (const role of ROLES) cookies[role] = await signInCookie(server.url, ROLE_USERS[role]);
  // A user's first page writes their overdue-task notices once (the header's inbox count): do it here, not inside an entry's check.
  for (const role of ROLES) await fetch(`${server.url}/dashboard`, { headers: { cookie: cookies[role] } });
  const [other] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "rep.cso@example.org"));
  otherUserId = other!.id;
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const totals = { inputs: 0, http500: 0, unexpected: 0, accepted: 0, answered: 0, refused: 0, dropped: 0, partial: 0 };
const failures: string[] = [];

function rowCount(digest: string | undefined): number {
  return Number((digest ?? "0:").split(":")[0]);
}

/** Requests larger than this may be cut off by the server (431) rather than answered. */
const OVERSIZED = 64 * 1024;

/**
 * Sends a request; a connection error is retried once, because the client may pick a pooled
 * connection that the server has just closed after refusing an oversized request.
 */
async function sendOnce(c: HttpCase, request: HttpRequest, options: SendOptions): Promise<Sent> {
  try {
    return await send(server.url, c, request, options);
  } catch {
    return send(server.url, c, request, options);
  }
}

/** Sends each request, then checks the tables against the entry's declared writes. */
async function fuzz(c: HttpCase, requests: { request: HttpRequest; options: SendOptions; label: string }[]): Promise<void> {
  await settleOutbox(database.db);
  const before = await databaseFingerprint(database.db);
  let accepted = 0;
  await inParallel(requests.length, 4, async (i) => {
    const { request, options, label } = requests[i]!;
    let sent: Sent;
    try {
      sent = await sendOnce(c, request, options);
    } catch (error) {
      // Node answers an oversized URL or header with 431 and closes the connection, sometimes
      // before the client has finished writing it (EPIPE): that is a refusal, and nothing is stored.
      if (JSON.stringify(request).length > OVERSIZED) {
        totals.inputs++;
        totals.dropped++;
        totals.refused++;
        return;
      }
      failures.push(`${c.name} (${label}): connection dropped: ${(error as Error).message}`);
      return;
    }
    totals.inputs++;
    if (sent.status >= 500) {
      totals.http500++;
      failures.push(`${c.name} (${label}): HTTP ${sent.status} ${sent.body.slice(0, 200)}`);
    } else if (sent.outcome === "error") {
      totals.unexpected++;
      failures.push(`${c.name} (${label}): ${sent.message}`);
    } else if (sent.outcome === "allowed") {
      accepted++;
    } else {
      totals.refused++;
    }
  });
  const reads = c.target.kind === "page" || (c.target.kind === "route" && c.target.method === "GET");
  if (reads) totals.answered += accepted;
  else totals.accepted += accepted;
  await settleOutbox(database.db);
  const after = await databaseFingerprint(database.db);
  for (const table of Object.keys(before)) {
    if (c.writes.includes(table)) continue;
    if (after[table] !== before[table]) {
      totals.partial++;
      failures.push(`${c.name}: table ${table} changed, yet the entry does not write it`);
    }
  }
  for (const table of c.addsOneRowTo ?? []) {
    const added = rowCount(after[table]) - rowCount(before[table]);
    if (added !== accepted) {
      totals.partial++;
      failures.push(`${c.name}: ${accepted} accepted calls added ${added} rows to ${table}`);
    }
  }
  await c.restore?.(database.db);
}

/** The valid request, made malformed in every way, sent as a caller the table allows (or nobody). */
async function requestsFor(c: HttpCase): Promise<{ request: HttpRequest; options: SendOptions; label: string }[]> {
  const allowed = c.permission ? ROLES.find((role) => can([role], c.permission!)) : undefined;
  const cookie = allowed ? cookies[allowed] : undefined;
  const refused = c.permission ? ROLES.find((role) => !can([role], c.permission!)) : undefined;
  const out: { request: HttpRequest; options: SendOptions; label: string }[] = [];
  const base = await c.prepare(database.db);
  for (const request of mutations(c, base, fieldPayloads(otherUserId))) {
    // Fields the mutation left alone take a fresh valid value (a new email), so that an accepted
    // call is a real new write rather than a duplicate.
    const fresh = await c.prepare(database.db);
    const fields = request.fields && base.fields && fresh.fields ? refresh(base.fields, request.fields, fresh.fields) : request.fields;
    out.push({ request: { ...request, fields }, options: { cookie }, label: describeRequest(request) });
  }
  // Sessions and origins, around a valid request: none of these may get through.
  const valid = await c.prepare(database.db);
  const garbage = "authjs.session-token=garbage.not-a-jwt; __Secure-authjs.session-token=x";
  const truncated = cookie ? cookie.slice(0, Math.floor(cookie.length / 2)) : garbage;
  if (c.permission) {
    out.push({ request: valid, options: { cookie: garbage }, label: "garbage session cookie" });
    out.push({ request: await c.prepare(database.db), options: { cookie: truncated }, label: "truncated session cookie" });
    if (refused) out.push({ request: await c.prepare(database.db), options: { cookie: cookies[refused] }, label: `refused role ${refused}` });
  }
  if (c.target.kind === "action") {
    for (const origin of ["https://evil.example", "null", "not a url", `http://127.0.0.1:1`]) {
      out.push({ request: await c.prepare(database.db), options: { cookie, origin }, label: `foreign Origin ${origin}` });
    }
  }
  return out;
}

/** The lines of the server's log that report an error, with the lines after each, at most 60 lines. */
function serverErrors(log: string): string {
  const lines = log.split("\n");
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (/error/i.test(line) && out.length < 60) out.push(...lines.slice(i, i + 6).map((l) => l.slice(0, 400)));
  });
  return out.join("\n") || "(none)";
}

type Fields = Record<string, string | string[]>;
function refresh(base: Fields, mutated: Fields, fresh: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(mutated)) out[key] = JSON.stringify(value) === JSON.stringify(base[key]) ? fresh[key]! : value;
  return out;
}

function describeRequest(request: HttpRequest): string {
  return JSON.stringify(request.args ?? request.fields ?? request.form ?? request.json ?? request.query ?? {}).slice(0, 120);
}

describe("fuzz: malformed input over HTTP", () => {
  it("no 500, no partial rows, across every action and endpoint of the catalog", async () => {
    const fuzzed = CATALOG.filter((c) => isReachable(c) && !c.noFuzz);
    const started = Date.now();
    for (const c of fuzzed) await fuzz(c, await requestsFor(c));
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(
      `fuzz: ${totals.inputs} malformed inputs over ${fuzzed.length} actions and endpoints in ${seconds} s; ` +
        `${totals.http500} HTTP 500s, ${totals.unexpected} unexpected errors, ${totals.partial} partial writes, ` +
        `${totals.refused} refused, ${totals.accepted} writes accepted as valid, ${totals.answered} reads answered, ${totals.dropped} oversized requests cut off by the server (431)`,
    );
    if (failures.length > 0) console.log(`fuzz: the server's errors:\n${serverErrors(server.log())}`);
    expect(failures.slice(0, 30)).toEqual([]);
    expect(totals.inputs).toBeGreaterThanOrEqual(1000);
  });

  it("a NUL byte, a foreign Origin and a missing Origin get clear answers", async () => {
    const create = CATALOG.find((c) => c.name === "invite person")!;
    const nul = await create.prepare(database.db);
    const sentNul = await send(server.url, create, { fields: { ...nul.fields, name: "before\u0000after" } }, { cookie: cookies.admin });
    expect(sentNul.outcome).toBe("invalid");
    expect(sentNul.message).toMatch(/NUL/);

    const before = await databaseFingerprint(database.db);
    const foreign = await send(server.url, create, await create.prepare(database.db), { cookie: cookies.admin, origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: "forbidden" } });
    const anonymous = await send(server.url, create, await create.prepare(database.db), { origin: null });
    expect(anonymous.outcome).toBe("unauthenticated");
    expect(await databaseFingerprint(database.db)).toEqual(before);

    // Without an Origin, Next runs the action (a browser always sends one on POST; the session cookie
    // is SameSite=Lax, so another site's request carries no session).
    const missing = await send(server.url, create, await create.prepare(database.db), { cookie: cookies.admin, origin: null });
    console.log(
      `fuzz, origins: NUL byte → ${sentNul.status} "${sentNul.message}"; foreign Origin → ${foreign.status}; ` +
        `missing Origin without a session → ${anonymous.outcome}; missing Origin with the admin's session → ${missing.outcome}`,
    );
  });

  it("no payload is shown as live HTML", async () => {
    // Some payloads are valid names: they were stored, so the pages below do show them.
    const stored = await database.db.select({ id: invitations.id }).from(invitations).where(like(invitations.name, "%pillars-xss%"));
    expect(stored.length, "a stored HTML payload to look for").toBeGreaterThan(0);
    const pages = ["/admin/invitations", "/audit?entityType=invitation", "/dashboard"];
    let live = 0;
    let escaped = 0;
    for (const page of pages) {
      const html = await (await fetch(`${server.url}${page}`, { headers: { cookie: cookies.admin } })).text();
      expect(html, `${page} renders`).toContain("</html>");
      for (const pattern of LIVE_HTML) if (pattern.test(html)) live++;
      if (html.includes("&lt;script&gt;alert(")) escaped++;
    }
    expect(escaped, "the stored payload is on a page, as text").toBeGreaterThan(0);
    const others = await database.db.select({ id: users.id }).from(users).where(ne(users.name, ""));
    console.log(
      `fuzz, rendering: ${stored.length} stored HTML payloads (of ${HTML_PAYLOADS.length} kinds) among ${others.length} accounts; ${live} shown as live HTML on ${pages.length} pages`,
    );
    expect(live).toBe(0);
  });
});
