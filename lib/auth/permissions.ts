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
  "audit.read": ["admin", "director", "chair"],
  /** See the list of user accounts. */
  "user.list": ["admin"],
  /** Create a user account. */
  "user.create": ["admin"],
  /** Change a user's directly granted roles. */
  "user.setRoles": ["admin"],

  // Board seats and the member registry.
  /** Assign seat holders, end terms, vacate seats and designate the Chair and Vice-chair. */
  "seat.manage": ["admin"],
  /** Create and edit organisations of the registry (not their membership status). */
  "organization.manage": ["admin", "secretariat"],
  /** Change an organisation's membership status, with a reason and an effective date. */
  "organization.changeStatus": ["admin", "secretariat"],

  // Policies, versions and consultations.

  // Motions, ballots and decision rules.

  // Oversight tasks and notifications.

} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Whether any of the given roles may perform the action. */
export function can(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = PERMISSIONS[action];
  return roles.some((role) => allowed.includes(role));
}
