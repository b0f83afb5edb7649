import { randomBytes } from "node:crypto";

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

function diceOf(wa: Set<string>, wb: Set<string>): number {
  if (wa.size + wb.size === 0) return 1;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

/**
 * How alike two paragraphs are, by shared words (Dice coefficient, 0 to 1). Half of a paragraph
 * split in two scores about 0.67 against the whole; a rewrite scores low.
 */
export function paragraphSimilarity(a: string, b: string): number {
  return diceOf(words(a), words(b));
}

/** Below this similarity an added paragraph is new text, not an edit of a removed one. */
export const EDIT_SIMILARITY_THRESHOLD = 0.5;

/**
 * What alignment may spend, whatever the text (the limits allow 100,000 characters, so 50,000
 * paragraphs of one character). Exact matching is linear apart from sorting; only paragraphs left
 * over are compared by words, each with at most `window` partners on either side of where it would
 * stand, and all comparisons together may look at no more than `budget` words. Past the budget,
 * leftovers are new paragraphs with new keys: a key may be lost, the server never is.
 */
export const ALIGNMENT_LIMITS = { window: 32, budget: 8_000_000, depth: 8 };
export type AlignmentLimits = typeof ALIGNMENT_LIMITS;

/** A stretch where the texts differ: the old paragraphs removed and the new ones added there. */
type Gap = { removed: number[]; added: number[] };

/**
 * Pairs identical paragraphs in order (patience alignment): common ends first, then paragraphs that
 * occur once on each side, kept where their order agrees (a longest increasing subsequence), and the
 * same again between them, to a bounded depth. What stays unpaired is returned as gaps, in order.
 */
function matchIdentical(
  before: readonly string[],
  after: readonly string[],
  pair: (oldIndex: number, newIndex: number) => void,
  gaps: Gap[],
  depth: number,
  range = { oldFrom: 0, oldTo: before.length, newFrom: 0, newTo: after.length },
): void {
  let { oldFrom, oldTo, newFrom, newTo } = range;
  while (oldFrom < oldTo && newFrom < newTo && before[oldFrom] === after[newFrom]) pair(oldFrom++, newFrom++);
  const tail: [number, number][] = [];
  while (oldFrom < oldTo && newFrom < newTo && before[oldTo - 1] === after[newTo - 1]) tail.push([--oldTo, --newTo]);
  const anchors = depth > 0 ? uniqueAnchors(before, after, oldFrom, oldTo, newFrom, newTo) : [];
  if (anchors.length === 0) {
    if (oldFrom < oldTo || newFrom < newTo) gaps.push({ removed: indexes(oldFrom, oldTo), added: indexes(newFrom, newTo) });
  } else {
    let oldAt = oldFrom;
    let newAt = newFrom;
    for (const [oldIndex, newIndex] of anchors) {
      matchIdentical(before, after, pair, gaps, depth - 1, { oldFrom: oldAt, oldTo: oldIndex, newFrom: newAt, newTo: newIndex });
      pair(oldIndex, newIndex);
      oldAt = oldIndex + 1;
      newAt = newIndex + 1;
    }
    matchIdentical(before, after, pair, gaps, depth - 1, { oldFrom: oldAt, oldTo, newFrom: newAt, newTo });
  }
  for (let i = tail.length - 1; i >= 0; i--) pair(tail[i]![0], tail[i]![1]);
}

function indexes(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** Paragraphs found exactly once on each side of the range, as [old, new] pairs in an order both agree on. */
function uniqueAnchors(before: readonly string[], after: readonly string[], oldFrom: number, oldTo: number, newFrom: number, newTo: number) {
  const seen = new Map<string, { old: number; oldCount: number; new: number; newCount: number }>();
  for (let i = oldFrom; i < oldTo; i++) {
    const entry = seen.get(before[i]!) ?? { old: i, oldCount: 0, new: -1, newCount: 0 };
    entry.oldCount++;
    seen.set(before[i]!, entry);
  }
  for (let j = newFrom; j < newTo; j++) {
    const entry = seen.get(after[j]!);
    if (!entry) continue;
    entry.newCount++;
    entry.new = j;
  }
  const candidates = [...seen.values()].filter((e) => e.oldCount === 1 && e.newCount === 1).sort((a, b) => a.new - b.new);
  return longestIncreasing(candidates.map((e) => [e.old, e.new] as [number, number]));
}

/** The longest run of pairs (sorted by new index) whose old indexes increase: patience sorting, n log n. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous: number[] = new Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![0] < pairs[i]![0]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const result: [number, number][] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) result.push(pairs[i]!);
  return result.reverse();
}

/** Word comparisons under one budget for the whole alignment, each paragraph's words computed once. */
class Comparer {
  private readonly oldWords = new Map<number, Set<string>>();
  private readonly newWords = new Map<number, Set<string>>();
  spent = 0;

  constructor(
    private readonly before: readonly KeyedParagraph[],
    private readonly after: readonly string[],
    private readonly budget: number,
  ) {}

  /** Whether the budget is spent: every later comparison answers null. */
  exhausted = false;

  /** The similarity of an old and a new paragraph, or null once the budget is spent. */
  score(oldIndex: number, newIndex: number): number | null {
    if (this.before[oldIndex]!.body === this.after[newIndex]) return 2;
    if (this.exhausted) return null;
    const wa = this.wordsOf(this.oldWords, oldIndex, this.before[oldIndex]!.body);
    const wb = this.wordsOf(this.newWords, newIndex, this.after[newIndex]!);
    if (this.spent + wa.size + wb.size > this.budget) {
      this.exhausted = true;
      return null;
    }
    this.spent += wa.size + wb.size;
    return diceOf(wa, wb);
  }

  private wordsOf(cache: Map<number, Set<string>>, index: number, text: string): Set<string> {
    let set = cache.get(index);
    if (!set) cache.set(index, (set = words(text)));
    return set;
  }
}

/**
 * Pairs removed with added paragraphs, most similar first, each used once. Each added paragraph meets
 * only the removed ones within `window` of where it would stand among them.
 */
function pairBySimilarity(gap: Gap, keys: (string | undefined)[], previous: readonly KeyedParagraph[], comparer: Comparer, window: number): Gap {
  const { removed, added } = gap;
  const candidates: { removed: number; added: number; score: number }[] = [];
  for (let i = 0; i < added.length && removed.length && !comparer.exhausted; i++) {
    // From where the paragraph would stand outwards: the likeliest partner is met first.
    const centre = Math.floor((i * removed.length) / added.length);
    for (let step = 0; step <= 2 * window; step++) {
      const r = centre + (step % 2 ? (step + 1) / 2 : -step / 2);
      if (r < 0 || r >= removed.length) continue;
      const score = comparer.score(removed[r]!, added[i]!);
      if (score === null) break;
      if (score >= EDIT_SIMILARITY_THRESHOLD) candidates.push({ removed: removed[r]!, added: added[i]!, score });
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
  return { removed: removed.filter((r) => !usedRemoved.has(r)), added: added.filter((a) => keys[a] === undefined) };
}

/** Pairs leftovers with exactly the same text, first with first, in linear time. */
function pairIdentical(gap: Gap, keys: (string | undefined)[], previous: readonly KeyedParagraph[], bodies: readonly string[]): Gap {
  const waiting = new Map<string, number[]>();
  for (const r of gap.removed) {
    const queue = waiting.get(previous[r]!.body);
    if (queue) queue.push(r);
    else waiting.set(previous[r]!.body, [r]);
  }
  const next = new Map<string, number>();
  const used = new Set<number>();
  for (const a of gap.added) {
    const queue = waiting.get(bodies[a]!);
    const at = next.get(bodies[a]!) ?? 0;
    const r = queue?.[at];
    if (r === undefined) continue;
    next.set(bodies[a]!, at + 1);
    used.add(r);
    keys[a] = previous[r]!.key;
  }
  return { removed: gap.removed.filter((r) => !used.has(r)), added: gap.added.filter((a) => keys[a] === undefined) };
}

/**
 * Gives the paragraphs of a new version their keys by aligning them with the previous version:
 * unchanged paragraphs keep their keys (see `matchIdentical`); within each stretch that changed,
 * removed and added paragraphs are paired by word similarity, so an edited paragraph keeps its key;
 * a paragraph moved elsewhere is found in a second pass; anything left is new and gets a new key.
 * The keys of previous paragraphs that found no partner end here. The work is bounded by `limits`.
 */
export function alignParagraphs(
  previous: KeyedParagraph[],
  bodies: string[],
  makeKey: () => string = newParagraphKey,
  limits: AlignmentLimits = ALIGNMENT_LIMITS,
): KeyedParagraph[] {
  const keys: (string | undefined)[] = bodies.map(() => undefined);
  const gaps: Gap[] = [];
  matchIdentical(
    previous.map((p) => p.body),
    bodies,
    (oldIndex, newIndex) => (keys[newIndex] = previous[oldIndex]!.key),
    gaps,
    limits.depth,
  );
  const comparer = new Comparer(previous, bodies, limits.budget);
  const left = gaps.map((gap) => pairBySimilarity(gap, keys, previous, comparer, limits.window));
  // Moved paragraphs: their removal and addition are not in the same stretch. Unchanged ones are
  // found by their text wherever they went; edited ones within the window, if the budget allows.
  const moved = pairIdentical({ removed: left.flatMap((g) => g.removed), added: left.flatMap((g) => g.added) }, keys, previous, bodies);
  pairBySimilarity(moved, keys, previous, comparer, limits.window);

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
