import type { TableSummary } from "./backup";

/** A table of per-table figures for the terminal: name, rows on each side, checksums, and whether they agree. */
export function comparisonTable(
  left: Record<string, TableSummary>,
  right: Record<string, TableSummary>,
  titles: [string, string],
): { text: string; agree: boolean } {
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  const rows = names.map((name) => {
    const a = left[name];
    const b = right[name];
    const same = Boolean(a && b && a.rows === b.rows && a.checksum === b.checksum);
    return [
      name,
      String(a?.rows ?? "-"),
      String(b?.rows ?? "-"),
      a?.checksum.slice(0, 12) ?? "-",
      b?.checksum.slice(0, 12) ?? "-",
      same ? "yes" : "NO",
    ];
  });
  const header = ["table", `rows (${titles[0]})`, `rows (${titles[1]})`, `checksum (${titles[0]})`, `checksum (${titles[1]})`, "same"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  const text = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
  return { text, agree: rows.every((r) => r[5] === "yes") };
}
