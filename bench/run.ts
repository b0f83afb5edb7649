import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { type DatabaseTarget, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { motions } from "@/db/schema";
import { seedDemoData } from "@/lib/demo";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { growTo100x, HOT_POLICY_SLUG } from "./generate";
import { measureFloor } from "./floor";
import { firstLoadJsBytes, measurePage, type PageFigures, warmUp } from "./measure";
import { signInCookie, startServer } from "./server";
import { printTable } from "./report";
import { measureSignInStorm, type StormFigures } from "./sign-in-storm";

/**
 * `npm run bench`: builds the app if needed, then for each database (PGlite; PostgreSQL too when
 * DATABASE_URL names a server) and each size (1× the demo, 100×) prepares a fresh database, starts
 * the built app on it and measures each page. Prints goals beside figures; writes bench/results.json.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_PORT moves the app (and the floor, on the next port) off 3900 when that is taken.
const PORT = Number(process.env.BENCH_PORT || 3900);
const FLOOR_PORT = PORT + 1;

type PageSpec = { name: string; path: (ids: Ids) => string; as: string | null };
type Ids = { openMotionId: string };

const PAGES: PageSpec[] = [
  { name: "dashboard (director)", path: () => "/dashboard", as: "gov2@example.org" },
  { name: "dashboard (secretariat)", path: () => "/dashboard", as: "secretariat@example.org" },
  { name: "policy with its comments", path: () => `/policies/${HOT_POLICY_SLUG}`, as: "gov2@example.org" },
  { name: "motion", path: (ids) => `/votes/${ids.openMotionId}`, as: "gov2@example.org" },
  { name: "tasks", path: () => "/tasks", as: "secretariat@example.org" },
  { name: "registry search", path: () => "/registry?q=", as: null },
  { name: "registry API", path: () => "/api/registry", as: null },
  { name: "home (public)", path: () => "/", as: null },
  { name: "board (public)", path: () => "/board", as: null },
  { name: "registry entry (public)", path: () => "/registry/meridian-protective-services", as: null },
  { name: "policies (public)", path: () => "/policies", as: null },
  { name: "votes (public)", path: () => "/votes", as: null },
];

async function prepare(target: DatabaseTarget, size: "1x" | "100x"): Promise<Ids> {
  const database = await openDatabase(target);
  try {
    await migrateDatabase(database);
    await seedDemoData(database.db);
    if (size === "100x") await growTo100x(database.db);
    const [open] = await database.db.select({ id: motions.id }).from(motions).where(eq(motions.status, "open")).limit(1);
    return { openMotionId: open?.id ?? "00000000-0000-4000-8000-000000000000" };
  } finally {
    await database.close();
  }
}

async function freshTarget(
  kind: "pglite" | "postgres",
  size: string,
): Promise<{ target: DatabaseTarget; env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), `pillars-bench-${size}-`)), "pglite");
    return {
      target: { kind, dir },
      env: { PGLITE_DIR: dir, DATABASE_URL: "" },
      drop: async () => rmSync(path.dirname(dir), { recursive: true, force: true }),
    };
  }
  const server = new URL(process.env.DATABASE_URL!);
  // BENCH_DATABASE_PREFIX names the scratch databases when several runs share one server.
  const name = `${process.env.BENCH_DATABASE_PREFIX ?? "pillars_bench_"}${size}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    target: { kind, url: url.toString() },
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export type RunResult = {
  database: string;
  size: string;
  startupMs: number;
  /** The floor app's figures (bench/floor.ts), measured in the same run just before the pages. */
  floor: PageFigures;
  /** Which pages a visitor reads (no session): the ones a cache can serve. */
  publicPages: string[];
  pages: Record<string, PageFigures>;
  jsBytes?: Record<string, number>;
  /** `/api/health` while 200 sign-ins run at once (1× only). */
  signInStorm?: StormFigures;
};

