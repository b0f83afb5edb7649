import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { POLICY_STATUSES, type PolicyStatus } from "@/lib/policies/vocabulary";
import { acceptsNewVersions, checkStatusMove, POLICY_MOVES, type PolicyMove, policyMoveRefusal, type PolicyState, secretariatMoves } from "./rules";

const ALLOWED: [PolicyStatus, PolicyStatus][] = [
  ["draft", "consultation"],
  ["consultation", "board_review"],
  ["board_review", "voting"],
  ["board_review", "draft"],
  ["rejected", "draft"],
  ["voting", "adopted"],
  ["voting", "rejected"],
  ["draft", "withdrawn"],
  ["consultation", "withdrawn"],
  ["board_review", "withdrawn"],
  ["voting", "withdrawn"],
];

describe("the policy lifecycle", () => {
  it("allows exactly the lifecycle's moves, every other pair is refused with a reason", () => {
    for (const from of POLICY_STATUSES) {
      for (const to of POLICY_STATUSES) {
        const move = checkStatusMove(from, to);
        const expected = ALLOWED.some(([f, t]) => f === from && t === to);
        expect(move.ok, `${from} → ${to}`).toBe(expected);
        if (!move.ok) expect(move.reason.length).toBeGreaterThan(10);
      }
    }
  });

  it("adopted and withdrawn policies never move again; a rejected one goes back to drafting only", () => {
    expect(checkStatusMove("adopted", "withdrawn")).toEqual({ ok: false, reason: "The policy is adopted; its status can no longer change." });
    expect(checkStatusMove("withdrawn", "draft")).toEqual({ ok: false, reason: "The policy is withdrawn; its status can no longer change." });
    expect(checkStatusMove("rejected", "draft")).toEqual({ ok: true });
    expect(checkStatusMove("rejected", "consultation").ok).toBe(false);
  });

  it("the Secretariat moves to board review, returns to drafting and withdraws by hand; consultations and motions do the rest", () => {
    expect(secretariatMoves("draft")).toEqual(["withdrawn"]);
    expect(secretariatMoves("consultation")).toEqual(["board_review", "withdrawn"]);
    expect(secretariatMoves("board_review")).toEqual(["draft", "withdrawn"]);
    expect(secretariatMoves("voting")).toEqual(["withdrawn"]);
    expect(secretariatMoves("rejected")).toEqual(["draft"]);
    expect(secretariatMoves("adopted")).toEqual([]);
    expect(secretariatMoves("withdrawn")).toEqual([]);
  });

  it("takes new versions until a vote starts", () => {
    expect(POLICY_STATUSES.filter(acceptsNewVersions)).toEqual(["draft", "consultation", "board_review"]);
  });
});

const BASE: PolicyState = { status: "draft", roundOpen: false, draftVersion: true, unanswered: 0, unansweredReason: false };

/** For the Secretariat: the statuses each move is allowed from, in each situation. Every other role is refused everything. */
const ALLOWED_MOVES: { state: Partial<PolicyState>; allowed: Record<PolicyMove, PolicyStatus[]> }[] = [
  {
    state: {},
    allowed: {
      open_round: ["draft", "consultation"],
      close_round: [],
      finalise_version: ["draft", "consultation", "board_review"],
      send_to_board_review: ["consultation"],
      return_to_drafting: ["board_review", "rejected"],
      withdraw: ["draft", "consultation", "board_review", "voting"],
    },
  },
  {
    state: { roundOpen: true },
    allowed: {
      open_round: ["draft"],
      close_round: [...POLICY_STATUSES],
      finalise_version: [],
      send_to_board_review: [],
      return_to_drafting: ["board_review", "rejected"],
      withdraw: ["draft", "consultation", "board_review", "voting"],
    },
  },
  {
    state: { draftVersion: false, unanswered: 3 },
    allowed: {
      open_round: ["draft", "consultation"],
      close_round: [],
      finalise_version: [],
      send_to_board_review: [],
      return_to_drafting: ["board_review", "rejected"],
      withdraw: ["draft", "consultation", "board_review", "voting"],
    },
  },
  {
    state: { unanswered: 3, unansweredReason: true },
    allowed: {
      open_round: ["draft", "consultation"],
      close_round: [],
      finalise_version: ["draft", "consultation", "board_review"],
      send_to_board_review: ["consultation"],
      return_to_drafting: ["board_review", "rejected"],
      withdraw: ["draft", "consultation", "board_review", "voting"],
    },
  },
];

describe("the Secretariat's moves on a policy, every move × status × role", () => {
  it("allows exactly the table's moves to the Secretariat, refuses every other role, and always says why", () => {
    for (const { state, allowed } of ALLOWED_MOVES) {
      for (const move of POLICY_MOVES) {
        for (const status of POLICY_STATUSES) {
          for (const role of ROLES) {
            const roles: Role[] = [role];
            const refusal = policyMoveRefusal(move, roles, { ...BASE, ...state, status });
            const expected = role === "secretariat" && allowed[move].includes(status);
            expect(refusal === null, `${role} ${move} from ${status} with ${JSON.stringify(state)}: ${refusal}`).toBe(expected);
            if (refusal !== null) expect(refusal.length).toBeGreaterThan(15);
          }
        }
      }
    }
  });

  it("the text is frozen while a round is open, and board review waits for the round and its answers", () => {
    const sec: Role[] = ["secretariat"];
    expect(policyMoveRefusal("finalise_version", sec, { ...BASE, status: "consultation", roundOpen: true })).toMatch(/frozen until the round closes/);
    expect(policyMoveRefusal("send_to_board_review", sec, { ...BASE, status: "consultation", roundOpen: true })).toMatch(/still open/);
    expect(policyMoveRefusal("send_to_board_review", sec, { ...BASE, status: "consultation", unanswered: 7 })).toBe(
      "7 comments of the last round have no answer: answer them in the register, or record why not.",
    );
    expect(policyMoveRefusal("send_to_board_review", sec, { ...BASE, status: "consultation", unanswered: 1 })).toBe(
      "1 comment of the last round has no answer: answer it in the register, or record why not.",
    );
    expect(policyMoveRefusal("open_round", sec, { ...BASE, status: "consultation", roundOpen: true })).toMatch(/already open/);
    expect(policyMoveRefusal("withdraw", ["chair", "director"], { ...BASE, status: "consultation" })).toMatch(/Only the Secretariat/);
  });
});
