import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/csv";

describe("CSV cells", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(csvCell('Say "hello", then go', "always")).toBe('"Say ""hello"", then go"');
    expect(csvCell(null, "always")).toBe('""');
    expect(csvCell(3, "always")).toBe('"3"');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    for (const evil of ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tlead", "\rlead"]) {
      expect(csvCell(evil, "always").startsWith(`"'`)).toBe(true);
    }
    expect(csvCell("safe", "always")).toBe('"safe"');
  });

  it("ends rows with CRLF", () => {
    expect(
      toCsv(
        [
          ["a", "b"],
          ["c", "d\ne"],
        ],
        "always",
      ),
    ).toBe('"a","b"\r\n"c","d\ne"\r\n');
  });
});
