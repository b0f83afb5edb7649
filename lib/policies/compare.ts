import { diffWords } from "diff";
import type { KeyedParagraph } from "./paragraphs";

export type WordPart = { text: string; change: "same" | "added" | "removed" };

export type ParagraphComparison =
  | { key: string; kind: "unchanged"; before: string; after: string }
  | { key: string; kind: "edited"; before: string; after: string; parts: WordPart[] }
  | { key: string; kind: "added"; after: string }
  | { key: string; kind: "deleted"; before: string };

/** Word-level changes between two texts. */
export function compareWords(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((c) => ({ text: c.value, change: c.added ? "added" : c.removed ? "removed" : "same" }));
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
    else deletedAfter.set(lastSurvivor, [...(deletedAfter.get(lastSurvivor) ?? []), p]);
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