async function runOne(kind: "pglite" | "postgres", size: "1x" | "100x"): Promise<RunResult> {
  const floor = await measureFloor(FLOOR_PORT, SECONDS);
  console.log(`  floor: ${floor.rps} requests/s, p50 ${floor.p50Ms} ms`);
  const { target, env, drop } = await freshTarget(kind, size);
  try {
    const preparedAt = Date.now();
    const ids = await prepare(target, size);
    console.log(`  ${kind} ${size}: database ready in ${((Date.now() - preparedAt) / 1000).toFixed(1)} s`);
    // One trusted proxy: the sign-in storm gives each attempt its own address (X-Forwarded-For).
    const server = await startServer(PORT, {
      ...env,
      BENCH_COUNT_QUERIES: "1",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-42",
      TRUSTED_PROXY_HOPS: "1",
    });
    try {
      const cookies = new Map<string, string>();
      for (const email of new Set(PAGES.map((p) => p.as).filter((e): e is string => !!e))) cookies.set(email, await signInCookie(server.url, email));
      for (const page of PAGES) await warmUp(server.url, page.path(ids), page.as ? cookies.get(page.as)! : null);
      const pages: Record<string, PageFigures> = {};
      for (const page of PAGES) {
        pages[page.name] = await measurePage(server.url, page.path(ids), page.as ? cookies.get(page.as)! : null, server.pid, SECONDS);
        console.log(`    ${page.name}: p50 ${pages[page.name]!.p50Ms} ms, ${pages[page.name]!.statementsPerRequest} statements`);
      }
      let jsBytes: Record<string, number> | undefined;
      if (size === "1x" && kind === "pglite") {
        const bytes = await firstLoadJsBytes(
          server.url,
          PAGES.map((p) => ({ path: p.path(ids), cookie: p.as ? cookies.get(p.as)! : null })),
        );
        jsBytes = Object.fromEntries(PAGES.map((p, i) => [p.name, bytes[i]!]));
      }
      let signInStorm: StormFigures | undefined;
      if (size === "1x") {
        signInStorm = await measureSignInStorm(server.url, SECONDS);
        console.log(
          `    /api/health during ${signInStorm.clients} simultaneous sign-ins: p50 ${signInStorm.healthP50Ms} ms, p95 ${signInStorm.healthP95Ms} ms (${JSON.stringify(signInStorm.signIns)})`,
        );
      }
      const publicPages = PAGES.filter((p) => p.as === null).map((p) => p.name);
      return { database: kind, size, startupMs: server.startupMs, floor, publicPages, pages, jsBytes, signInStorm };
    } finally {
      await server.stop();
    }
  } finally {
    await drop();
  }
}

/** A cold `npm start`: a fresh embedded database, created, migrated and seeded by the server itself. */
async function coldStartMs(): Promise<number> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "pillars-bench-cold-")), "pglite");
  const server = await startServer(PORT, { PGLITE_DIR: dir, DATABASE_URL: "" });
  await server.stop();
  rmSync(path.dirname(dir), { recursive: true, force: true });
  return server.startupMs;
}

/** `BENCH_STORM_ONLY=1`: only the sign-in storm, on a fresh embedded database with the demo data. */
async function stormOnly(): Promise<void> {
  const { target, env, drop } = await freshTarget("pglite", "storm");
  try {
    await prepare(target, "1x");
    const server = await startServer(PORT, { ...env, AUTH_SECRET: "bench-secret-bench-secret-bench-secret-42", TRUSTED_PROXY_HOPS: "1" });
    try {
      await warmUp(server.url, "/api/health", null);
      // The sign-in route's first answer loads its code; the storm measures a warm server.
      await signInCookie(server.url, "admin@example.org");
      const storm = await measureSignInStorm(server.url, SECONDS);
      console.log(
        `/api/health during ${storm.clients} simultaneous sign-ins for ${storm.seconds} s: p50 ${storm.healthP50Ms} ms (goal < 200), p95 ${storm.healthP95Ms} ms over ${storm.healthRequests} requests; sign-ins ${JSON.stringify(storm.signIns)}`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await drop();
  }
}

async function main() {
  buildIfNeeded();
  if (process.env.BENCH_STORM_ONLY === "1") return stormOnly();
  const available: ("pglite" | "postgres")[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  // BENCH_ONLY=pglite or BENCH_ONLY=postgres measures one database.
  const kinds = available.filter((kind) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === kind);
  const runs: RunResult[] = [];
  // BENCH_SIZES=1x measures the demo data only.
  const sizes = (["1x", "100x"] as const).filter((size) => !process.env.BENCH_SIZES || process.env.BENCH_SIZES.split(",").includes(size));
  for (const kind of kinds) {
    for (const size of sizes) {
      console.log(`Measuring ${kind} at ${size} (${SECONDS} s per page)…`);
      runs.push(await runOne(kind, size));
    }
  }
  const cold = await coldStartMs();
  const results = { measuredAt: new Date().toISOString(), secondsPerPage: SECONDS, connections: 10, coldStartMs: cold, runs };
  mkdirSync("bench", { recursive: true });
  writeFileSync(path.join("bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
