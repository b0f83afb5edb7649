import { can, type Role } from "@/lib/auth/permissions";

export type ConsultationWindow = { opensAt: Date; closesAt: Date; closedEarlyAt: Date | null };

export type ConsultationPhase = "scheduled" | "open" | "closed";

/** Where a consultation stands at `now`. Closing early ends it at once. */
export function consultationPhase(c: ConsultationWindow, now: Date): ConsultationPhase {
  if (c.closedEarlyAt && c.closedEarlyAt <= now) return "closed";
  if (now < c.opensAt) return "scheduled";
  if (now >= c.closesAt) return "closed";
  return "open";
}

/** When it actually ended (or will end). */
export function effectiveClose(c: ConsultationWindow): Date {
  return c.closedEarlyAt && c.closedEarlyAt < c.closesAt ? c.closedEarlyAt : c.closesAt;
}

export type CommentRefusal = { code: "unauthenticated" | "forbidden" | "conflict"; reason: string };

/**
 * Whether someone may comment now, and if not, why (shown where the comment box would be).
 * Directors, the Chair and Secretariat staff may comment on any open consultation; a representative
 * only when their pillar is invited; nobody before it opens or after it closes.
 */
export function commentRefusal(
  actor: { roles: readonly Role[]; pillarId: string | null; pillarName?: string | null } | null,
  consultation: ConsultationWindow & { invitedPillarIds: readonly string[]; policyStatus?: string },
  now: Date,
): CommentRefusal | null {
  if (!actor) return { code: "unauthenticated", reason: "Sign in to comment on this consultation." };
  if (consultation.policyStatus === "withdrawn") return { code: "conflict", reason: "This policy was withdrawn; comments are no longer accepted." };
  if (!can(actor.roles, "comment.create")) {
    return {
      code: "forbidden",
      reason:
        "Your role does not take part in consultations: only directors, Secretariat staff and representatives of the invited pillars may comment.",
    };
  }
  const phase = consultationPhase(consultation, now);
  if (phase === "scheduled") return { code: "conflict", reason: "This consultation has not opened yet; comments are accepted once it opens." };
  if (phase === "closed") return { code: "conflict", reason: "This consultation is closed; comments are no longer accepted." };
  const broad = actor.roles.some((role) => role !== "representative" && can([role], "comment.create"));
  if (!broad && !(actor.pillarId && consultation.invitedPillarIds.includes(actor.pillarId))) {
    const pillar = actor.pillarName ?? "your pillar";
    return { code: "forbidden", reason: `This consultation does not invite ${pillar}, so representatives of ${pillar} cannot comment on it.` };
  }
  return null;
}

/**
 * Why a comment no longer fits the policy's current text, or null when it still does: its paragraph
 * is gone, or the words it quotes no longer appear in that paragraph. `current` maps paragraph keys
 * to their text in the latest final version.
 */
export function outdatedReason(
  comment: { paragraphKey: string; quote: string | null },
  current: { number: number; paragraphs: ReadonlyMap<string, string> },
): string | null {
  const body = current.paragraphs.get(comment.paragraphKey);
  if (body === undefined) return `Outdated: paragraph removed in version ${current.number}`;
  if (comment.quote && !body.includes(comment.quote)) return `Outdated: quoted words no longer in version ${current.number}`;
  return null;
}
