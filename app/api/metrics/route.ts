import { sql } from "drizzle-orm";
import { prepareDatabase } from "@/db";
import { rowsOf } from "@/db/client";
import { liveSubscriberCount } from "@/lib/live/bus";
import { logError } from "@/lib/log";
import { type Gauge, renderMetrics } from "@/lib/ops/metrics";
import { bearerMatches } from "@/lib/ops/ops-token";

const TEXT = "text/plain; version=0.0.4; charset=utf-8";

/**
 * Prometheus metrics: requests and latency by route, the database connections and outbox backlog,
 * and the process's memory. Answers only `Authorization: Bearer $METRICS_TOKEN`; without the variable
 * set, it answers nobody.
 */
export async function GET(request: Request) {
  const token = process.env.METRICS_TOKEN;
  const header = request.headers.get("authorization");
  if (!token || !bearerMatches(header, token)) {
    const status = header ? 403 : 401;
    const message = !token
      ? "Metrics are off: set METRICS_TOKEN on the server to turn them on."
      : header
        ? "This token does not open the metrics."
        : "Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.";
    return Response.json(
      { error: { code: status === 401 ? "unauthorized" : "forbidden", message } },
      { status, headers: { "cache-control": "no-store", ...(status === 401 ? { "www-authenticate": 'Bearer realm="metrics"' } : {}) } },
    );
  }
  const memory = process.memoryUsage();
  const gauges: Gauge[] = [
    { name: "pillars_process_resident_memory_bytes", help: "Resident memory of the server process.", value: memory.rss },
    { name: "pillars_nodejs_heap_used_bytes", help: "JavaScript heap in use.", value: memory.heapUsed },
    { name: "pillars_nodejs_heap_total_bytes", help: "JavaScript heap reserved.", value: memory.heapTotal },
    { name: "pillars_nodejs_external_bytes", help: "Memory outside the JavaScript heap (buffers, WebAssembly).", value: memory.external },
    { name: "pillars_process_uptime_seconds", help: "Seconds since the server process started.", value: Math.round(process.uptime()) },
    { name: "pillars_live_streams", help: "Live-update streams (/api/live) this process has open.", value: liveSubscriberCount() },
  ];
  try {
    const { database } = await prepareDatabase();
    const db = database.db;
    gauges.push({ name: "pillars_database_up", help: "1 when the database answers.", value: 1, labels: { kind: database.kind } });
    gauges.push({
      name: "pillars_database_pool_max",
      help: "Connections this process may open (DATABASE_POOL_MAX; 1 on the embedded database).",
      value: database.kind === "postgres" ? Number(process.env.DATABASE_POOL_MAX ?? 10) : 1,
    });
    if (database.kind === "postgres") {
      const states = rowsOf<{ state: string | null; n: number }>(
        await db.execute(sql`select state, count(*)::int as n from pg_stat_activity where datname = current_database() group by state`),
      );
      for (const { state, n } of states)
        gauges.push({
          name: "pillars_database_connections",
          help: "Connections to this database on the server (all app processes), by state.",
          value: Number(n),
          labels: { state: state ?? "unknown" },
        });
    }
    const [outbox] = rowsOf<{ pending: number; oldest: number | null }>(
      await db.execute(sql`select count(*)::int as pending,
        extract(epoch from (now() - min(created_at)))::float8 as oldest from notifications where emailed_at is null`),
    );
    gauges.push({ name: "pillars_outbox_pending", help: "Notices not yet emailed (the outbox backlog).", value: Number(outbox?.pending ?? 0) });
    gauges.push({
      name: "pillars_outbox_oldest_pending_seconds",
      help: "Age of the oldest notice not yet emailed (0 when none).",
      value: Math.round(Number(outbox?.oldest ?? 0)),
    });
  } catch (error) {
    logError("Reading the database metrics failed", error);
    gauges.push({ name: "pillars_database_up", help: "1 when the database answers.", value: 0, labels: { kind: "unknown" } });
  }
  return new Response(renderMetrics(gauges), { headers: { "content-type": TEXT, "cache-control": "no-store" } });
}

export const dynamic = "force-dynamic";
