import { sql } from "drizzle-orm";
import { getDb, prepareDatabase, statementCount } from "@/db";
import { appliedMigrations, knownMigrations } from "@/db/migrate";
import { logError } from "@/lib/log";

const NO_STORE = { "cache-control": "no-store" };

/**
 * `?probe=live`: the process answers (liveness: restart it when this fails). Otherwise, and with
 * `?probe=ready`: the database answers and every migration of this version is applied (readiness:
 * route traffic elsewhere while this fails). Load balancers and the container's health check use it.
 */
export async function GET(request: Request) {
  const probe = new URL(request.url).searchParams.get("probe");
  if (probe === "live") return Response.json({ status: "ok" }, { headers: NO_STORE });
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    const { database } = await prepareDatabase();
    const applied = new Set((await appliedMigrations(database)).map((m) => m.hash));
    const pending = knownMigrations().filter((m) => !applied.has(m.hash)).length;
    if (pending > 0) return Response.json({ status: "error", database: "up", migrations: "pending", pending }, { status: 503, headers: NO_STORE });
    // The benchmark reads how many SQL statements the process has run (BENCH_COUNT_QUERIES=1 only).
    const body =
      process.env.BENCH_COUNT_QUERIES === "1"
        ? { status: "ok", database: "up", migrations: "applied", statements: await statementCount() }
        : { status: "ok", database: "up", migrations: "applied" };
    return Response.json(body, { headers: NO_STORE });
  } catch (error) {
    logError("Health check failed", error);
    return Response.json({ status: "error", database: "down" }, { status: 503, headers: NO_STORE });
  }
}

export const dynamic = "force-dynamic";
