"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getDb } from "@/db";
import { signIn } from "@/lib/auth/auth";
import { formAction } from "@/lib/actions/form-action";
import { type ActionState, NOT_A_FORM, toActionError } from "@/lib/errors";
import { deliverEmailsNow, sendEmailNow } from "@/lib/notifications/delivery";
import { acceptInvitation, inviteUser, resendInvitation, revokeInvitation } from "./invitations";
import { requestPasswordReset, resetPassword } from "./recovery";
import { confirmTwoFactor, disableTwoFactor, startTwoFactorEnrolment } from "./two-factor";
import { setTwoFactorRequiredRoles } from "./two-factor-policy";

export const inviteUserAction = formAction(
  async ({ db, actor, input }) => {
    const invited = await inviteUser(db, actor, { ...input.pick("name", "email", "organizationId"), roles: input.list("roles") });
    await sendEmailNow(invited.mail);
    return invited;
  },
  (_result, input) => ({ message: `Invitation sent to ${input.text("email")?.trim().toLowerCase()}.`, refresh: ["/admin/invitations"] }),
);

export const resendInvitationAction = formAction(
  async ({ db, actor, input }) => {
    const { mail } = await resendInvitation(db, actor, { invitationId: input.text("invitationId") });
    await sendEmailNow(mail);
    return mail.to;
  },
  (to) => ({ message: `Invitation sent again to ${to}; the earlier link no longer works.`, refresh: ["/admin/invitations"] }),
);

export const revokeInvitationAction = formAction(
  ({ db, actor, input }) => revokeInvitation(db, actor, { invitationId: input.text("invitationId") }),
  () => ({ message: "Invitation revoked; its link no longer works.", refresh: ["/admin/invitations"] }),
);

/**
 * Not written with `formAction` alone: once the account exists, the person is signed in with the
 * password they just chose, and Auth.js signs in by throwing a redirect that must leave untouched.
 */
export async function acceptInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const fields = { token: formData.get("token"), password: formData.get("password"), confirm: formData.get("confirm") };
  let email: string;
  let roles: string[];
  try {
    ({ email, roles } = await acceptInvitation(await getDb(), fields));
  } catch (error) {
    return toActionError(error);
  }
  after(() => deliverEmailsNow());
  try {
    // Someone invited without a role (a director-to-be, until the seat is assigned) has no workspace yet.
    await signIn("credentials", { email, password: String(fields.password), redirectTo: roles.length ? "/dashboard" : "/" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login?joined=1");
    throw error;
  }
  return { ok: true };
}

/** The same answer whether or not the address has an account; the email goes out after the response. */
export const requestPasswordResetAction = formAction(
  async ({ db, input }) => {
    const { mail } = await requestPasswordReset(db, { email: input.text("email") });
    if (mail) after(() => sendEmailNow(mail));
  },
  (_result, input) => ({
    message: `If ${input.text("email")?.trim().toLowerCase()} belongs to an account, we have sent it a link to choose a new password. The link works for one hour.`,
  }),
);

export const resetPasswordAction = formAction(
  ({ db, input }) => resetPassword(db, input.pick("token", "password", "confirm")),
  () => ({ redirectTo: "/login?reset=1" }),
);

export const startTwoFactorAction = formAction(
  ({ db, actor }) => startTwoFactorEnrolment(db, actor),
  () => ({ refresh: ["/account/security"] }),
);

export const confirmTwoFactorAction = formAction<{ recoveryCodes: string[] }, { recoveryCodes: string[] }>(
  ({ db, actor, input }) => confirmTwoFactor(db, actor, { code: input.text("code") }),
  (result) => ({ message: "Two-factor sign-in is on.", data: result, refresh: [{ layout: "/" }] }),
);

export const disableTwoFactorAction = formAction(
  ({ db, actor, input }) => disableTwoFactor(db, actor, input.pick("code", "password")),
  () => ({ message: "Two-factor sign-in is off.", refresh: [{ layout: "/" }] }),
);

export const setTwoFactorRolesAction = formAction(
  ({ db, actor, input }) => setTwoFactorRequiredRoles(db, actor, { roles: input.list("roles") }),
  (roles) => ({
    message: roles.length ? "Saved: those roles must use two-factor sign-in." : "Saved: no role must use two-factor sign-in.",
    refresh: ["/account/security"],
  }),
);
