/**
 * CSV for every export (register, roll call, tasks): RFC 4180 with CRLF line ends, and every cell
 * defused against formula injection.
 */

/** Characters that make a spreadsheet read a cell as a formula (or smuggle one in after a control character). */
const FORMULA_START = /^[=+\-@\t\r\n]/;
/**
 * Look-alikes that compatibility normalisation (NFKC) leaves alone: the minus sign, the heavy plus
 * and minus, and the dashes. Full-width (＝ ＋ － ＠), small (﹦ ﹢ ﹣ ﹫), superscript and subscript
 * forms become their ASCII selves under NFKC, which is how some spreadsheets read them.
 */
const LOOK_ALIKES = /^[\u2212\u2795\u2796\u2010-\u2015]/;

/** A leading apostrophe makes spreadsheets show a formula-like cell as text; leading spaces do not hide a formula. */
export function neutraliseCell(value: string): string {
  const start = value.normalize("NFKC").trimStart();
  return FORMULA_START.test(value) || FORMULA_START.test(start) || LOOK_ALIKES.test(start) ? `'${value}` : value;
}

/** Quote every cell, or only those that need it (separators, quotes, line breaks, a neutralised start). */
export type Quoting = "always" | "when-needed";

export function csvCell(value: unknown, quoting: Quoting = "when-needed"): string {
  const text = neutraliseCell(value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value));
  return quoting === "always" || /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[], quoting: Quoting = "when-needed"): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, quoting)).join(",")).join("\r\n") + "\r\n";
}
