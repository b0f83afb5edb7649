import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/auth/permissions";
import { DIRECTOR_MOVE_PERMISSION, DIRECTOR_MOVES, directorMoveRefusal, holderJoinsRoll, holderLeavesRoll } from "./roll-rules";

const BOOLS = [true, false] as const;

describe("a director's moves on a motion, every move × state × role", () => {
  it("allows a move only to a permitted role on the roll of an open motion, in the right recusal state", () => {
    let allowed = 0;
    for (const move of DIRECTOR_MOVES) {
      for (const role of ROLES) {
        for (const motionOpen of BOOLS) {
          for (const onRoll of BOOLS) {
            for (const recused of BOOLS) {
              const refusal = directorMoveRefusal(move, [role], { motionOpen, onRoll, recused });
              const expected =
                can([role], DIRECTOR_MOVE_PERMISSION[move]) && motionOpen && onRoll && (move === "withdraw_recusal" ? recused : !recused);
              expect(refusal === null, `${role} ${move} open=${motionOpen} onRoll=${onRoll} recused=${recused}: ${refusal?.message}`).toBe(expected);
              if (refusal) expect(refusal.message.length).toBeGreaterThan(20);
              if (expected) allowed++;
            }
          }
        }
      }
    }
    // Directors and the Chair, on the roll of an open motion: cast and recuse when not recused, withdraw when recused.
    expect(allowed).toBe(6);
  });

  it("says why, with the code a refusal maps to", () => {
    const open = { motionOpen: true, onRoll: true, recused: false };
    expect(directorMoveRefusal("cast", ["representative"], open)).toEqual({
      code: "forbidden",
      message: "Only a director on the roll acts on a motion.",
    });
    expect(directorMoveRefusal("cast", ["director"], { ...open, motionOpen: false })).toEqual({
      code: "conflict",
      message: "This motion is not open for ballots.",
    });
    expect(directorMoveRefusal("withdraw_recusal", ["director"], { ...open, motionOpen: false, recused: true })?.message).toBe(
      "This motion is closed; the record of its conflicts of interest is final.",
    );
    expect(directorMoveRefusal("cast", ["director"], { ...open, onRoll: false })).toEqual({
      code: "forbidden",
      message: "You are not on the roll of this motion.",
    });
    expect(directorMoveRefusal("cast", ["director"], { ...open, recused: true })?.code).toBe("forbidden");
    expect(directorMoveRefusal("recuse", ["chair"], { ...open, recused: true })).toEqual({
      code: "conflict",
      message: "You have already declared a conflict of interest on this motion.",
    });
    // A conflict may be declared after voting: the rule does not ask whether a ballot was cast.
    expect(directorMoveRefusal("recuse", ["director"], open)).toBeNull();
  });
});

describe("the roll by seat when a seat changes holder", () => {
  it("the leaving holder leaves an open motion's roll only without a ballot; the new one joins only a seat nobody serves", () => {
    for (const motionOpen of BOOLS) {
      for (const flag of BOOLS) {
        expect(holderLeavesRoll({ motionOpen, hasBallot: flag })).toBe(motionOpen && !flag);
        expect(holderJoinsRoll({ motionOpen, seatServed: flag })).toBe(motionOpen && !flag);
      }
    }
  });
});
