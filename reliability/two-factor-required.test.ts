import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, type Server } from "@/bench/server";
import { settings } from "@/db/schema";
import { TWO_FACTOR_ROLES_KEY } from "@/lib/accounts/two-factor-policy";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { CATALOG, createPostgresDatabase, type FreshPostgres, ROLE_USERS, send, startApp } from "./harness";

/**
 * Every role required to use two-factor sign-in, none of the acting accounts has it on: every page of
 * the catalog sends the reader to set it up (public pages included, where a signed-in reader sees
 * more than a visitor), every action refuses with the reason, and nothing is written.
 */
let database: FreshPostgres;
let server: Server;
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  database = await createPostgresDatabase();
  server = await startApp(3741, database);
  for (const role of ROLES) cookies[role] = await signInCookie(server.url, ROLE_USERS[role]);
});
/** Requires it of every role, once the requests are prepared (preparing acts as these accounts too). */
async function requireOfEveryRole(required: boolean): Promise<void> {
  await database.db.delete(settings).where(eq(settings.key, TWO_FACTOR_ROLES_KEY));
  if (required) await database.db.insert(settings).values({ key: TWO_FACTOR_ROLES_KEY, value: ROLES.join(",") });
}

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe("two-factor sign-in required of every role, on for nobody", () => {
  it("every page of the catalog sends a signed-in reader to Security, whatever the role", async () => {
    const pages = CATALOG.filter((c) => c.target.kind === "page");
    const paths: { name: string; path: string }[] = [];
    for (const c of pages) paths.push({ name: c.name, path: (await c.prepare(database.db)).path ?? (c.target as { path: string }).path });
    await requireOfEveryRole(true);
    const answers: string[] = [];
    let redirected = 0;
    for (const { name, path } of paths) {
      for (const role of ROLES) {
        const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[role] }, redirect: "manual" });
        const location = response.headers.get("location") ?? "";
        if (response.status === 307 && location.endsWith("/account/security")) redirected++;
        else if (path !== "/account/security") answers.push(`${name} as ${role}: ${response.status} ${location}`);
      }
    }
    await requireOfEveryRole(false);
    console.log(`two-factor required: ${redirected} page visits of ${pages.length} pages × ${ROLES.length} roles sent to Security`);
    expect(answers).toEqual([]);
    expect(redirected).toBe(paths.filter((p) => p.path !== "/account/security").length * ROLES.length);
  });

  it("every action refuses with the reason and writes nothing", async () => {
    const actions = CATALOG.filter((c) => c.target.kind === "action" && c.permission && c.permission !== "mfa.manage");
    const requests = [];
    for (const c of actions) requests.push({ c, request: await c.prepare(database.db) });
    await requireOfEveryRole(true);
    const before = await databaseFingerprint(database.db);
    const refusals = new Map<string, number>();
    for (const { c, request } of requests) {
      const sent = await send(server.url, c, request, { cookie: cookies.admin });
      const key = `${sent.status} ${sent.message ?? sent.outcome}`;
      refusals.set(key, (refusals.get(key) ?? 0) + 1);
    }
    const after = await databaseFingerprint(database.db);
    await requireOfEveryRole(false);
    console.log(`two-factor required: ${actions.length} actions as the administrator answered ${JSON.stringify(Object.fromEntries(refusals))}`);
    expect([...refusals.keys()]).toEqual(["200 Turn on two-factor sign-in first (Security): your role requires it."]);
    expect(after).toEqual(before);
  });
});
