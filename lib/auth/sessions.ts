import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { sessions } from "@/db/schema";
import type { SessionEndReason } from "@/lib/users/vocabulary";

/** How long a session lasts without a request: the cookie's own lifetime too. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** A session's last-seen time is written at most this often. */
export const LAST_SEEN_EVERY_SECONDS = 60;

/** Records a new session at sign-in; its id goes into the session cookie. */
export async function startSession(db: DB, input: { userId: string; userAgent?: string | null; address?: string | null }): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({ userId: input.userId, userAgent: input.userAgent?.slice(0, 300) || null, address: input.address?.slice(0, 64) || null })
    .returning({ id: sessions.id });
  return row!.id;
}

/** Ends one session (signing out); a session already ended keeps its first reason. */
export async function endSessionRow(db: DB | Tx, sessionId: string, reason: SessionEndReason): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every open session of a user at once, but `keep` (the caller's own, after a password change). */
export async function endUserSessions(db: DB | Tx, userId: string, reason: SessionEndReason, keep?: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), keep ? ne(sessions.id, keep) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}
