/** Characters that make a spreadsheet read a cell as a formula (or smuggle one in after a control character). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a cell against formula injection: a leading apostrophe makes spreadsheets show it as text. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV with CRLF line ends, every cell neutralised. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map((cell) => quoteCell(neutraliseCell(cell == null ? "" : String(cell)))).join(",")).join("\r\n") + "\r\n";
}
