import { and, desc, eq, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-quality";
import { endSessionRow, endUserSessions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { withSignInSlot, BUSY_MESSAGE } from "@/lib/auth/sign-in-slots";
import { countInBuckets, THROTTLE } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { parseInput } from "@/lib/validation";
import { changePasswordSchema, sessionIdSchema, setUserActiveSchema, updateProfileSchema, userIdSchema, userSessionSchema } from "./schemas";
import { describeBrowser } from "./vocabulary";

/** One's own account and its sessions, and an administrator's view of anyone's. */

const ACCOUNT_HREF = "/account";

/** A person's name and timezone (empty: the organisation's). */
export async function updateProfile(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const me = authorize(actor, "account.manage");
  const { name, timezone } = parseInput(updateProfileSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name, timezone: users.timezone }).from(users).where(eq(users.id, me.id)).for("update");
    if (!before) throw new AppError("not_found", "Your account no longer exists.");
    if (before.name === name && before.timezone === timezone) return;
    await tx.update(users).set({ name, timezone }).where(eq(users.id, me.id));
    await recordAudit(tx, { actorId: me.id, action: "user.updateProfile", entityType: "user", entityId: me.id, before, after: { name, timezone } });
  });
}

/**
 * Changes one's own password: the current one must be given (checked under the sign-in throttle and
 * slots, so a borrowed session cannot guess it), the new one must pass the quality rule. Every other
 * session of the person ends; the one in use stays signed in.
 */
export async function changePassword(db: DB, actor: Actor | null, input: unknown): Promise<{ endedSessions: number }> {
  const me = authorize(actor, "account.manage");
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const problem = passwordProblem(newPassword, { name: me.name, email: me.email });
  if (problem) throw new AppError("invalid", "Check the highlighted fields.", { newPassword: [problem] });
  const verdict = await countInBuckets(db, [{ key: `password-change:${me.id}`, limit: THROTTLE.maxPerAccountAndAddress }]);
  if (!verdict.allowed) {
    throw new AppError("throttled", `Too many wrong current passwords. Try again in ${verdict.retryAfterMinutes} minutes.`);
  }
  const [stored] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.id));
  if (!stored) throw new AppError("not_found", "Your account no longer exists.");
  const checked = await withSignInSlot(() => verifyPassword(currentPassword, stored.passwordHash));
  if (checked.busy) throw new AppError("throttled", BUSY_MESSAGE);
  if (!checked.value) throw new AppError("invalid", "Check the highlighted fields.", { currentPassword: ["That is not your current password."] });
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, me.id));
    const endedSessions = await endUserSessions(tx, me.id, "password_changed", me.sessionId);
    await tx.execute(sql`delete from sign_in_buckets where key = ${`password-change:${me.id}`}`);
    await recordAudit(tx, { actorId: me.id, action: "user.changePassword", entityType: "user", entityId: me.id, after: { endedSessions } });
    await notify(tx, [
      {
        userId: me.id,
        kind: "account_security",
        title: "Your password was changed",
        body:
          (endedSessions ? `${endedSessions} other session${endedSessions === 1 ? " was" : "s were"} signed out. ` : "") +
          "If you did not change it, tell an administrator at once.",
        href: ACCOUNT_HREF,
      },
    ]);
    return { endedSessions };
  });
}

/** Ends one of one's own sessions (a browser left signed in elsewhere). */
export async function endOwnSession(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const me = authorize(actor, "account.manage");
  const { sessionId } = parseInput(sessionIdSchema, input);
  await db.transaction(async (tx) => {
    const session = await openSessionOf(tx, me.id, sessionId);
    await endSessionRow(tx, session.id, "ended_by_user");
    await recordAudit(tx, { actorId: me.id, action: "session.end", entityType: "user", entityId: me.id, after: { sessionId: session.id } });
  });
}

/** Ends every session of one's own, this one included: every copy of the cookie stops working. */
export async function signOutEverywhere(db: DB, actor: Actor | null): Promise<{ endedSessions: number }> {
  const me = authorize(actor, "account.manage");
  return db.transaction(async (tx) => {
    const endedSessions = await endUserSessions(tx, me.id, "signed_out_everywhere");
    await recordAudit(tx, { actorId: me.id, action: "session.endAll", entityType: "user", entityId: me.id, after: { endedSessions } });
    return { endedSessions };
  });
}

/** An administrator ends one session of any user; the user is told. */
export async function endUserSession(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "user.manageSessions");
  const { userId, sessionId } = parseInput(userSessionSchema, input);
  await db.transaction(async (tx) => {
    await existingUser(tx, userId);
    const session = await openSessionOf(tx, userId, sessionId);
    await endSessionRow(tx, session.id, "ended_by_admin");
    await recordAudit(tx, { actorId: admin.id, action: "session.end", entityType: "user", entityId: userId, after: { sessionId: session.id } });
    if (userId !== admin.id) {
      await notify(tx, [
        {
          userId,
          kind: "account_security",
          title: "An administrator signed out one of your sessions",
          body: sessionLabel(session),
          href: ACCOUNT_HREF,
        },
      ]);
    }
  });
}

