import type { PolicyStatus } from "@/lib/policies/vocabulary";

/**
 * The policy lifecycle: draft → consultation → board_review → voting → adopted | rejected, and
 * withdrawn from any status before adoption. Adopted, rejected and withdrawn are final.
 */
const NEXT: Record<PolicyStatus, readonly PolicyStatus[]> = {
  draft: ["consultation", "withdrawn"],
  consultation: ["board_review", "withdrawn"],
  board_review: ["voting", "withdrawn"],
  voting: ["adopted", "rejected", "withdrawn"],
  adopted: [],
  rejected: [],
  withdrawn: [],
};

export type StatusMove = { ok: true } | { ok: false; reason: string };

const LABEL: Record<PolicyStatus, string> = {
  draft: "draft",
  consultation: "in consultation",
  board_review: "in board review",
  voting: "being voted on",
  adopted: "adopted",
  rejected: "rejected",
  withdrawn: "withdrawn",
};

export function statusLabel(status: PolicyStatus): string {
  return LABEL[status];
}

/** Whether a policy may move from one status to another, and if not, why. */
export function checkStatusMove(from: PolicyStatus, to: PolicyStatus): StatusMove {
  if (from === to) return { ok: false, reason: `The policy is already ${LABEL[to]}.` };
  if (NEXT[from].includes(to)) return { ok: true };
  if (NEXT[from].length === 0) return { ok: false, reason: `The policy is ${LABEL[from]}; its status can no longer change.` };
  return { ok: false, reason: `A policy that is ${LABEL[from]} cannot become ${LABEL[to]}.` };
}

/** Moves that belong to motions (opening a vote, its result); the Secretariat never makes them by hand. */
export const MOTION_MOVES: readonly PolicyStatus[] = ["voting", "adopted", "rejected"];

/** Moves that happen by opening a consultation, not by a status change. */
export const CONSULTATION_MOVES: readonly PolicyStatus[] = ["consultation"];

/** The statuses the Secretariat may set by hand from the current one. */
export function secretariatMoves(from: PolicyStatus): PolicyStatus[] {
  return NEXT[from].filter((to) => !MOTION_MOVES.includes(to) && !CONSULTATION_MOVES.includes(to));
}

/** Whether new versions may still be made: not once the policy is decided or withdrawn, nor while it is voted on. */
export function acceptsNewVersions(status: PolicyStatus): boolean {
  return status === "draft" || status === "consultation" || status === "board_review";
}
