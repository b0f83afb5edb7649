import { describe, expect, it } from "vitest";
import { seedingIsCurrent } from "./templates";

describe("a run's seeded template", () => {
  it("is reused the same day, and seeded afresh once midnight has passed in UTC or in the organisation's timezone", () => {
    expect(seedingIsCurrent(new Date("2026-12-03T09:00:00Z"), new Date("2026-12-03T09:05:00Z"))).toBe(true);
    // 23:58 to 00:03 UTC.
    expect(seedingIsCurrent(new Date("2026-12-03T23:58:00Z"), new Date("2026-12-04T00:03:00Z"))).toBe(false);
    // 23:58 to 00:03 in Zurich (UTC+1 in December), the same day in UTC.
    expect(seedingIsCurrent(new Date("2026-12-03T22:58:00Z"), new Date("2026-12-03T23:03:00Z"))).toBe(false);
  });
});