/** An administrator ends every session of a user at once. */
export async function endAllUserSessions(db: DB, actor: Actor | null, input: unknown): Promise<{ endedSessions: number }> {
  const admin = authorize(actor, "user.manageSessions");
  const { userId } = parseInput(userIdSchema, input);
  return db.transaction(async (tx) => {
    await existingUser(tx, userId);
    const endedSessions = await endUserSessions(tx, userId, "ended_by_admin");
    if (!endedSessions) throw new AppError("conflict", "This person has no open session.");
    await recordAudit(tx, { actorId: admin.id, action: "session.endAll", entityType: "user", entityId: userId, after: { endedSessions } });
    if (userId !== admin.id) {
      await notify(tx, [
        {
          userId,
          kind: "account_security",
          title: "An administrator signed you out everywhere",
          body: `${endedSessions} session${endedSessions === 1 ? "" : "s"} ended. Sign in again to continue.`,
          href: ACCOUNT_HREF,
        },
      ]);
    }
    return { endedSessions };
  });
}

/**
 * Deactivates or reactivates an account, with a confirmation. Deactivated, the person keeps their
 * history (ballots, comments, audit rows) but cannot sign in, and every session of theirs ends.
 * Nobody deactivates themselves.
 */
export async function setUserActive(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "user.deactivate");
  const { userId, active } = parseInput(setUserActiveSchema, input);
  if (userId === admin.id && !active) throw new AppError("conflict", "You cannot deactivate your own account; ask another administrator.");
  await db.transaction(async (tx) => {
    const user = await existingUser(tx, userId);
    if (active === !user.deactivatedAt) {
      throw new AppError("conflict", active ? "This account is already active." : "This account is already deactivated.");
    }
    await tx
      .update(users)
      .set({ deactivatedAt: active ? null : sql`now()` })
      .where(eq(users.id, userId));
    const endedSessions = active ? 0 : await endUserSessions(tx, userId, "deactivated");
    await recordAudit(tx, {
      actorId: admin.id,
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "user",
      entityId: userId,
      before: { active: !user.deactivatedAt },
      after: active ? { active } : { active, endedSessions },
    });
    await notify(tx, [
      active
        ? { userId, kind: "account_security", title: "Your account was reactivated", body: "You can sign in again.", href: ACCOUNT_HREF }
        : {
            userId,
            kind: "account_security",
            title: "Your account was deactivated",
            body: "You can no longer sign in. What you did here stays on record. Ask an administrator if this is a mistake.",
          },
    ]);
  });
}

export type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  address: string | null;
  endedAt: Date | null;
  endedReason: string | null;
  current: boolean;
  open: boolean;
};

/** One's own sessions, newest first: open ones and the last ended ones. */
export async function listOwnSessions(db: DB, actor: Actor | null): Promise<SessionRow[]> {
  const me = authorize(actor, "account.manage");
  return sessionsOf(db, me.id, me.sessionId);
}

/** An administrator's view of one user: the account, whether active, and their sessions. */
export async function getUserAccount(db: DB, actor: Actor | null, userId: string) {
  const admin = authorize(actor, "user.manageSessions");
  const { userId: id } = parseInput(userIdSchema, { userId });
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, id));
  if (!user) return null;
  return { ...user, sessions: await sessionsOf(db, id, admin.sessionId), isSelf: id === admin.id };
}

async function sessionsOf(db: DB, userId: string, currentId: string | undefined): Promise<SessionRow[]> {
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      address: sessions.address,
      endedAt: sessions.endedAt,
      endedReason: sessions.endedReason,
      expired: sql<boolean>`${sessions.lastSeenAt} <= now() - make_interval(secs => ${SESSION_MAX_AGE_SECONDS})`,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(sql`${sessions.endedAt} is not null`, desc(sessions.lastSeenAt))
    .limit(30);
  return rows.map(({ expired, ...row }) => ({ ...row, current: row.id === currentId, open: !row.endedAt && !expired }));
}

async function existingUser(tx: Tx, userId: string) {
  const [user] = await tx.select({ id: users.id, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new AppError("not_found", "That user does not exist.");
  return user;
}

async function openSessionOf(tx: Tx, userId: string, sessionId: string) {
  const [session] = await tx
    .select({ id: sessions.id, userAgent: sessions.userAgent, address: sessions.address, endedAt: sessions.endedAt })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .for("update");
  if (!session) throw new AppError("not_found", "That session does not exist.");
  if (session.endedAt) throw new AppError("conflict", "That session has already ended.");
  return session;
}

function sessionLabel(session: { userAgent: string | null; address: string | null }): string {
  const from = [session.address && `from ${session.address}`, session.userAgent && `in ${describeBrowser(session.userAgent)}`]
    .filter(Boolean)
    .join(" ");
  return from ? `The session ${from} ended.` : "One session ended.";
}

/** One's own name, email, organisation and timezone (null: the organisation's), for the profile page. */
export async function getOwnProfile(db: DB, actor: Actor | null) {
  const me = authorize(actor, "account.manage");
  const [row] = await db.select({ name: users.name, email: users.email, timezone: users.timezone }).from(users).where(eq(users.id, me.id));
  if (!row) throw new AppError("not_found", "Your account no longer exists.");
  return { ...row, organizationName: me.organizationName };
}
