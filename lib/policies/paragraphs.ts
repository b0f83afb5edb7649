import { randomBytes } from "node:crypto";
import { diffArrays } from "diff";

/** A paragraph of a version: its stable key and its Markdown text. */
export type KeyedParagraph = { key: string; body: string };

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

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * How alike two paragraphs are, by shared words (Dice coefficient, 0 to 1). Half of a paragraph
 * split in two scores about 0.67 against the whole; a rewrite scores low.
 */
export function paragraphSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size + wb.size === 0) return 1;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

/** Below this similarity an added paragraph is new text, not an edit of a removed one. */
export const EDIT_SIMILARITY_THRESHOLD = 0.5;

type Candidate = { removed: number; added: number; score: number };

/** Pairs removed with added paragraphs, most similar first, each used once. */
function pairBySimilarity(previous: KeyedParagraph[], bodies: string[], removed: number[], added: number[], keys: (string | undefined)[]) {
  const candidates: Candidate[] = [];
  for (const r of removed) {
    for (const a of added) {
      const exact = previous[r]!.body === bodies[a];
      const score = exact ? 2 : paragraphSimilarity(previous[r]!.body, bodies[a]!);
      if (score >= EDIT_SIMILARITY_THRESHOLD) candidates.push({ removed: r, added: a, score });
    }
  }
  // Ties go to the earlier paragraphs, so the first half of a split paragraph keeps the key.
  candidates.sort((x, y) => y.score - x.score || x.added - y.added || x.removed - y.removed);
  const usedRemoved = new Set<number>();
  for (const c of candidates) {
    if (usedRemoved.has(c.removed) || keys[c.added] !== undefined) continue;
    usedRemoved.add(c.removed);
    keys[c.added] = previous[c.removed]!.key;
  }
  return usedRemoved;
}

/**
 * Gives the paragraphs of a new version their keys by aligning them with the previous version:
 * a text diff over whole paragraphs keeps the keys of unchanged ones; within each changed stretch,
 * removed and added paragraphs are paired by word similarity, so an edited paragraph keeps its key;
 * a paragraph moved elsewhere is found in a second pass; anything left is new and gets a new key.
 * The keys of previous paragraphs that found no partner end here.
 */
export function alignParagraphs(previous: KeyedParagraph[], bodies: string[], makeKey: () => string = newParagraphKey): KeyedParagraph[] {
  const keys: (string | undefined)[] = bodies.map(() => undefined);
  const changes = diffArrays(
    previous.map((p) => p.body),
    bodies,
  );
  let oldIndex = 0;
  let newIndex = 0;
  let removedRun: number[] = [];
  let addedRun: number[] = [];
  const unmatchedRemoved: number[] = [];
  const unmatchedAdded: number[] = [];
  const flushRun = () => {
    const used = pairBySimilarity(previous, bodies, removedRun, addedRun, keys);
    unmatchedRemoved.push(...removedRun.filter((r) => !used.has(r)));
    unmatchedAdded.push(...addedRun.filter((a) => keys[a] === undefined));
    removedRun = [];
    addedRun = [];
  };
  for (const change of changes) {
    const n = change.count ?? change.value.length;
    if (change.removed) {
      for (let i = 0; i < n; i++) removedRun.push(oldIndex++);
    } else if (change.added) {
      for (let i = 0; i < n; i++) addedRun.push(newIndex++);
    } else {
      flushRun();
      for (let i = 0; i < n; i++) keys[newIndex++] = previous[oldIndex++]!.key;
    }
  }
  flushRun();
  // Moved paragraphs: their removal and addition are not next to each other in the diff.
  pairBySimilarity(previous, bodies, unmatchedRemoved, unmatchedAdded, keys);

  const taken = new Set(keys.filter((k): k is string => k !== undefined));
  return bodies.map((body, i) => {
    let key = keys[i];
    if (key === undefined) {
      do key = makeKey();
      while (taken.has(key));
      taken.add(key);
    }
    return { key, body };
  });
}

/** The keys of the previous version that the new one no longer has. */
export function endedKeys(previous: KeyedParagraph[], next: KeyedParagraph[]): string[] {
  const kept = new Set(next.map((p) => p.key));
  return previous.map((p) => p.key).filter((key) => !kept.has(key));
}
