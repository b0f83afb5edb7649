import { diffWords } from "diff";
import type { KeyedParagraph } from "./paragraphs";

export type WordPart = { text: string; change: "same" | "added" | "removed" };

export type ParagraphComparison =
  | { key: string; kind: "unchanged"; before: string; after: string }
  | { key: string; kind: "edited"; before: string; after: string; parts: WordPart[] }
  | { key: string; kind: "added"; after: string }
  | { key: string; kind: "deleted"; before: string };

/**
 * The most edits a word-level comparison looks for. The diff's work grows with the length of the
 * texts times the number of edits; past this bound (a paragraph rewritten from end to end) the
 * paragraph is shown as removed and added whole, which is what it is.
 */
export const WORD_DIFF_MAX_EDITS = 2000;

/** Word-level changes between two texts. */
export function compareWords(before: string, after: string): WordPart[] {
  const changes = diffWords(before, after, { maxEditLength: WORD_DIFF_MAX_EDITS });
  if (!changes) {
    return [
      { text: before, change: "removed" },
      { text: after, change: "added" },
    ];
  }
  return changes.map((c) => ({ text: c.value, change: c.added ? "added" : c.removed ? "removed" : "same" }));
}

/**
 * Compares two versions paragraph by paragraph, matched by stable key: in the order of the newer
 * version, with each deleted paragraph shown where it stood in the older one.
 */
export function compareVersions(from: KeyedParagraph[], to: KeyedParagraph[]): ParagraphComparison[] {
  const byKey = new Map(from.map((p) => [p.key, p]));
  const toKeys = new Set(to.map((p) => p.key));
  const rows: ParagraphComparison[] = [];
  // Deleted paragraphs are placed after the last surviving paragraph that preceded them.
  const deletedAfter = new Map<string | null, KeyedParagraph[]>();
  let lastSurvivor: string | null = null;
  for (const p of from) {
    if (toKeys.has(p.key)) lastSurvivor = p.key;
    else if (deletedAfter.has(lastSurvivor)) deletedAfter.get(lastSurvivor)!.push(p);
    else deletedAfter.set(lastSurvivor, [p]);
  }
  const pushDeleted = (after: string | null) => {
    for (const p of deletedAfter.get(after) ?? []) rows.push({ key: p.key, kind: "deleted", before: p.body });
  };
  pushDeleted(null);
  for (const p of to) {
    const old = byKey.get(p.key);
    if (!old) rows.push({ key: p.key, kind: "added", after: p.body });
    else if (old.body === p.body) rows.push({ key: p.key, kind: "unchanged", before: old.body, after: p.body });
    else rows.push({ key: p.key, kind: "edited", before: old.body, after: p.body, parts: compareWords(old.body, p.body) });
    if (old) pushDeleted(p.key);
  }
  return rows;
}
