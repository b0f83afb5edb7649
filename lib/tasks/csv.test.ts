import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV cells", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(csvCell('Say "hello", then go')).toBe('"Say ""hello"", then go"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(3)).toBe('"3"');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tlead", "\rlead"]) {
      expect(csvCell(evil).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell("safe")).toBe('"safe"');
  });

  it("ends rows with CRLF", () => {
    expect(toCsv([["a", "b"], ["c", "d\ne"]])).toBe('"a","b"\r\n"c","d\ne"\r\n');
  });
});
