import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, type Server } from "@/bench/server";
import { boardSeats, consultations, motions, policies, tasks, users } from "@/db/schema";
import { pageRoutes } from "@/e2e/page-access";
import { createPostgresDatabase, type FreshPostgres, inParallel, ROLE_USERS, startApp } from "./harness";

/**
 * Every query parameter of every page and route handler, and every route parameter, given NUL bytes,
 * control characters, overlong values, repeated values (arrays) and values of the wrong type, as a
 * signed-out visitor and as the administrator: no answer may be an HTTP 500.
 */
let database: FreshPostgres;
let server: Server;
let admin = "";

/** Each page and route handler, with a valid address and the query parameters it reads. */
type Target = { route: string; path: string; params: string[] };
let targets: Target[] = [];

const REGISTRY = ["q", "country", "pillar", "status", "goodStanding", "page"];
const TASKS = ["mine", "created", "status", "overdue", "week", "policyId", "page"];

async function buildTargets(): Promise<Target[]> {
  const db = database.db;
  const [policy] = await db
    .select({ slug: policies.slug, id: policies.id })
    .from(policies)
    .where(eq(policies.slug, "complaints-procedure-affected-persons"));
  const [consultation] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.policyId, policy!.id));
  const [motion] = await db.select({ id: motions.id }).from(motions).where(eq(motions.status, "closed"));
  const [task] = await db.select({ id: tasks.id }).from(tasks).limit(1);
  const [seat] = await db.select({ id: boardSeats.id }).from(boardSeats).limit(1);
  const [person] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
  const [draft] = await db
    .select({ slug: policies.slug })
    .from(policies)
    .where(and(eq(policies.status, "draft"), isNull(policies.adoptedVersionId)));
  const consultationPath = `/policies/${policy!.slug}/consultations/${consultation!.id}`;
  return [
    { route: "/", path: "/", params: [] },
    { route: "/login", path: "/login", params: ["returnTo", "error", "reset", "joined"] },
    { route: "/board", path: "/board", params: [] },
    { route: "/registry", path: "/registry", params: REGISTRY },
    { route: "/registry/[slug]", path: "/registry/meridian-protective-services", params: [] },
    { route: "/votes", path: "/votes", params: [] },
    { route: "/votes/[id]", path: `/votes/${motion!.id}`, params: [] },
    { route: "/policies", path: "/policies", params: ["status", "category"] },
    { route: "/policies/new", path: "/policies/new", params: [] },
    { route: "/policies/[slug]", path: `/policies/${policy!.slug}`, params: [] },
    { route: "/policies/[slug]/diff", path: `/policies/${policy!.slug}/diff`, params: ["from", "to", "view"] },
    { route: "/policies/[slug]/edit", path: `/policies/${draft!.slug}/edit`, params: [] },
    { route: "/policies/[slug]/consultations/new", path: `/policies/${draft!.slug}/consultations/new`, params: [] },
    { route: "/policies/[slug]/consultations/[id]", path: consultationPath, params: ["paragraph"] },
    { route: "/policies/[slug]/consultations/[id]/register", path: `${consultationPath}/register`, params: ["pillar", "status"] },
    { route: "/dashboard", path: "/dashboard", params: [] },
    { route: "/inbox", path: "/inbox", params: ["page"] },
    { route: "/audit", path: "/audit", params: ["entityType", "entityId", "page"] },
    { route: "/tasks", path: "/tasks", params: TASKS },
    { route: "/tasks/new", path: "/tasks/new", params: ["motionId", "policyId", "title"] },
    { route: "/tasks/oversight", path: "/tasks/oversight", params: [] },
    { route: "/tasks/[id]", path: `/tasks/${task!.id}`, params: [] },
    { route: "/admin/users", path: "/admin/users", params: [] },
    { route: "/admin/users/[id]", path: `/admin/users/${person!.id}`, params: [] },
    { route: "/account", path: "/account", params: [] },
    { route: "/admin/invitations", path: "/admin/invitations", params: [] },
    { route: "/account/security", path: "/account/security", params: [] },
    { route: "/forgot-password", path: "/forgot-password", params: [] },
    { route: "/invitation/[token]", path: `/invitation/${"A".repeat(43)}`, params: [] },
    { route: "/reset-password/[token]", path: `/reset-password/${"A".repeat(43)}`, params: [] },
    { route: "/admin/rules", path: "/admin/rules", params: [] },
    { route: "/admin/seats", path: "/admin/seats", params: [] },
    { route: "/admin/seats/[id]", path: `/admin/seats/${seat!.id}`, params: ["done"] },
    { route: "/admin/organizations", path: "/admin/organizations", params: [] },
    { route: "/admin/organizations/[slug]", path: "/admin/organizations/meridian-protective-services", params: ["done"] },
    // Route handlers.
    { route: "api", path: "/api/health", params: ["probe"] },
    { route: "api", path: "/api/metrics", params: [] },
    { route: "api", path: "/api/registry", params: REGISTRY },
    { route: "/api/registry/[slug]", path: "/api/registry/meridian-protective-services", params: ["asOf"] },
    { route: "/api/consultations/[id]/register", path: `/api/consultations/${consultation!.id}/register`, params: ["pillar", "status"] },
    { route: "api", path: "/api/tasks/export", params: TASKS },
    { route: "/api/votes/[id]/roll-call", path: `/api/votes/${motion!.id}/roll-call`, params: [] },
    { route: "/api/calendar/[token]", path: "/api/calendar/not-a-real-token.ics", params: [] },
    { route: "api", path: "/api/live", params: ["topic"] },
  ];
}

