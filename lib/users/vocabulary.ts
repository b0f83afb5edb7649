/**
 * The Association itself (its Secretariat and administrators) is no pillar: where a pillar would be
 * named for one of its people, this is.
 */
export const ASSOCIATION_LABEL = "The Association (no pillar)";

/**
 * Roles granted directly. `director` and `chair` are not stored: they follow from holding a current
 * board seat (and its Chair or Vice-chair office), so they end when the term ends. A leaf module.
 */
export const STORED_ROLES = ["admin", "secretariat", "representative"] as const;
export type StoredRole = (typeof STORED_ROLES)[number];

/** Why a session ended, as stored and as shown in the sessions list. */
export const SESSION_END_REASONS = {
  signed_out: "Signed out",
  signed_out_everywhere: "Signed out everywhere",
  ended_by_user: "Ended by you",
  ended_by_admin: "Ended by an administrator",
  password_changed: "Password changed",
  deactivated: "Account deactivated",
} as const;
export type SessionEndReason = keyof typeof SESSION_END_REASONS;

/** "Firefox on Linux" from a user-agent string; the raw string when it says nothing familiar. */
export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (!browser) return userAgent.slice(0, 60);
  return system ? `${browser} on ${system}` : browser;
}
