import { and, eq, gt, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { loginAttempts } from "@/db/schema";

/** Failed sign-ins allowed per window: per account, and per IP address across accounts. */
export const THROTTLE = { windowMinutes: 15, maxPerAccount: 5, maxPerIp: 20 } as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Whether another attempt may be made now for this account from this address. */
export async function checkThrottle(db: DB, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const [counts] = await db
    .select({
      account: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})::int`,
      ip: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})::int`,
      oldest: sql<string | null>`min(${loginAttempts.at})`,
    })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since), sql`(${loginAttempts.email} = ${email} or ${loginAttempts.ip} = ${ip})`),
    );
  if (!counts || (counts.account < THROTTLE.maxPerAccount && counts.ip < THROTTLE.maxPerIp)) return { allowed: true };
  const oldest = counts.oldest ? new Date(counts.oldest).getTime() : now.getTime();
  const retryAfterMs = oldest + THROTTLE.windowMinutes * 60_000 - now.getTime();
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) };
}

export async function recordAttempt(db: DB, email: string, ip: string, succeeded: boolean, now = new Date()): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, succeeded, at: now });
}
