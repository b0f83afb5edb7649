import { and, eq, gt, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { invitations, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { acceptInvitationRow } from "./invitations";

/** Why a single sign-on was refused; the sign-in page says it in words (SSO_REFUSALS). */
export type SingleSignOnRefusal = "sso_unverified" | "sso_unknown" | "sso_deactivated";

/**
 * Maps an OpenID Connect sign-in to a Pillars account. Only an address the provider says it has
 * verified (`email_verified: true`) counts: it signs in the account with that address, or accepts a
 * pending invitation to it (the account then signs in through the provider only). Anything else is
 * refused: the provider does not decide who belongs here.
 */
export async function resolveSingleSignOn(
  db: DB,
  profile: unknown,
  now = new Date(),
): Promise<{ userId: string } | { refused: SingleSignOnRefusal }> {
  const claims = (profile ?? {}) as { email?: unknown; email_verified?: unknown };
  if (claims.email_verified !== true || typeof claims.email !== "string") return { refused: "sso_unverified" };
  const email = claims.email.trim().toLowerCase();
  const [user] = await db.select({ id: users.id, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.email, email));
  // A deactivated account keeps its history and signs in by no provider.
  if (user) return user.deactivatedAt ? { refused: "sso_deactivated" } : { userId: user.id };
  const [invited] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
  if (!invited) return { refused: "sso_unknown" };
  try {
    return { userId: (await acceptInvitationRow(db, { email }, { passwordHash: "!", via: "sso" }, now)).userId };
  } catch (error) {
    // Accepted or revoked a moment ago.
    if (error instanceof AppError) return { refused: "sso_unknown" };
    throw error;
  }
}
