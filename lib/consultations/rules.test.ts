import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { commentRefusal, consultationPhase, effectiveClose, outdatedReason } from "./rules";

const opensAt = new Date("2026-03-01T08:00:00Z");
const closesAt = new Date("2026-03-15T16:00:00Z");
const during = new Date("2026-03-05T12:00:00Z");
const c = { opensAt, closesAt, closedEarlyAt: null, invitedPillarIds: ["government", "civil_society"] };
const who = (roles: Role[], pillarId = "industry") => ({ roles, pillarId, pillarName: "Private Security Companies" });

describe("a consultation's window", () => {
  it("is scheduled, then open, then closed; closing early ends it", () => {
    expect(consultationPhase(c, new Date("2026-02-28T00:00:00Z"))).toBe("scheduled");
    expect(consultationPhase(c, opensAt)).toBe("open");
    expect(consultationPhase(c, closesAt)).toBe("closed");
    const early = { ...c, closedEarlyAt: new Date("2026-03-04T00:00:00Z") };
    expect(consultationPhase(early, during)).toBe("closed");
    expect(effectiveClose(early)).toEqual(early.closedEarlyAt);
    expect(effectiveClose(c)).toEqual(closesAt);
  });
});

describe("who may comment", () => {
  it("representatives of invited pillars, directors, the Chair and the Secretariat, while open", () => {
    expect(commentRefusal(who(["representative"], "government"), c, during)).toBeNull();
    expect(commentRefusal(who(["director"]), c, during)).toBeNull();
    expect(commentRefusal(who(["chair", "director"]), c, during)).toBeNull();
    expect(commentRefusal(who(["secretariat"]), c, during)).toBeNull();
  });

  it("refuses a representative of a pillar that is not invited, and says why", () => {
    expect(commentRefusal(who(["representative"]), c, during)).toEqual({
      code: "forbidden",
      reason: "This consultation does not invite Private Security Companies, so representatives of Private Security Companies cannot comment on it.",
    });
  });

  it("refuses administrators and visitors", () => {
    expect(commentRefusal(who(["admin"]), c, during)?.code).toBe("forbidden");
    expect(commentRefusal(null, c, during)?.code).toBe("unauthenticated");
  });

  it("refuses everyone before it opens and after it closes", () => {
    for (const roles of [["secretariat"], ["director"], ["representative"]] as Role[][]) {
      expect(commentRefusal(who(roles, "government"), c, new Date("2026-02-01T00:00:00Z"))?.reason).toMatch(/not opened yet/);
      expect(commentRefusal(who(roles, "government"), c, closesAt)?.reason).toMatch(/closed/);
    }
  });
});

describe("a comment against the current text", () => {
  const current = { number: 3, paragraphs: new Map([["a", "Companies report incidents within 72 hours."]]) };
  it("fits while its paragraph is there and its quoted words still appear", () => {
    expect(outdatedReason({ paragraphKey: "a", quote: null }, current)).toBeNull();
    expect(outdatedReason({ paragraphKey: "a", quote: "within 72 hours" }, current)).toBeNull();
  });
  it("is outdated when its paragraph is gone or its quoted words no longer appear, and says which", () => {
    expect(outdatedReason({ paragraphKey: "b", quote: null }, current)).toBe("Outdated: paragraph removed in version 3");
    expect(outdatedReason({ paragraphKey: "a", quote: "within 14 days" }, current)).toBe("Outdated: quoted words no longer in version 3");
  });
});

describe("a withdrawn policy", () => {
  it("takes no comment from anyone, even while its window would be open", () => {
    for (const roles of [["secretariat"], ["director"], ["representative"]] as Role[][]) {
      expect(commentRefusal(who(roles, "government"), { ...c, policyStatus: "withdrawn" }, during)).toEqual({
        code: "conflict",
        reason: "This policy was withdrawn; comments are no longer accepted.",
      });
    }
  });
});
