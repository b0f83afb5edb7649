import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { MOTION_STATUSES } from "@/lib/votes/vocabulary";
import { MOTION_MOVES, type MotionMove, motionMoveRefusal } from "./moves";

/** Who may make each move, and from which status; every other combination is refused. */
const ALLOWED: Record<MotionMove, { roles: string[]; from: string }> = {
  edit: { roles: ["secretariat", "chair"], from: "draft" },
  delete: { roles: ["secretariat", "chair"], from: "draft" },
  amend: { roles: ["director", "chair"], from: "draft" },
  choose_amendment: { roles: ["chair"], from: "draft" },
  open: { roles: ["chair"], from: "draft" },
  withdraw: { roles: ["chair"], from: "open" },
  close_early: { roles: ["chair"], from: "open" },
};

describe("the moves on a motion, every move × status × role", () => {
  it("allows exactly the table, refuses the rest with a reason", () => {
    for (const move of MOTION_MOVES) {
      for (const status of MOTION_STATUSES) {
        for (const role of ROLES) {
          for (const decided of [true, false]) {
            const refusal = motionMoveRefusal(move, [role], { status, decided });
            const expected = ALLOWED[move].roles.includes(role) && ALLOWED[move].from === status && (move !== "close_early" || decided);
            expect(refusal === null, `${role} ${move} ${status} decided=${decided}: ${refusal}`).toBe(expected);
            if (refusal) expect(refusal.length).toBeGreaterThan(20);
          }
        }
      }
    }
  });

  it("says why in words a board member reads", () => {
    expect(motionMoveRefusal("withdraw", ["director"], { status: "open" })).toBe("Only the Chair withdraws an open motion.");
    expect(motionMoveRefusal("edit", ["chair"], { status: "open" })).toBe("The motion is open; only a draft can be edited.");
    expect(motionMoveRefusal("withdraw", ["chair"], { status: "closed" })).toBe("The motion is closed; only an open motion can be withdrawn.");
    expect(motionMoveRefusal("close_early", ["chair"], { status: "open", decided: false })).toMatch(/not decided yet/);
  });
});
