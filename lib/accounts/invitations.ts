import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { invitations, organizations, pillars, userRoles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-quality";
import { AppError } from "@/lib/errors";
import type { Mail } from "@/lib/notifications/email";
import { notify } from "@/lib/notifications/notify";
import { parseInput } from "@/lib/validation";
import { recordAccountEvent } from "./events";
import { invitationMail } from "./mail";
import { choosePasswordSchema, invitationIdSchema, inviteSchema } from "./schemas";
import { hashLinkToken, isLinkToken, newLinkToken } from "./tokens";
import { INVITATION_HOURS } from "./vocabulary";

const expiry = (now: Date) => new Date(now.getTime() + INVITATION_HOURS * 3_600_000);

/** The Secretariat invites representatives only; administrators invite anyone. */
function mayInvite(actor: Actor, roles: readonly string[]): boolean {
  return actor.roles.includes("admin") || (roles.length === 1 && roles[0] === "representative");
}

/**
 * Invites a person by email with their organisation and roles. Nothing about their password is
 * typed by anyone else: the email's one-time link (72 hours) is where they choose it. Returns the
 * email to send once the invitation is committed.
 */
export async function inviteUser(db: DB, actor: Actor | null, input: unknown, now = new Date()): Promise<{ id: string; mail: Mail }> {
  const inviter = authorize(actor, "invitation.create");
  const fields = parseInput(inviteSchema, input);
  const roles = [...new Set(fields.roles)].sort();
  if (!mayInvite(inviter, roles)) {
    throw new AppError("forbidden", "The Secretariat invites representatives only; ask an administrator for other roles.", {
      roles: ["Choose Representative only."],
    });
  }
  const { token, hash } = newLinkToken();
  return db.transaction(async (tx) => {
    const [organization] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, fields.organizationId));
    if (!organization) throw new AppError("invalid", "Check the highlighted fields.", { organizationId: ["Choose an organisation."] });
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, fields.email));
    if (existing) throw new AppError("conflict", "An account with this email already exists.", { email: ["This email is already in use."] });
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.email, fields.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    if (pending) {
      throw new AppError("conflict", "This person already has a pending invitation; resend it from the list instead.", {
        email: ["Already invited."],
      });
    }
    const [created] = await tx
      .insert(invitations)
      .values({ ...fields, roles, tokenHash: hash, expiresAt: expiry(now), invitedById: inviter.id, createdAt: now, sentAt: now })
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      actorId: inviter.id,
      action: "invitation.create",
      entityType: "invitation",
      entityId: created!.id,
      after: { email: fields.email, name: fields.name, organizationId: fields.organizationId, roles },
    });
    return { id: created!.id, mail: invitationMail(fields, token, inviter.name, organization.name) };
  });
}

/** Locks a pending invitation the actor may manage, or refuses. */
async function lockPending(tx: Tx, actor: Actor, invitationId: string) {
  const [row] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for("update");
  if (!row) throw new AppError("not_found", "That invitation does not exist.");
  if (!mayInvite(actor, row.roles)) throw new AppError("forbidden", "The Secretariat manages invitations of representatives only.");
  if (row.acceptedAt) throw new AppError("conflict", "This invitation was already accepted.");
  if (row.revokedAt) throw new AppError("conflict", "This invitation was revoked.");
  return row;
}

/** Sends a pending invitation again with a new link (72 hours from now); the old link stops working. */
export async function resendInvitation(db: DB, actor: Actor | null, input: unknown, now = new Date()): Promise<{ mail: Mail }> {
  const inviter = authorize(actor, "invitation.resend");
  const { invitationId } = parseInput(invitationIdSchema, input);
  const { token, hash } = newLinkToken();
  return db.transaction(async (tx) => {
    const row = await lockPending(tx, inviter, invitationId);
    await tx
      .update(invitations)
      .set({ tokenHash: hash, expiresAt: expiry(now), sentAt: now })
      .where(eq(invitations.id, row.id));
    await recordAudit(tx, {
      actorId: inviter.id,
      action: "invitation.resend",
      entityType: "invitation",
      entityId: row.id,
      after: { email: row.email },
    });
    const [organization] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId));
    return { mail: invitationMail(row, token, inviter.name, organization!.name) };
  });
}

/** Revokes a pending invitation: its link stops working. */
export async function revokeInvitation(db: DB, actor: Actor | null, input: unknown, now = new Date()): Promise<void> {
  const inviter = authorize(actor, "invitation.revoke");
  const { invitationId } = parseInput(invitationIdSchema, input);
  await db.transaction(async (tx) => {
    const row = await lockPending(tx, inviter, invitationId);
    await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, row.id));
    await recordAudit(tx, {
      actorId: inviter.id,
      action: "invitation.revoke",
      entityType: "invitation",
      entityId: row.id,
      before: { email: row.email },
    });
  });
}

