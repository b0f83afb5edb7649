import { randomBytes } from "node:crypto";

/** Splits Markdown into paragraphs: blocks separated by blank lines, trimmed, empty ones dropped. */
export function splitParagraphs(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
}

/** A new stable paragraph key. */
export function newParagraphKey(): string {
  return `p-${randomBytes(5).toString("hex")}`;
}
