import { appOrigin } from "@/lib/env";
import type { Mail } from "@/lib/notifications/email";
import { INVITATION_HOURS, RESET_MINUTES } from "./vocabulary";

/** The invitation email: a link, built from APP_URL, where the person chooses a password. */
export function invitationMail(to: { email: string; name: string }, token: string, invitedBy: string, organizationName: string): Mail {
  const link = `${appOrigin()}/invitation/${token}`;
  return {
    to: to.email,
    subject: "You are invited to Pillars",
    text:
      `Hello ${to.name},\n\n${invitedBy} invited you to join Pillars for ${organizationName}.\n\n` +
      `Choose your password here (the link works once, for ${INVITATION_HOURS} hours):\n${link}\n\n` +
      `If you did not expect this invitation, ignore this email.`,
  };
}

/** The "forgot password" email. */
export function passwordResetMail(to: { email: string; name: string }, token: string): Mail {
  const link = `${appOrigin()}/reset-password/${token}`;
  return {
    to: to.email,
    subject: "Reset your Pillars password",
    text:
      `Hello ${to.name},\n\nSomeone asked to reset the password of your Pillars account.\n\n` +
      `Choose a new password here (the link works once, for ${RESET_MINUTES} minutes):\n${link}\n\n` +
      `If it was not you, ignore this email: your password stays as it is.`,
  };
}