/** Pending invitations (not accepted, not revoked; expired ones too, to resend), newest first. */
export async function listPendingInvitations(db: DB, actor: Actor | null) {
  const reader = authorize(actor, "invitation.list");
  const rows = await db
    .select({
      id: invitations.id,
      name: invitations.name,
      email: invitations.email,
      roles: invitations.roles,
      organizationName: organizations.name,
      pillarName: pillars.name,
      sentAt: invitations.sentAt,
      expiresAt: invitations.expiresAt,
      expired: sql<boolean>`${invitations.expiresAt} <= now()`,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(pillars, eq(pillars.id, organizations.pillarId))
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(sql`${invitations.sentAt} desc`, asc(invitations.email));
  return rows.filter((row) => mayInvite(reader, row.roles));
}

/** Organisations to invite people into. */
export async function listInvitationOrganizations(db: DB, actor: Actor | null) {
  authorize(actor, "invitation.create");
  return db
    .select({ id: organizations.id, name: organizations.name, pillarName: pillars.name })
    .from(organizations)
    .leftJoin(pillars, eq(pillars.id, organizations.pillarId))
    .orderBy(asc(pillars.sortOrder), asc(organizations.name));
}

/** The pending, unexpired invitation a link names, for its page; null for any other link. */
export async function findOpenInvitation(db: DB, token: unknown, now = new Date()) {
  if (!isLinkToken(token)) return null;
  const [row] = await db
    .select({ id: invitations.id, name: invitations.name, email: invitations.email, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(
      and(
        eq(invitations.tokenHash, hashLinkToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  return row ?? null;
}

const DEAD_LINK = "This invitation link is no longer valid. Ask the person who invited you to send it again.";

/**
 * Accepts an invitation: creates the account with the chosen password (the quality rule applies),
 * its roles, the audit row and a welcome notice, in one transaction. The link then stops working.
 */
export async function acceptInvitation(db: DB, input: unknown, now = new Date()): Promise<{ userId: string; email: string; roles: string[] }> {
  const { token, password } = parseInput(choosePasswordSchema, input);
  const invitation = await findOpenInvitation(db, token, now);
  if (!invitation) throw new AppError("not_found", DEAD_LINK);
  const problem = passwordProblem(password, invitation);
  if (problem) throw new AppError("invalid", "Check the highlighted fields.", { password: [problem] });
  const passwordHash = await hashPassword(password);
  return acceptInvitationRow(db, hashLinkToken(token), { passwordHash, via: "password" }, now);
}

/**
 * The part of accepting shared with single sign-on: under the invitation's lock, checks it is still
 * open, then creates the account. `passwordHash` "!" is an account that signs in through SSO only.
 */
export async function acceptInvitationRow(
  db: DB,
  tokenHash: string | { email: string },
  how: { passwordHash: string; via: "password" | "sso" },
  now = new Date(),
): Promise<{ userId: string; email: string; roles: string[] }> {
  return db.transaction(async (tx) => {
    const where =
      typeof tokenHash === "string"
        ? eq(invitations.tokenHash, tokenHash)
        : and(eq(invitations.email, tokenHash.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
    const [row] = await tx.select().from(invitations).where(where).for("update");
    if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= now) throw new AppError("not_found", DEAD_LINK);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, row.email));
    if (taken) throw new AppError("conflict", "An account with this email already exists; sign in instead.");
    const [user] = await tx
      .insert(users)
      .values({ email: row.email, name: row.name, organizationId: row.organizationId, passwordHash: how.passwordHash, createdAt: now })
      .returning({ id: users.id });
    if (row.roles.length) await tx.insert(userRoles).values(row.roles.map((role) => ({ userId: user!.id, role })));
    await tx.update(invitations).set({ acceptedAt: now, acceptedUserId: user!.id }).where(eq(invitations.id, row.id));
    await recordAccountEvent(tx, {
      actorId: user!.id,
      action: "user.join",
      userId: user!.id,
      after: { email: row.email, roles: row.roles, invitationId: row.id, invitedById: row.invitedById, via: how.via },
      notice: {
        title: "Welcome to Pillars",
        body: "Your account is ready. You can turn on two-factor sign-in under Security.",
        href: "/account/security",
      },
    });
    // The person who invited them hears that they arrived.
    if (row.invitedById) {
      await notify(tx, [
        {
          userId: row.invitedById,
          kind: "account_security",
          title: `${row.name} accepted your invitation`,
          body: `${row.email} now has a Pillars account.`,
        },
      ]);
    }
    return { userId: user!.id, email: row.email, roles: row.roles };
  });
}
