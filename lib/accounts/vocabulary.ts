/** Words about accounts shared with the browser. A leaf module: no imports. */

/** How long an invitation link works. */
export const INVITATION_HOURS = 72;
/** How long a "forgot password" link works. */
export const RESET_MINUTES = 60;
/** How many one-time recovery codes a person gets when turning on two-factor sign-in. */
export const RECOVERY_CODE_COUNT = 10;

/** What the sign-in form is told when the account needs its second factor. */
export const MFA_REQUIRED = "mfa_required";
export const MFA_INVALID = "mfa_invalid";

/** What the sign-in page says when single sign-on was refused (`/login?error=<code>`). */
export const SSO_REFUSALS: Record<string, string> = {
  sso_unverified: "Your sign-in provider did not confirm your email address, so it cannot sign you in here. Ask your provider's administrator.",
  sso_deactivated: "This account has been deactivated. Ask an administrator if you need it again.",
  sso_unknown: "No Pillars account or pending invitation uses the address your sign-in provider gave. Ask an administrator to invite you.",
};
