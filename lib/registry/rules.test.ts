import { describe, expect, it } from "vitest";
import { MEMBERSHIP_STATUSES, type MembershipStatus } from "@/lib/registry/vocabulary";
import { allowedTransitions, canTransition, isInGoodStanding } from "./rules";
import { todayIn } from "@/lib/time";

const TODAY = "2026-03-10";
const YESTERDAY = "2026-03-09";
const TOMORROW = "2026-03-11";

describe("good standing", () => {
  // Every status × every expiry edge, spelled out so a change to the rule shows up here.
  const expected: Record<MembershipStatus, { none: boolean; yesterday: boolean; today: boolean; tomorrow: boolean }> = {
    applicant: { none: false, yesterday: false, today: false, tomorrow: false },
    transitional_member: { none: true, yesterday: false, today: true, tomorrow: true },
    certified_member: { none: false, yesterday: false, today: true, tomorrow: true },
    affiliate: { none: false, yesterday: false, today: false, tomorrow: false },
    suspended: { none: false, yesterday: false, today: false, tomorrow: false },
    terminated: { none: false, yesterday: false, today: false, tomorrow: false },
  };
  const expiries = { none: null, yesterday: YESTERDAY, today: TODAY, tomorrow: TOMORROW } as const;

  for (const status of MEMBERSHIP_STATUSES) {
    for (const [edge, expiresOn] of Object.entries(expiries) as [keyof typeof expiries, string | null][]) {
      it(`${status} with certification expiring ${edge === "none" ? "never recorded" : edge}: ${expected[status][edge]}`, () => {
        expect(isInGoodStanding({ membershipStatus: status, certificationExpiresOn: expiresOn }, TODAY)).toBe(expected[status][edge]);
      });
    }
  }

  it("an organisation without a membership status (a government) is not a member in good standing", () => {
    expect(isInGoodStanding({ membershipStatus: null, certificationExpiresOn: null }, TODAY)).toBe(false);
    expect(isInGoodStanding({ membershipStatus: null, certificationExpiresOn: TOMORROW }, TODAY)).toBe(false);
  });

  it("judges expiry by today in the organisation's timezone, not in UTC", () => {
    // 23:30 UTC on 10 March is already 00:30 on 11 March in Zurich (CET, UTC+1).
    const lateEvening = new Date("2026-03-10T23:30:00Z");
    expect(todayIn("UTC", lateEvening)).toBe("2026-03-10");
    expect(todayIn("Europe/Zurich", lateEvening)).toBe("2026-03-11");
    const expiringOnTenth = { membershipStatus: "certified_member" as const, certificationExpiresOn: "2026-03-10" };
    expect(isInGoodStanding(expiringOnTenth, todayIn("UTC", lateEvening))).toBe(true);
    expect(isInGoodStanding(expiringOnTenth, todayIn("Europe/Zurich", lateEvening))).toBe(false);
    // West of UTC it is still the previous day.
    expect(todayIn("America/New_York", new Date("2026-03-11T03:00:00Z"))).toBe("2026-03-10");
    // Summer time: Zurich is UTC+2, so 22:30 UTC is already tomorrow.
    expect(todayIn("Europe/Zurich", new Date("2026-07-01T22:30:00Z"))).toBe("2026-07-02");
  });
});

describe("the membership state machine", () => {
  const table: [MembershipStatus | null, MembershipStatus[]][] = [
    [null, ["applicant", "affiliate"]],
    ["applicant", ["transitional_member", "affiliate", "terminated"]],
    ["transitional_member", ["certified_member", "suspended", "terminated"]],
    ["certified_member", ["suspended", "terminated"]],
    ["suspended", ["transitional_member", "certified_member", "terminated"]],
    ["affiliate", ["applicant", "terminated"]],
    ["terminated", ["applicant"]],
  ];

  for (const [from, allowed] of table) {
    it(`from ${from ?? "no status"} allows exactly ${allowed.join(", ")}`, () => {
      expect([...allowedTransitions(from)].sort()).toEqual([...allowed].sort());
      for (const to of MEMBERSHIP_STATUSES) expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.includes(to));
    });
  }

  it("a terminated company cannot become certified or a member again without a new application", () => {
    expect(canTransition("terminated", "certified_member")).toBe(false);
    expect(canTransition("terminated", "transitional_member")).toBe(false);
    expect(canTransition("terminated", "applicant")).toBe(true);
  });

  it("an affiliate is not a member: it cannot be certified, made transitional or suspended directly", () => {
    expect(canTransition("affiliate", "certified_member")).toBe(false);
    expect(canTransition("affiliate", "transitional_member")).toBe(false);
    expect(canTransition("affiliate", "suspended")).toBe(false);
  });

  it("no status moves to itself", () => {
    for (const status of MEMBERSHIP_STATUSES) expect(canTransition(status, status)).toBe(false);
  });
});
