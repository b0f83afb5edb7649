import { sql } from "drizzle-orm";
import { getDb, statementCount } from "@/db";
import { logError } from "@/lib/log";

/** 200 only when the database answers; load balancers use it to route around a sick process. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    // The benchmark reads how many SQL statements the process has run (BENCH_COUNT_QUERIES=1 only).
    const body =
      process.env.BENCH_COUNT_QUERIES === "1"
        ? { status: "ok", database: "up", statements: await statementCount() }
        : { status: "ok", database: "up" };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logError("Health check failed", error);
    return Response.json({ status: "error", database: "down" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}

export const dynamic = "force-dynamic";
