import { sql } from "drizzle-orm";
import { type DB, rowsOf } from "@/db/client";

/**
 * Attempts allowed per window: for one account from one address, and for one address across
 * accounts. An account is never locked as a whole: failures from one address throttle that address
 * only, so nobody can lock a director out by guessing wrong from elsewhere.
 */
export const THROTTLE = { windowMinutes: 15, maxPerAccountAndAddress: 5, maxPerAddress: 20 } as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export type ThrottleKeys = { account: string; address: string };

export function throttleKeys(email: string, address: string): ThrottleKeys {
  return { account: `account:${email}|${address}`, address: `address:${address}` };
}

/**
 * Counts an attempt and checks it, in one statement, before its password is checked: each bucket's
 * count goes up by one under the row's lock (a new window starts once the old one has passed), and
 * the attempt is allowed only if no bucket is then over its limit. Fifty simultaneous attempts get
 * fifty different counts, so no more than the limit reach the password check. A successful sign-in
 * gives the attempt back (`settleAttempt`).
 */
export async function countAttempt(db: DB, keys: ThrottleKeys, now = new Date()): Promise<ThrottleVerdict> {
  return countInBuckets(
    db,
    [
      { key: keys.account, limit: THROTTLE.maxPerAccountAndAddress },
      { key: keys.address, limit: THROTTLE.maxPerAddress },
    ],
    now,
  );
}

/** The same count-and-check for any buckets, each with its limit (in a fixed order, so locks never cross). */
export async function countInBuckets(db: DB, buckets: { key: string; limit: number }[], now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
  const at = now.toISOString();
  const values = sql.join(
    buckets.map((bucket) => sql`(${bucket.key}, 1, ${at}::timestamptz)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    insert into sign_in_buckets as b (key, attempts, window_started_at)
    values ${values}
    on conflict (key) do update set
      attempts = case when b.window_started_at <= ${since}::timestamptz then 1 else b.attempts + 1 end,
      window_started_at = case when b.window_started_at <= ${since}::timestamptz then excluded.window_started_at else b.window_started_at end
    returning key, attempts, window_started_at as "windowStartedAt"`);
  const rows = rowsOf<{ key: string; attempts: number; windowStartedAt: string | Date }>(result);
  const limit = new Map(buckets.map((bucket) => [bucket.key, bucket.limit]));
  const over = rows.filter((row) => Number(row.attempts) > (limit.get(row.key) ?? 0));
  if (!over.length) return { allowed: true };
  const ends = Math.max(...over.map((row) => new Date(row.windowStartedAt).getTime() + THROTTLE.windowMinutes * 60_000));
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((ends - now.getTime()) / 60_000)) };
}

/**
 * After a counted attempt: a correct password forgets the account's failures from that address and
 * gives the address its attempt back; an attempt refused before any check (the server was busy)
 * gives both back. A wrong password keeps its count. One statement per bucket, so two attempts never
 * wait on each other's locks in opposite orders.
 */
export async function settleAttempt(db: DB, keys: ThrottleKeys, outcome: "succeeded" | "not_checked"): Promise<void> {
  if (outcome === "succeeded") await db.execute(sql`delete from sign_in_buckets where key = ${keys.account}`);
  else await db.execute(sql`update sign_in_buckets set attempts = greatest(attempts - 1, 0) where key = ${keys.account}`);
  await db.execute(sql`update sign_in_buckets set attempts = greatest(attempts - 1, 0) where key = ${keys.address}`);
}

/** Buckets whose window ended a day ago count nothing; removed now and then so the table stays small. */
export async function pruneBuckets(db: DB, now = new Date()): Promise<void> {
  await db.execute(sql`delete from sign_in_buckets where window_started_at < ${new Date(now.getTime() - 24 * 3_600_000).toISOString()}::timestamptz`);
}
