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
