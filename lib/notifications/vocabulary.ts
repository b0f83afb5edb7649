/** The kinds of in-app notice. A leaf module: no imports. */
export const NOTIFICATION_KINDS = [
  "consultation_opened",
  "comment_answered",
  "motion_opened",
  "motion_closing_soon",
  "motion_result",
  "task_assigned",
  "task_returned",
  "task_overdue",
  "task_submitted",
  "seat_assigned",
  "consultation_closed",
  "policy_withdrawn",
  "motion_withdrawn",
  // The person's own account: invited, joined, password changed or reset, two-factor sign-in, sessions ended, deactivated or back.
  "account_security",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
