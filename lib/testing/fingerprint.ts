import { sql } from "drizzle-orm";
import { type DB, rowsOf } from "@/db/client";

/**
 * Columns left out of the digest: a session's last-seen time is noted by any signed-in request (at
 * most once a minute), a refused one included, and is no state a refusal could have changed.
 */
const NOTED_ON_EVERY_REQUEST: Record<string, string> = { sessions: "last_seen_at" };

/**
 * A digest of every row of every table. Two equal fingerprints mean nothing was written in between;
 * refusal tests compare one taken before and after the refused call.
 */
export async function databaseFingerprint(db: DB): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((row) => row.name);
  const parts = tables.map((name) => {
    const row = NOTED_ON_EVERY_REQUEST[name] ? `(to_jsonb(x) - '${NOTED_ON_EVERY_REQUEST[name]}')::text` : "x::text";
    return `select '${name}' as name, count(*)::text || ':' || md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as digest from "${name}" x`;
  });
  const rows = rowsOf<{ name: string; digest: string }>(await db.execute(sql.raw(parts.join(" union all "))));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
