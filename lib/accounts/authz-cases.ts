import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { invitations, organizations } from "@/db/schema";
import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { inviteUser, listPendingInvitations, resendInvitation, revokeInvitation } from "./invitations";
import { hashLinkToken } from "./tokens";
import { startTwoFactorEnrolment } from "./two-factor";
import { setTwoFactorRequiredRoles } from "./two-factor-policy";

let sequence = 0;

async function anyOrganization(db: DB): Promise<string> {
  const [organization] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "meridian-protective-services"));
  return organization!.id;
}

/** A pending invitation of a representative, which both the administrator and the Secretariat manage. */
async function pendingInvitation(db: DB): Promise<{ invitationId: string }> {
  const n = ++sequence;
  const [row] = await db
    .insert(invitations)
    .values({
      email: `pending.${process.pid}.${n}@example.org`,
      name: "Pending Person",
      organizationId: await anyOrganization(db),
      roles: ["representative"],
      tokenHash: hashLinkToken(`pending-${process.pid}-${n}`),
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .returning({ id: invitations.id });
  return { invitationId: row!.id };
}

export const cases = defineAuthzCases({
  "invitation.create": authzCase({
    prepare: async (db) => ({ organizationId: await anyOrganization(db), email: `invited.${process.pid}.${++sequence}@example.org` }),
    run: (db, actor, p) =>
      inviteUser(db, actor, { name: "Invited Person", email: p.email, organizationId: p.organizationId, roles: ["representative"] }),
  }),
  "invitation.list": authzCase({ run: (db, actor) => listPendingInvitations(db, actor) }),
  "invitation.resend": authzCase({ prepare: pendingInvitation, run: (db, actor, p) => resendInvitation(db, actor, p) }),
  "invitation.revoke": authzCase({ prepare: pendingInvitation, run: (db, actor, p) => revokeInvitation(db, actor, p) }),
  "mfa.manage": authzCase({ run: (db, actor) => startTwoFactorEnrolment(db, actor) }),
  "mfa.configure": authzCase({ run: (db, actor) => setTwoFactorRequiredRoles(db, actor, { roles: ++sequence % 2 ? ["admin"] : [] }) }),
});
