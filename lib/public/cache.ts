import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { unstable_cache, updateTag } from "next/cache";
import type { DB } from "@/db/client";
import { auditLog } from "@/db/schema";
import { currentRequestId } from "@/lib/request-id";

/**
 * What anonymous readers see (the registry, the board, public votes and adopted policies) is read
 * from Next's data cache instead of the database. An answer is never stale:
 *
 * - Its key holds the newest audit row's id. Every state change writes an audit row in its own
 *   transaction, so the first read after a change commits, in this process or in another one behind
 *   the same load balancer, misses the cache and reads afresh. That one indexed lookup replaces the
 *   page's statements.
 * - Its key holds the quarter hour: good standing depends on today's date in the organisation's
 *   timezone, and every timezone's midnight falls on a quarter hour.
 * - Each answer carries a tag; a form action expires the tags of the entities its audit rows name
 *   (`expirePublicReads`), so entries this process will never read again do not linger either.
 */
export const PUBLIC_TAGS = {
  registry: "public:registry",
  board: "public:board",
  votes: "public:votes",
  policies: "public:policies",
} as const;
export type PublicTag = (typeof PUBLIC_TAGS)[keyof typeof PUBLIC_TAGS];

const ALL: PublicTag[] = Object.values(PUBLIC_TAGS);

/** The public answers an audit row's entity may appear in. An entity type not listed expires them all. */
const TAGS_BY_ENTITY: Record<string, PublicTag[]> = {
  organization: [PUBLIC_TAGS.registry, PUBLIC_TAGS.board],
  seat: [PUBLIC_TAGS.board, PUBLIC_TAGS.votes],
  user: [PUBLIC_TAGS.board, PUBLIC_TAGS.votes],
  motion: [PUBLIC_TAGS.votes, PUBLIC_TAGS.policies, PUBLIC_TAGS.board],
  decision_rule: [PUBLIC_TAGS.votes],
  policy: [PUBLIC_TAGS.policies, PUBLIC_TAGS.votes],
  consultation: [PUBLIC_TAGS.policies],
  comment: [],
  task: [],
};

/** The tags to expire for the entity types some audit rows name. */
export function tagsForEntities(entityTypes: Iterable<string>): PublicTag[] {
  const tags = new Set<PublicTag>();
  for (const type of entityTypes) for (const tag of TAGS_BY_ENTITY[type] ?? ALL) tags.add(tag);
  return [...tags];
}

/** The newest audit row's id: it changes with every committed state change. */
async function dataVersion(db: DB): Promise<number> {
  const [row] = await db.select({ v: sql<number>`coalesce(max(${auditLog.id}), 0)`.mapWith(Number) }).from(auditLog);
  return row?.v ?? 0;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * A public read through the cache. `key` names the read and its arguments; `load` must return plain
 * JSON values (the cache stores them as JSON).
 */
export async function cachedPublicRead<T>(db: DB, tag: PublicTag, key: string[], load: () => Promise<T>): Promise<T> {
  const version = await dataVersion(db);
  const quarter = Math.floor(Date.now() / QUARTER_HOUR_MS);
  return unstable_cache(load, ["public", ...key, `v${version}`, `q${quarter}`], { tags: [tag], revalidate: QUARTER_HOUR_MS / 1000 })();
}

/** Expires the public answers that the audit rows this request wrote may have changed. For server actions. */
export async function expirePublicReads(db: DB): Promise<void> {
  const requestId = await currentRequestId();
  const types = requestId
    ? (
        await db
          .selectDistinct({ type: auditLog.entityType })
          .from(auditLog)
          .where(sql`${auditLog.requestId} = ${requestId}`)
      ).map((r) => r.type)
    : [];
  for (const tag of requestId ? tagsForEntities(types) : ALL) updateTag(tag);
}

/**
 * A public JSON answer a CDN may keep but must check with us before each use (`no-cache`): the
 * answer's hash as its ETag, and 304 without a body when the client already holds it. A CDN cannot
 * be told when the registry changes, so it never serves an answer unchecked.
 */
export function publicJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = { "cache-control": "public, no-cache", etag, vary: "Accept-Encoding" };
  const held = request.headers.get("if-none-match");
  if (held && held.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status: 200, headers: { ...headers, "content-type": "application/json" } });
}
