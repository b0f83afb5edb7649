import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { endUserSessions } from "@/lib/auth/end-sessions";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-quality";
import { AppError } from "@/lib/errors";
import type { Mail } from "@/lib/notifications/email";
import { parseInput } from "@/lib/validation";
import { recordAccountEvent } from "./events";
import { passwordResetMail } from "./mail";
import { choosePasswordSchema, forgotPasswordSchema } from "./schemas";
import { hashLinkToken, isLinkToken, newLinkToken } from "./tokens";
import { RESET_MINUTES } from "./vocabulary";

/** Links asked for one account within an hour; past it, asking again sends nothing (and says the same). */
const MAX_LINKS_PER_HOUR = 3;

/**
 * "Forgot password": for a known address, a one-time link (one hour, stored as a hash) to email.
 * The caller answers the same whatever this returns, so nobody learns which addresses have accounts.
 */
export async function requestPasswordReset(db: DB, input: unknown, now = new Date()): Promise<{ mail: Mail | null }> {
  const { email } = parseInput(forgotPasswordSchema, input);
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email));
  if (!user) return { mail: null };
  const [recent] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, new Date(now.getTime() - 3_600_000))));
  if ((recent?.n ?? 0) >= MAX_LINKS_PER_HOUR) return { mail: null };
  const { token, hash } = newLinkToken();
  await db
    .insert(passwordResets)
    .values({ userId: user.id, tokenHash: hash, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000), createdAt: now });
  return { mail: passwordResetMail(user, token) };
}

/** The account a reset link opens while it still works, for its page; null for any other link. */
export async function findOpenResetLink(db: DB, token: unknown, now = new Date()): Promise<{ email: string } | null> {
  if (!isLinkToken(token)) return null;
  const [row] = await db
    .select({ email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashLinkToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  return row ?? null;
}

const DEAD_LINK = "This link is no longer valid. Ask for a new one from the sign-in page.";

/**
 * Sets a new password through a reset link: the link is used up (and every other open link of the
 * account with it), the user's sessions end, the audit row and a notice commit with the change.
 */
export async function resetPassword(db: DB, input: unknown, now = new Date()): Promise<{ email: string }> {
  const { token, password } = parseInput(choosePasswordSchema, input);
  const [link] = await db
    .select({ userId: passwordResets.userId, email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashLinkToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  if (!link) throw new AppError("not_found", DEAD_LINK);
  const problem = passwordProblem(password, link);
  if (problem) throw new AppError("invalid", "Check the highlighted fields.", { password: [problem] });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    // Only one of two simultaneous uses of a link gets past this update.
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, hashLinkToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ id: passwordResets.id });
    if (used.length !== 1) throw new AppError("not_found", DEAD_LINK);
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, link.userId), isNull(passwordResets.usedAt)));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, link.userId));
    await endUserSessions(tx, link.userId);
    await recordAccountEvent(tx, {
      actorId: link.userId,
      action: "user.passwordReset",
      userId: link.userId,
      notice: {
        title: "Your password was reset",
        body: "Your Pillars password was changed through a reset link, and every signed-in session ended. If it was not you, tell an administrator at once.",
      },
    });
  });
  return { email: link.email };
}
