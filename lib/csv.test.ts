import { describe, expect, it } from "vitest";
import { neutraliseCell } from "./csv";

describe("formula look-alikes in CSV cells", () => {
  it("defuses full-width, small, superscript and other look-alikes of = + - @", () => {
    const lookAlikes = [
      '＝HYPERLINK("http://x")', // full-width equals
      "＋1＋2", // full-width plus
      "－2＋3", // full-width hyphen-minus
      "＠SUM(A1)", // full-width commercial at
      "﹦1", // small equals
      "﹢1", // small plus
      "﹣1", // small hyphen-minus
      "﹫SUM(A1)", // small commercial at
      "⁺1", // superscript plus
      "₌1", // subscript equals
      "−2", // minus sign
      "➕1", // heavy plus
      "➖1", // heavy minus
      "‐1", // hyphen
      "—1", // em dash
      "  =1+1", // spaces before a formula
      "\u00a0=1+1", // a no-break space before one
      "\n=1+1", // a line break before one
    ];
    for (const value of lookAlikes) expect(neutraliseCell(value), JSON.stringify(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text alone", () => {
    for (const value of ["Accepted", "a=b", "1-2", "Ｈｅｌｌｏ", "Zürich", "", "e-mail", "＿underscore"]) expect(neutraliseCell(value)).toBe(value);
  });
});
