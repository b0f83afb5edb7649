import { describe, expect, it } from "vitest";
import { daysBetween, defaultTermEnd, describeTimeLeft, vacatedEndDate } from "./rules";

describe("board terms", () => {
  it("end three years after they start by default", () => {
    expect(defaultTermEnd("2026-11-28")).toBe("2029-11-28");
    expect(defaultTermEnd("2028-02-29")).toBe("2031-02-28");
    expect(defaultTermEnd("2026-01-31", 1)).toBe("2027-01-31");
  });

  it("count days between calendar dates", () => {
    expect(daysBetween("2026-03-10", "2026-03-11")).toBe(1);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-03-11", "2026-03-10")).toBe(-1);
  });

  it("flag terms that end within 90 days, including today, and not those already past", () => {
    const today = "2026-01-01";
    expect(describeTimeLeft("2026-04-01", today)).toMatchObject({ daysLeft: 90, endingSoon: true, label: "90 days left" });
    expect(describeTimeLeft("2026-04-02", today)).toMatchObject({ daysLeft: 91, endingSoon: false });
    expect(describeTimeLeft(today, today)).toMatchObject({ daysLeft: 0, endingSoon: true, label: "Ends today" });
    expect(describeTimeLeft("2025-12-31", today)).toMatchObject({ daysLeft: -1, endingSoon: false, label: "Term end passed 1 day ago" });
    expect(describeTimeLeft("2028-07-01", today).label).toBe("2 years 6 months left");
  });

  it("record a vacated term as ending today unless that would not follow its start", () => {
    expect(vacatedEndDate({ startsOn: "2025-01-01", endsOn: "2028-01-01" }, "2026-05-05")).toBe("2026-05-05");
    expect(vacatedEndDate({ startsOn: "2026-05-05", endsOn: "2029-05-05" }, "2026-05-05")).toBe("2029-05-05");
    expect(vacatedEndDate({ startsOn: "2020-01-01", endsOn: "2023-01-01" }, "2026-05-05")).toBe("2023-01-01");
  });
});
