import { eq, sql } from "drizzle-orm";
import { TOTP } from "otpauth";
import type { DB } from "@/db/client";
import { invitations, organizations, passwordResets, settings, users } from "@/db/schema";
import { defineHttpCases } from "@/lib/testing/http-cases";
import { newLinkToken } from "./tokens";
import { TWO_FACTOR_ROLES_KEY } from "./two-factor-policy";

/** How the reliability suite (reliability/) reaches invitations, recovery and two-factor sign-in over HTTP. */
let sequence = 0;
const unique = () => `${process.pid}.${++sequence}.${Date.now()}`;
const GOOD_PASSWORD = "lantern orbit cobalt meadow";
// One authenticator key for every account the cases touch, so a valid code does not depend on who calls.
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
// The accounts the suites act as (reliability/harness.ts); no other account's sign-in is touched.
const ACTING = sql`('admin@example.org','secretariat@example.org','cso2@example.org','gov1@example.org','rep.psc@example.org')`;

async function organizationId(db: DB): Promise<string> {
  const [organization] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "meridian-protective-services"));
  return organization!.id;
}

async function pendingInvitation(db: DB): Promise<{ id: string; token: string }> {
  const { token, hash } = newLinkToken();
  const [row] = await db
    .insert(invitations)
    .values({
      email: `invited.${unique()}@example.org`,
      name: "Invited Person",
      organizationId: await organizationId(db),
      roles: ["representative"],
      tokenHash: hash,
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .returning({ id: invitations.id });
  return { id: row!.id, token };
}

export const httpCases = defineHttpCases([
  {
    name: "invitations page",
    permission: "invitation.list",
    target: { kind: "page", path: "/admin/invitations" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "invite person",
    permission: "invitation.create",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "inviteUserAction" },
    prepare: async (db) => ({
      fields: {
        name: "New Person",
        email: `http.person.${unique()}@example.org`,
        organizationId: await organizationId(db),
        roles: ["representative"],
      },
    }),
    writes: ["invitations", "audit_log"],
    addsOneRowTo: ["invitations", "audit_log"],
  },
  {
    name: "resend invitation",
    permission: "invitation.resend",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "resendInvitationAction" },
    prepare: async (db) => ({ fields: { invitationId: (await pendingInvitation(db)).id } }),
    writes: ["invitations", "audit_log"],
  },
  {
    name: "revoke invitation",
    permission: "invitation.revoke",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "revokeInvitationAction" },
    prepare: async (db) => ({ fields: { invitationId: (await pendingInvitation(db)).id } }),
    writes: ["invitations", "audit_log"],
  },
  {
    name: "accept invitation",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "acceptInvitationAction" },
    prepare: async (db) => ({ fields: { token: (await pendingInvitation(db)).token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD } }),
    // The new account signs in at once: its attempt is recorded for the throttle, and its session.
    writes: ["users", "user_roles", "invitations", "audit_log", "notifications", "login_attempts", "sign_in_buckets", "sessions"],
  },
  {
    name: "ask for a password reset",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "requestPasswordResetAction" },
    prepare: async () => ({ fields: { email: "rep.cso@example.org" } }),
    writes: ["password_resets"],
  },
  {
    name: "reset password",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "resetPasswordAction" },
    prepare: async (db) => {
      // A person of their own, so no demo account's password changes.
      const [user] = await db
        .insert(users)
        .values({ email: `reset.${unique()}@example.org`, name: "Reset Person", organizationId: await organizationId(db), passwordHash: "!" })
        .returning({ id: users.id });
      const { token, hash } = newLinkToken();
      await db.insert(passwordResets).values({ userId: user!.id, tokenHash: hash, expiresAt: new Date(Date.now() + 3_600_000) });
      return { fields: { token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD } };
    },
    // A new password ends the person's sessions.
    writes: ["password_resets", "users", "audit_log", "notifications", "sessions"],
  },
  {
    name: "security page",
    permission: "mfa.manage",
    target: { kind: "page", path: "/account/security" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "roles that must use two-factor sign-in",
    permission: "mfa.configure",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "setTwoFactorRolesAction" },
    // None: requiring it would send the acting accounts to set it up before anything else.
    prepare: async () => ({ fields: { roles: [] } }),
    writes: ["settings", "audit_log"],
    // A payload such as "admin" is a valid choice: take it back, or every later entry is refused.
    restore: async (db) => {
      await db.delete(settings).where(eq(settings.key, TWO_FACTOR_ROLES_KEY));
    },
  },
  {
    name: "set up two-factor sign-in",
    permission: "mfa.manage",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "startTwoFactorAction" },
    prepare: async (db) => {
      await db.execute(sql`delete from recovery_codes where user_id in (select user_id from totp_factors)`);
      await db.execute(sql`delete from totp_factors`);
      return { fields: {} };
    },
    writes: ["totp_factors"],
  },
  {
    name: "turn on two-factor sign-in",
    permission: "mfa.manage",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "confirmTwoFactorAction" },
    prepare: async (db) => {
      // Each acting account has an enrolment in progress with the same key; the code is the current one.
      await db.execute(sql`delete from recovery_codes`);
      await db.execute(sql`
        insert into totp_factors (user_id, secret) select id, ${SECRET} from users where email in ${ACTING}
        on conflict (user_id) do update set secret = excluded.secret, enabled_at = null, last_step = null`);
      return { fields: { code: new TOTP({ secret: SECRET }).generate() } };
    },
    writes: ["totp_factors", "recovery_codes", "audit_log", "notifications"],
  },
  {
    name: "turn off two-factor sign-in",
    permission: "mfa.manage",
    target: { kind: "action", file: "lib/accounts/actions.ts", exportName: "disableTwoFactorAction" },
    prepare: async (db) => {
      await db.execute(sql`
        insert into totp_factors (user_id, secret, enabled_at) select id, ${SECRET}, now() from users where email in ${ACTING}
        on conflict (user_id) do update set secret = excluded.secret, enabled_at = now(), last_step = null`);
      return { fields: { password: "pillars-demo" } };
    },
    writes: ["totp_factors", "recovery_codes", "audit_log", "notifications"],
  },
]);
