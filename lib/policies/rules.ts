import { type Action, can, type Role } from "@/lib/auth/permissions";
import type { PolicyStatus } from "@/lib/policies/vocabulary";

/**
 * The policy lifecycle: draft → consultation (one or more rounds) → board_review → voting → adopted |
 * rejected, and withdrawn from any status before adoption. Board review may return a policy to
 * drafting, and a rejected policy goes back to drafting for a new round. Adopted and withdrawn are final.
 */
const NEXT: Record<PolicyStatus, readonly PolicyStatus[]> = {
  draft: ["consultation", "withdrawn"],
  consultation: ["board_review", "withdrawn"],
  board_review: ["voting", "draft", "withdrawn"],
  voting: ["adopted", "rejected", "withdrawn"],
  adopted: [],
  rejected: ["draft"],
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

/** The Secretariat's moves on a policy and its consultation rounds, each checked by `policyMoveRefusal`. */
export const POLICY_MOVES = ["open_round", "close_round", "finalise_version", "send_to_board_review", "return_to_drafting", "withdraw"] as const;
export type PolicyMove = (typeof POLICY_MOVES)[number];

export const POLICY_MOVE_PERMISSION: Record<PolicyMove, Action> = {
  open_round: "consultation.open",
  close_round: "consultation.close",
  finalise_version: "version.finalize",
  send_to_board_review: "policy.changeStatus",
  return_to_drafting: "policy.changeStatus",
  withdraw: "policy.changeStatus",
};

/** What a policy move depends on besides the status. */
export type PolicyState = {
  status: PolicyStatus;
  /** A consultation round is scheduled or open (not yet closed). */
  roundOpen: boolean;
  /** The latest version is a draft. */
  draftVersion: boolean;
  /** Top-level comments of the last round still without an answer. */
  unanswered: number;
  /** The Secretariat has recorded why those comments go to board review unanswered. */
  unansweredReason: boolean;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Whether someone with these roles may make this move now, and if not, why (null: allowed). Pure:
 * commands check it inside their transaction, pages ask it what to offer.
 */
export function policyMoveRefusal(move: PolicyMove, roles: readonly Role[], state: PolicyState): string | null {
  if (!can(roles, POLICY_MOVE_PERMISSION[move])) return "Only the Secretariat manages a policy's versions, consultations and status.";
  const { status } = state;
  switch (move) {
    case "open_round":
      if (status === "consultation" && state.roundOpen) return "A consultation round is already open; close it before opening the next.";
      if (status !== "draft" && status !== "consultation") return `A policy that is ${LABEL[status]} cannot be put out for consultation.`;
      return null;
    case "close_round":
      return state.roundOpen ? null : "No consultation round is open.";
    case "finalise_version":
      if (!acceptsNewVersions(status)) return `A policy that is ${LABEL[status]} takes no new versions.`;
      if (!state.draftVersion) return "There is no draft version to make final.";
      if (state.roundOpen)
        return "A consultation round is open on the current text, which stays frozen until the round closes: close the round first.";
      return null;
    case "send_to_board_review": {
      const move = checkStatusMove(status, "board_review");
      if (!move.ok) return move.reason;
      if (state.roundOpen) return "The consultation round is still open; it must close before board review.";
      if (state.unanswered > 0 && !state.unansweredReason) {
        return `${plural(state.unanswered, "comment", "comments")} of the last round ${state.unanswered === 1 ? "has" : "have"} no answer: answer ${state.unanswered === 1 ? "it" : "them"} in the register, or record why not.`;
      }
      return null;
    }
    case "return_to_drafting": {
      const move = checkStatusMove(status, "draft");
      return move.ok ? null : move.reason;
    }
    case "withdraw": {
      const move = checkStatusMove(status, "withdrawn");
      return move.ok ? null : move.reason;
    }
  }
}
