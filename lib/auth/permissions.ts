/**
 * The one table of who may do what. Server actions and route handlers enforce it through the guard
 * (lib/auth/guard.ts); pages ask it what to show; the authorization test walks every row of it.
 */
export const ROLES = ["admin", "secretariat", "director", "chair", "representative"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  secretariat: "Secretariat",
  director: "Director",
  chair: "Chair",
  representative: "Representative",
};

export const PERMISSIONS = {
  /** The signed-in workspace: dashboard and inbox. */
  "workspace.view": ["admin", "secretariat", "director", "chair", "representative"],
  /** Mark one's own notifications read. */
  "notification.markRead": ["admin", "secretariat", "director", "chair", "representative"],
  /** Read the audit log. */
  "audit.read": ["admin", "secretariat", "director", "chair"],
  /** See the list of user accounts. */
  "user.list": ["admin"],
  /** Invite a person by email with their organisation and roles (the Secretariat: representatives only). */
  "invitation.create": ["admin", "secretariat"],
  /** See pending invitations (the Secretariat: those of representatives). */
  "invitation.list": ["admin", "secretariat"],
  /** Send a pending invitation again with a new link (the Secretariat: representatives only). */
  "invitation.resend": ["admin", "secretariat"],
  /** Revoke a pending invitation (the Secretariat: representatives only). */
  "invitation.revoke": ["admin", "secretariat"],
  /** Choose the roles that must use two-factor sign-in. */
  "mfa.configure": ["admin"],
  /** Turn one's own two-factor sign-in on or off. */
  "mfa.manage": ["admin", "secretariat", "director", "chair", "representative"],
  /** Change a user's directly granted roles. */
  "user.setRoles": ["admin"],
  /** See any user's sessions and end them, one or all at once. */
  "user.manageSessions": ["admin"],
  /** Deactivate a user (their history stays; they cannot sign in) or reactivate them. */
  "user.deactivate": ["admin"],
  /** One's own account: name, password, timezone, and one's own sessions. */
  "account.manage": ["admin", "secretariat", "director", "chair", "representative"],

  // Board seats and the member registry.
  /** Assign seat holders, end terms, vacate seats and designate the Chair and Vice-chair. */
  "seat.manage": ["admin"],
  /** Create and edit organisations of the registry (not their membership status). */
  "organization.manage": ["admin", "secretariat"],
  /** Change an organisation's membership status, with a reason and an effective date. */
  "organization.changeStatus": ["admin", "secretariat"],

  // Policies, versions and consultations.
  /** Read every policy whatever its status, with draft versions (others: adopted ones, and those consulted with their pillar). */
  "policy.readInternal": ["admin", "secretariat", "director", "chair"],
  /** Create a policy with its first draft version. */
  "policy.create": ["secretariat"],
  /** Edit a policy's title, category and draft version text. */
  "policy.editDraft": ["secretariat"],
  /** Move a policy along its lifecycle by hand (board review, withdrawal); votes belong to motions. */
  "policy.changeStatus": ["secretariat"],
  /** Start a new draft version as a copy of the latest one. */
  "version.create": ["secretariat"],
  /** Make a draft version final (immutable), carrying open comments forward to it. */
  "version.finalize": ["secretariat"],
  /** Open a consultation on a final version to chosen pillars. */
  "consultation.open": ["secretariat"],
  /** Close a consultation before its closing time. */
  "consultation.close": ["secretariat"],
  /** Read a consultation, its comments, coverage and register, and export the register (representatives: invited pillars only). */
  "consultation.read": ["admin", "secretariat", "director", "chair", "representative"],
  /** Comment while a consultation is open (representatives: only when their pillar is invited). */
  "comment.create": ["secretariat", "director", "chair", "representative"],
  /** Answer a top-level comment for the consultation register. */
  "comment.answer": ["secretariat"],

  // Motions, ballots and decision rules.
  /** See draft and open motions with their live tally (the public sees closed motions' totals only). */
  "motion.readInternal": ["admin", "secretariat", "director", "chair"],
  /** Draft a motion (adopt a policy version, or a free-text resolution), and edit or delete a draft. */
  "motion.draft": ["secretariat", "chair"],
  /** Propose an amendment to a draft motion: a new version of its title and text. */
  "motion.amend": ["director", "chair"],
  /** Open a drafted motion (with the version of its text the Chair chooses): snapshot the rule and the roll, freeze the version voted on. */
  "motion.open": ["chair"],
  /** Withdraw an open motion with a reason: no result is recorded, the roll is told. */
  "motion.withdraw": ["chair"],
  /** Close an open motion before its closing time, once its outcome is decided. */
  "motion.closeEarly": ["chair"],
  /** Cast or change one's own ballot on an open motion one is on the roll of. */
  "ballot.cast": ["director", "chair"],
  /** Declare a conflict of interest on an open motion (a ballot already cast is set aside), or withdraw it before the close. */
  "recusal.declare": ["director", "chair"],
  /** See who voted how on a motion (roll call). */
  "rollcall.read": ["admin", "secretariat", "director", "chair"],
  /** Export the roll call of a closed motion as CSV. */
  "rollcall.export": ["admin", "secretariat", "director", "chair"],
  /** Create and edit decision rules, and choose the default. */
  "rule.manage": ["admin"],

  // Oversight tasks and notifications.
  /** Create a task and assign it to a member of the Secretariat. */
  "task.create": ["director", "chair", "secretariat"],
  /** List, read and export tasks, with their timelines. */
  "task.list": ["director", "chair", "secretariat", "admin"],
  /** Start one's own task, post progress updates and submit it for review (only its assignee). */
  "task.progress": ["secretariat"],
  /** Accept or return a task under review (its creator, the Chair or any director; never its assignee). */
  "task.review": ["director", "chair", "secretariat"],
  /** Mark a task blocked with a reason, or unblock it (its assignee, its creator, the Chair or any director). */
  "task.block": ["director", "chair", "secretariat"],
  /** The oversight view: open and overdue tasks per assignee, completion on time. */
  "oversight.view": ["director", "chair", "secretariat"],
  /** Create or regenerate one's own secret calendar feed address. */
  "calendar.manage": ["director", "chair", "secretariat"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Whether any of the given roles may perform the action. */
export function can(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = PERMISSIONS[action];
  return roles.some((role) => allowed.includes(role));
}
