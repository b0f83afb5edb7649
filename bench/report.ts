import type { PageFigures } from "./measure";

type Results = {
  coldStartMs: number;
  runs: {
    database: string;
    size: string;
    floor: PageFigures;
    publicPages: string[];
    pages: Record<string, PageFigures>;
    jsBytes?: Record<string, number>;
    signInStorm?: { clients: number; healthP50Ms: number; healthP95Ms: number };
  }[];
};

export const GOALS = {
  statementsPerRequest: 10,
  p50Ratio: 1.3,
  firstLoadJsKb: 170,
  rssMb: { pglite: 600, postgres: 350 },
  coldStartS: 60,
  /** `/api/health`'s median while 200 sign-ins run at once. */
  healthDuringSignInsMs: 200,
  /** Requests per second as a share of the floor's: public pages (from cache) and signed-in pages. */
  floorRatio: { public: 2, signedIn: 0.7 },
};

const mark = (ok: boolean) => (ok ? "met" : "MISSED");

/** Prints every figure beside its goal. */
export function printTable(results: Results): void {
  const lines: string[] = [];
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  lines.push(
    `${pad("database", 9)}${pad("size", 6)}${pad("page", 26)}${pad("p50 ms", 9)}${pad("p95 ms", 9)}${pad("req/s", 8)}${pad("× floor", 9)}${pad("stmts", 7)}${pad("RSS MB", 8)}non-2xx`,
  );
  for (const run of results.runs) {
    const f = run.floor;
    lines.push(
      `${pad(run.database, 9)}${pad(run.size, 6)}${pad("(floor)", 26)}${pad(f.p50Ms, 9)}${pad(f.p95Ms, 9)}${pad(f.rps, 8)}${pad("1.00", 9)}${pad("-", 7)}${pad(f.peakRssMb, 8)}${f.non2xx}`,
    );
    for (const [page, f] of Object.entries(run.pages)) {
      const ratio = (f.rps / run.floor.rps).toFixed(2);
      lines.push(
        `${pad(run.database, 9)}${pad(run.size, 6)}${pad(page, 26)}${pad(f.p50Ms, 9)}${pad(f.p95Ms, 9)}${pad(f.rps, 8)}${pad(ratio, 9)}${pad(f.statementsPerRequest, 7)}${pad(f.peakRssMb, 8)}${f.non2xx}`,
      );
    }
  }
  lines.push("", "Goals:");
  for (const run of results.runs) {
    for (const [page, f] of Object.entries(run.pages)) {
      const isPublic = run.publicPages.includes(page);
      const goal = isPublic ? GOALS.floorRatio.public : GOALS.floorRatio.signedIn;
      const ratio = f.rps / run.floor.rps;
      lines.push(
        `  requests/s ≥ ${goal} × the floor's, ${isPublic ? "public" : "signed in"} (${run.database} ${run.size}, ${page}): ${ratio.toFixed(2)} → ${mark(ratio >= goal)}`,
      );
    }
  }
  for (const run of results.runs) {
    const worst = Math.max(...Object.values(run.pages).map((f) => f.statementsPerRequest));
    lines.push(
      `  ≤ ${GOALS.statementsPerRequest} statements per request (${run.database} ${run.size}): worst ${worst} → ${mark(worst <= GOALS.statementsPerRequest)}`,
    );
    const rss = Math.max(...Object.values(run.pages).map((f) => f.peakRssMb));
    const limit = GOALS.rssMb[run.database as "pglite" | "postgres"];
    lines.push(`  RSS ≤ ${limit} MB (${run.database} ${run.size}): peak ${rss} MB → ${mark(rss <= limit)}`);
  }
  for (const database of new Set(results.runs.map((r) => r.database))) {
    const one = results.runs.find((r) => r.database === database && r.size === "1x");
    const hundred = results.runs.find((r) => r.database === database && r.size === "100x");
    if (!one || !hundred) continue;
    for (const page of Object.keys(one.pages)) {
      const ratio = hundred.pages[page]!.p50Ms / one.pages[page]!.p50Ms;
      lines.push(`  p50 100× ≤ ${GOALS.p50Ratio} × p50 1× (${database}, ${page}): ${ratio.toFixed(2)} → ${mark(ratio <= GOALS.p50Ratio)}`);
    }
  }
  for (const run of results.runs) {
    for (const [page, bytes] of Object.entries(run.jsBytes ?? {})) {
      const kb = Math.round(bytes / 1024);
      lines.push(`  first-load JS ≤ ${GOALS.firstLoadJsKb} kB (${page}): ${kb} kB → ${mark(kb <= GOALS.firstLoadJsKb)}`);
    }
  }
  for (const run of results.runs) {
    const storm = run.signInStorm;
    if (!storm) continue;
    lines.push(
      `  /api/health p50 < ${GOALS.healthDuringSignInsMs} ms during ${storm.clients} simultaneous sign-ins (${run.database}): ${storm.healthP50Ms} ms (p95 ${storm.healthP95Ms}) → ${mark(storm.healthP50Ms < GOALS.healthDuringSignInsMs)}`,
    );
  }
  const coldS = results.coldStartMs / 1000;
  lines.push(`  cold start serving ≤ ${GOALS.coldStartS} s: ${coldS.toFixed(1)} s → ${mark(coldS <= GOALS.coldStartS)}`);
  console.log(`\n${lines.join("\n")}`);
}
