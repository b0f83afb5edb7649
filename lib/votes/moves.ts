import { type Action, can, type Role } from "@/lib/auth/permissions";
import type { MotionStatus } from "@/lib/votes/vocabulary";

/**
 * The board secretary's moves on a motion, as one pure rule: who may make each, from which status.
 * Drafts are edited, amended, deleted and opened; an open motion is withdrawn (no result) or closed
 * early once decided. Closed and withdrawn motions never move again.
 */
export const MOTION_MOVES = ["edit", "delete", "amend", "choose_amendment", "open", "withdraw", "close_early"] as const;
export type MotionMove = (typeof MOTION_MOVES)[number];

export const MOTION_MOVE_PERMISSION: Record<MotionMove, Action> = {
  edit: "motion.draft",
  delete: "motion.draft",
  amend: "motion.amend",
  choose_amendment: "motion.open",
  open: "motion.open",
  withdraw: "motion.withdraw",
  close_early: "motion.closeEarly",
};

const WHO: Record<MotionMove, string> = {
  edit: "Only the Chair or the Secretariat edits a draft motion.",
  delete: "Only the Chair or the Secretariat deletes a draft motion.",
  amend: "Only a director proposes an amendment.",
  choose_amendment: "Only the Chair chooses the version put to the vote.",
  open: "Only the Chair opens a motion.",
  withdraw: "Only the Chair withdraws an open motion.",
  close_early: "Only the Chair closes a motion early.",
};

const FROM: Record<MotionMove, MotionStatus> = {
  edit: "draft",
  delete: "draft",
  amend: "draft",
  choose_amendment: "draft",
  open: "draft",
  withdraw: "open",
  close_early: "open",
};

const STATUS_WORDS: Record<MotionStatus, string> = { draft: "a draft", open: "open", closed: "closed", withdrawn: "withdrawn" };

/** Whether these roles may make this move on a motion now (`decided`: its outcome can no longer change), and if not, why. */
export function motionMoveRefusal(move: MotionMove, roles: readonly Role[], state: { status: MotionStatus; decided?: boolean }): string | null {
  if (!can(roles, MOTION_MOVE_PERMISSION[move])) return WHO[move];
  if (state.status !== FROM[move]) {
    return FROM[move] === "draft"
      ? `The motion is ${STATUS_WORDS[state.status]}; only a draft can be ${move === "open" ? "opened" : move === "choose_amendment" ? "given another version" : move === "amend" ? "amended" : move === "edit" ? "edited" : "deleted"}.`
      : `The motion is ${STATUS_WORDS[state.status]}; only an open motion can be ${move === "withdraw" ? "withdrawn" : "closed early"}.`;
  }
  if (move === "close_early" && !state.decided) return "The outcome is not decided yet, so the motion stays open until its closing time.";
  return null;
}
