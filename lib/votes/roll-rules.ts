import { type Action, can, type Role } from "@/lib/auth/permissions";

/**
 * A director's own moves on an open motion, and how a seat's change of holder moves its roll, as
 * pure rules: the commands read the state, ask these, and write what they allow.
 */
export const DIRECTOR_MOVES = ["cast", "recuse", "withdraw_recusal"] as const;
export type DirectorMove = (typeof DIRECTOR_MOVES)[number];

export const DIRECTOR_MOVE_PERMISSION: Record<DirectorMove, Action> = {
  cast: "ballot.cast",
  recuse: "recusal.declare",
  withdraw_recusal: "recusal.declare",
};

/** What the command knows when a director acts: whether ballots are taken, and where the director stands. */
export type DirectorStanding = { motionOpen: boolean; onRoll: boolean; recused: boolean };
export type DirectorMoveRefusal = { code: "forbidden" | "conflict"; message: string };

const CLOSED: Record<DirectorMove, string> = {
  cast: "This motion is not open for ballots.",
  recuse: "This motion is not open for ballots.",
  withdraw_recusal: "This motion is closed; the record of its conflicts of interest is final.",
};

/**
 * Whether a director with these roles may make this move now, and if not, why. A conflict may be
 * declared before or after voting (the ballot is then set aside) and withdrawn before the close; a
 * director with a conflict declared casts no ballot.
 */
export function directorMoveRefusal(move: DirectorMove, roles: readonly Role[], state: DirectorStanding): DirectorMoveRefusal | null {
  if (!can(roles, DIRECTOR_MOVE_PERMISSION[move])) return { code: "forbidden", message: "Only a director on the roll acts on a motion." };
  if (!state.motionOpen) return { code: "conflict", message: CLOSED[move] };
  if (!state.onRoll) return { code: "forbidden", message: "You are not on the roll of this motion." };
  if (move === "cast" && state.recused)
    return {
      code: "forbidden",
      message: "You declared a conflict of interest on this motion, so you cannot vote on it; withdraw the declaration first.",
    };
  if (move === "recuse" && state.recused) return { code: "conflict", message: "You have already declared a conflict of interest on this motion." };
  if (move === "withdraw_recusal" && !state.recused)
    return { code: "conflict", message: "You have no conflict of interest declared on this motion." };
  return null;
}

/**
 * The roll is by seat. When a seat's holder leaves while a motion is open, a holder who has cast a
 * ballot stays on its roll (the ballot stands); one who has not leaves it, so the seat is free.
 */
export function holderLeavesRoll(state: { motionOpen: boolean; hasBallot: boolean }): boolean {
  return state.motionOpen && !state.hasBallot;
}

/** The seat's new holder joins an open motion's roll for that seat when nobody serves it there. */
export function holderJoinsRoll(state: { motionOpen: boolean; seatServed: boolean }): boolean {
  return state.motionOpen && !state.seatServed;
}
