import type { PolicyStatus } from "@/lib/policies/vocabulary";
import { can, type Role } from "@/lib/auth/permissions";

/** Who is looking: a signed-in user's roles and pillar, or nobody. */
/** `pillarId` is null for the Association's own people, whom no consultation invites as a pillar. */
export type Viewer = { roles: readonly Role[]; pillarId: string | null } | null;

export type Access = "ok" | "unauthenticated" | "forbidden";

/**
 * Adopted policies are public. Everything else needs a signed-in user: internal readers see every
 * policy; a representative sees a policy once a consultation on it invited their pillar.
 */
export function policyAccess(viewer: Viewer, policy: { status: PolicyStatus; invitedPillarIds: readonly string[] }): Access {
  if (policy.status === "adopted") return "ok";
  if (!viewer) return "unauthenticated";
  if (can(viewer.roles, "policy.readInternal")) return "ok";
  return viewer.pillarId && policy.invitedPillarIds.includes(viewer.pillarId) ? "ok" : "forbidden";
}

/** Consultations, their comments and register are for signed-in users: internal readers, and the invited pillars. */
export function consultationAccess(viewer: Viewer, invitedPillarIds: readonly string[]): Access {
  if (!viewer) return "unauthenticated";
  if (!can(viewer.roles, "consultation.read")) return "forbidden";
  if (can(viewer.roles, "policy.readInternal")) return "ok";
  return viewer.pillarId && invitedPillarIds.includes(viewer.pillarId) ? "ok" : "forbidden";
}

/** Draft versions are internal: the public and representatives see final versions only. */
export function seesDraftVersions(viewer: Viewer): boolean {
  return viewer !== null && can(viewer.roles, "policy.readInternal");
}
