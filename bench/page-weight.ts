import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { boardSeats, consultations, motions, policies, tasks, users } from "@/db/schema";
import { seedDemoData } from "@/lib/demo";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { type DemoIds, fill, PAGES, type Reader, UNKNOWN_ID } from "@/e2e/page-access";
import { signInCookie, startServer } from "./server";

/**
 * `npm run bench:weight`: what each page sends, on the demo data (PGlite), as each reader who may
 * open it: the HTML's bytes, the part of them that is the React flight payload inlined for the
 * client (`self.__next_f.push`), and the HTML gzipped. Pages are the 200 rows of e2e/page-access.ts
 * as a visitor, a representative and an administrator, plus the Secretariat's and a director's own.
 * Writes bench/page-weight.json; with BENCH_WEIGHT_BEFORE=<an earlier file>, prints it beside; with
 * BENCH_WEIGHT_SAVE=<folder>, keeps each page's HTML there.
 */
const PORT = Number(process.env.BENCH_PORT || 3900);

const ACCOUNTS: Record<Exclude<Reader, "visitor">, string> = { representative: "rep.psc@example.org", admin: "admin@example.org" };
const DRAFT = "/policies/whistleblower-protection-guidance";
const EXTRA: { path: string; as: string }[] = [
  { path: "/dashboard", as: "secretariat@example.org" },
  { path: "/tasks", as: "secretariat@example.org" },
  { path: "/tasks/new", as: "secretariat@example.org" },
  { path: "/tasks/oversight", as: "secretariat@example.org" },
  { path: "/policies/new", as: "secretariat@example.org" },
  { path: `${DRAFT}/edit`, as: "secretariat@example.org" },
  { path: `${DRAFT}/consultations/new`, as: "secretariat@example.org" },
  { path: "/dashboard", as: "gov2@example.org" },
  { path: "/votes", as: "gov2@example.org" },
  { path: "/votes/{openMotion}", as: "gov2@example.org" },
];

export type PageWeight = { page: string; reader: string; status: number; htmlBytes: number; flightBytes: number; gzipBytes: number };

/** The inlined flight payload: the strings pushed to `self.__next_f`, in bytes. */
export function flightBytes(html: string): number {
  let bytes = 0;
  for (const match of html.matchAll(/<script[^>]*>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
    const chunk = JSON.parse(match[1]!) as [number, string?];
    if (typeof chunk[1] === "string") bytes += Buffer.byteLength(chunk[1]);
  }
  return bytes;
}

async function demoIds(dir: string): Promise<DemoIds> {
  const database = await openDatabase({ kind: "pglite", dir });
  try {
    await migrateDatabase(database);
    await seedDemoData(database.db);
    const db = database.db;
    const motion = async (status: string) =>
      (
        await db
          .select({ id: motions.id })
          .from(motions)
          .where(sql`${motions.status} = ${status}`)
          .orderBy(motions.createdAt)
          .limit(1)
      )[0]!.id;
    const consultationOf = async (slug: string) =>
      (
        await db
          .select({ id: consultations.id })
          .from(consultations)
          .innerJoin(policies, eq(policies.id, consultations.policyId))
          .where(and(eq(policies.slug, slug)))
          .limit(1)
      )[0]!.id;
    const [seat] = await db.select({ id: boardSeats.id }).from(boardSeats).limit(1);
    const [task] = await db.select({ id: tasks.id }).from(tasks).limit(1);
    const [repGov] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
    return {
      seat: seat!.id,
      task: task!.id,
      consultation: await consultationOf("complaints-procedure-affected-persons"),
      otherConsultation: await consultationOf("certification-procedure"),
      openMotion: await motion("open"),
      draftMotion: await motion("draft"),
      closedMotion: await motion("closed"),
      repGov: repGov!.id,
      unknown: UNKNOWN_ID,
    };
  } finally {
    await database.close();
  }
}

function table(rows: PageWeight[], before: PageWeight[] | undefined): string {
  const key = (r: PageWeight) => `${r.page} ${r.reader}`;
  const earlier = new Map((before ?? []).map((r) => [key(r), r]));
  const kb = (n: number) => (n / 1000).toFixed(1);
  const lines = [
    before
      ? "page | reader | HTML kB before → now | flight kB before → now | gzip kB before → now | now/before"
      : "page | reader | HTML kB | flight kB | gzip kB",
  ];
  for (const r of rows) {
    const b = earlier.get(key(r));
    lines.push(
      b
        ? `${r.page} | ${r.reader} | ${kb(b.htmlBytes)} → ${kb(r.htmlBytes)} | ${kb(b.flightBytes)} → ${kb(r.flightBytes)} | ${kb(b.gzipBytes)} → ${kb(r.gzipBytes)} | ${(r.htmlBytes / b.htmlBytes).toFixed(2)}`
        : `${r.page} | ${r.reader} | ${kb(r.htmlBytes)} | ${kb(r.flightBytes)} | ${kb(r.gzipBytes)}`,
    );
  }
  return lines.join("\n");
}

async function main() {
  buildIfNeeded();
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "pillars-weight-")), "pglite");
  try {
    const ids = await demoIds(dir);
    const server = await startServer(PORT, { PGLITE_DIR: dir, DATABASE_URL: "", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-42" });
    try {
      const cookies = new Map<string, string>();
      const wanted: { template: string; path: string; as: string | null; reader: string }[] = [];
      for (const row of PAGES) {
        for (const reader of ["visitor", "representative", "admin"] as const) {
          if (row[reader] !== 200) continue;
          wanted.push({ template: row.path, path: fill(row.path, ids), as: reader === "visitor" ? null : ACCOUNTS[reader], reader });
        }
      }
      for (const extra of EXTRA) wanted.push({ template: extra.path, path: fill(extra.path, ids), as: extra.as, reader: extra.as.split("@")[0]! });
      const rows: PageWeight[] = [];
      for (const page of wanted) {
        if (page.as && !cookies.has(page.as)) cookies.set(page.as, await signInCookie(server.url, page.as));
        const response = await fetch(`${server.url}${page.path}`, { headers: page.as ? { cookie: cookies.get(page.as)! } : {}, redirect: "manual" });
        const html = await response.text();
        if (process.env.BENCH_WEIGHT_SAVE) {
          mkdirSync(process.env.BENCH_WEIGHT_SAVE, { recursive: true });
          writeFileSync(path.join(process.env.BENCH_WEIGHT_SAVE, `${page.template.replace(/\W+/g, "_")}.${page.reader}.html`), html);
        }
        const label = page.template.replace(
          /^\/policies\/complaints-procedure-affected-persons\/consultations/,
          "/policies/complaints…/consultations",
        );
        rows.push({
          page: label,
          reader: page.reader,
          status: response.status,
          htmlBytes: Buffer.byteLength(html),
          flightBytes: flightBytes(html),
          gzipBytes: gzipSync(html).length,
        });
      }
      const bad = rows.filter((r) => r.status !== 200);
      if (bad.length) console.warn(`Not 200: ${bad.map((r) => `${r.page} as ${r.reader} (${r.status})`).join(", ")}`);
      writeFileSync(path.join("bench", "page-weight.json"), `${JSON.stringify({ measuredAt: new Date().toISOString(), pages: rows }, null, 2)}\n`);
      const beforeFile = process.env.BENCH_WEIGHT_BEFORE;
      const before = beforeFile
        ? ((await import(path.resolve(beforeFile), { with: { type: "json" } })) as { default: { pages: PageWeight[] } }).default.pages
        : undefined;
      console.log(table(rows, before));
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
