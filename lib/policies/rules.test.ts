import { describe, expect, it } from "vitest";
import { POLICY_STATUSES, type PolicyStatus } from "@/lib/policies/vocabulary";
import { acceptsNewVersions, checkStatusMove, secretariatMoves } from "./rules";

const ALLOWED: [PolicyStatus, PolicyStatus][] = [
  ["draft", "consultation"],
  ["consultation", "board_review"],
  ["board_review", "voting"],
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

  it("decided and withdrawn policies never move again", () => {
    expect(checkStatusMove("adopted", "withdrawn")).toEqual({ ok: false, reason: "The policy is adopted; its status can no longer change." });
    expect(checkStatusMove("rejected", "draft").ok).toBe(false);
  });

  it("the Secretariat moves to board review and withdraws by hand; consultations and motions do the rest", () => {
    expect(secretariatMoves("draft")).toEqual(["withdrawn"]);
    expect(secretariatMoves("consultation")).toEqual(["board_review", "withdrawn"]);
    expect(secretariatMoves("board_review")).toEqual(["withdrawn"]);
    expect(secretariatMoves("voting")).toEqual(["withdrawn"]);
    expect(secretariatMoves("adopted")).toEqual([]);
  });

  it("takes new versions until a vote starts", () => {
    expect(POLICY_STATUSES.filter(acceptsNewVersions)).toEqual(["draft", "consultation", "board_review"]);
  });
});
