import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/csv";
import { parseMoment as parseClosingTime, toLocalInput } from "@/lib/time";

describe("CSV cells", () => {
  it("neutralises formulas and quotes what needs quoting", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\tx")).toBe(`"'\tx"`);
    expect(csvCell('Ana, "Chair"')).toBe(`"Ana, ""Chair"""`);
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(
      toCsv([
        ["a", 1],
        ["b", "c\nd"],
      ]),
    ).toBe('a,1\r\nb,"c\nd"\r\n');
  });
});

describe("closing times", () => {
  it("reads a form's local time in the organisation's timezone", () => {
    expect(parseClosingTime("2026-07-01T12:00", "Europe/Zurich")?.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(parseClosingTime("2026-01-15T12:00", "Europe/Zurich")?.toISOString()).toBe("2026-01-15T11:00:00.000Z");
    expect(parseClosingTime("2026-01-15T12:00:00Z", "Europe/Zurich")?.toISOString()).toBe("2026-01-15T12:00:00.000Z");
    expect(parseClosingTime("2026-02-31T12:00", "Europe/Zurich")).toBeNull();
    expect(parseClosingTime("tomorrow", "Europe/Zurich")).toBeNull();
    expect(toLocalInput(new Date("2026-07-01T10:00:00Z"), "Europe/Zurich")).toBe("2026-07-01T12:00");
  });
});
