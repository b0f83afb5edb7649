import { describe, expect, it } from "vitest";
import { computeCoverage } from "./coverage";
import { neutraliseCell, toCsv } from "@/lib/csv";
import { parseCsv } from "./csv-parse";
import { parseMoment, toLocalInput } from "@/lib/time";

describe("the register CSV", () => {
  it("neutralises cells that a spreadsheet would run as formulas", () => {
    for (const bad of ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    for (const fine of ["Accepted", "a=b", "", "1-2"]) expect(neutraliseCell(fine)).toBe(fine);
  });

  it("round-trips quotes, commas, new lines and neutralised cells", () => {
    const header = ["Comment", "Author"];
    const rows = [
      ['He said "no", then left,\nfor good.', "Ana"],
      ["=cmd|' /C calc'!A0", "@bob"],
      [null, 42],
    ];
    const parsed = parseCsv(toCsv([header, ...rows]));
    expect(parsed).toEqual([header, ['He said "no", then left,\nfor good.', "Ana"], ["'=cmd|' /C calc'!A0", "'@bob"], ["", "42"]]);
  });
});

describe("coverage", () => {
  it("counts organisations and people per pillar, fills the heat map and names silent invited pillars", () => {
    const pillars = [
      { id: "government", name: "Governments", invited: true },
      { id: "civil_society", name: "Civil Society", invited: true },
      { id: "industry", name: "Industry", invited: false },
    ];
    const cov = computeCoverage(["p1", "p2"], pillars, [
      { paragraphKey: "p1", pillarId: "government", organizationId: "o1", authorId: "u1" },
      { paragraphKey: "p1", pillarId: "government", organizationId: "o1", authorId: "u2" },
      { paragraphKey: "p2", pillarId: "government", organizationId: "o2", authorId: "u3" },
      { paragraphKey: "p2", pillarId: "industry", organizationId: "o3", authorId: "u4" },
    ]);
    expect(cov.pillars.map((p) => [p.pillarId, p.organizations, p.people, p.comments])).toEqual([
      ["government", 2, 3, 3],
      ["civil_society", 0, 0, 0],
      ["industry", 1, 1, 1],
    ]);
    expect(cov.heatMap).toEqual([
      { paragraphKey: "p1", counts: [2, 0, 0], total: 2 },
      { paragraphKey: "p2", counts: [1, 0, 1], total: 2 },
    ]);
    expect(cov.silentInvited).toEqual(["Civil Society"]);
    expect(cov.max).toBe(2);
  });
});

describe("reading times from the form", () => {
  it("reads wall-clock times in the organisation's timezone, across a daylight-saving change", () => {
    expect(parseMoment("2026-01-15T09:30", "Europe/Zurich")?.toISOString()).toBe("2026-01-15T08:30:00.000Z");
    expect(parseMoment("2026-07-15T09:30", "Europe/Zurich")?.toISOString()).toBe("2026-07-15T07:30:00.000Z");
    expect(toLocalInput(new Date("2026-07-15T07:30:00Z"), "Europe/Zurich")).toBe("2026-07-15T09:30");
  });

  it("takes ISO instants as they are and refuses nonsense", () => {
    expect(parseMoment("2026-01-15T09:30:00Z", "Europe/Zurich")?.toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(parseMoment("2026-02-31T09:30", "Europe/Zurich")).toBeNull();
    expect(parseMoment("tomorrow", "Europe/Zurich")).toBeNull();
    expect(parseMoment("", "Europe/Zurich")).toBeNull();
  });
});
