import { sql } from "drizzle-orm";
import { getDb } from "@/db";

/** 200 only when the database answers; load balancers use it to route around a sick process. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: "up" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("Health check failed:", error);
    return Response.json({ status: "error", database: "down" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}

export const dynamic = "force-dynamic";