/** Values no parameter expects. Each is sent raw (percent-encoded by URLSearchParams). */
const VALUES = [
  "\u0000",
  "a\u0000b",
  "\r\nSet-Cookie: x=1",
  "\u001b[31m",
  "x".repeat(5000),
  "9".repeat(400),
  "-1",
  "0",
  "1.5",
  "NaN",
  "1e309",
  "true",
  "[]",
  "{}",
  "null",
  "%",
  "%zz",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "\u202egnp.exe",
  "🏳️‍🌈",
];
/** Route parameters (the last dynamic segment of a path) get these instead of the valid one. */
const SEGMENTS = ["%00", "a%00b", "%0d%0a", "x".repeat(3000), "%ff", "..%2f..%2fetc", "00000000-0000-0000-0000-000000000000", "%E2%80%AE", "null"];

beforeAll(async () => {
  database = await createPostgresDatabase();
  server = await startApp(3733, database);
  admin = await signInCookie(server.url, ROLE_USERS.admin);
  targets = await buildTargets();
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe("fuzz: every page's and route's parameters", () => {
  it("lists every page of the app", () => {
    const fuzzed = new Set(targets.map((t) => t.route));
    expect(pageRoutes().filter((route) => !fuzzed.has(route))).toEqual([]);
  });

  it("no 500 for NUL bytes, overlong values, arrays or wrong types in any parameter", async () => {
    const requests: { url: string; label: string }[] = [];
    for (const target of targets) {
      for (const name of target.params) {
        for (const value of VALUES)
          requests.push({ url: `${target.path}?${new URLSearchParams({ [name]: value })}`, label: `${name}=${JSON.stringify(value).slice(0, 40)}` });
        // The same parameter twice: a page reading it as one value gets an array.
        requests.push({ url: `${target.path}?${name}=1&${name}=2`, label: `${name} twice` });
        requests.push({ url: `${target.path}?${name}[]=1&${name}[x]=2`, label: `${name} as a structure` });
      }
      // Each dynamic segment of the route, in turn, replaced by a malformed one.
      const routeParts = target.route.split("/");
      const pathParts = target.path.split("/");
      routeParts.forEach((part, index) => {
        if (!part.startsWith("[")) return;
        for (const segment of SEGMENTS) {
          const url = pathParts.map((p, i) => (i === index ? segment : p)).join("/");
          requests.push({ url, label: `${part} = ${segment.slice(0, 30)}` });
        }
      });
    }
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    await inParallel(requests.length * 2, 6, async (i) => {
      const { url, label } = requests[i >> 1]!;
      const cookie = i % 2 ? admin : undefined;
      let status: number;
      try {
        const response = await fetch(`${server.url}${url}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
        status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        failures.push(`${url} (${label}): ${(error as Error).message}`);
        return;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) failures.push(`${cookie ? "admin" : "visitor"} ${url.slice(0, 120)} (${label}): HTTP ${status}`);
    });
    const summary = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${n}× ${status}`)
      .join(", ");
    console.log(`fuzz, parameters: ${requests.length * 2} requests over ${targets.length} pages and route handlers (visitor and admin): ${summary}`);
    expect(failures.slice(0, 30)).toEqual([]);
  });
});
