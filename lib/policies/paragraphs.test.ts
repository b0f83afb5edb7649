import { describe, expect, it } from "vitest";
import { alignParagraphs, endedKeys, type KeyedParagraph, paragraphSimilarity, splitParagraphs } from "./paragraphs";

function keyMaker() {
  let n = 0;
  return () => `new-${++n}`;
}

function keyed(...bodies: string[]): KeyedParagraph[] {
  return bodies.map((body, i) => ({ key: `k${i + 1}`, body }));
}

const A = "Member companies report every incident to the Secretariat within 72 hours of becoming aware of it.";
const B = "The Secretariat acknowledges each report and may ask for further information from the company concerned.";
const C = "The Board reviews this procedure every three years or earlier when the reports show a need.";
const D = "Complainants are protected from retaliation by the company, its staff and its subcontractors.";

describe("splitting a text into paragraphs", () => {
  it("splits on blank lines, trims, and drops empty paragraphs", () => {
    expect(splitParagraphs("")).toEqual([]);
    expect(splitParagraphs("   \n\n \t \n")).toEqual([]);
    expect(splitParagraphs("One\nstill one\n\n\n\n  Two  \r\n\r\nThree")).toEqual(["One\nstill one", "Two", "Three"]);
  });
});

describe("aligning a new version's paragraphs with the previous one", () => {
  it("keeps the keys of unchanged paragraphs", () => {
    expect(alignParagraphs(keyed(A, B, C), [A, B, C], keyMaker()).map((p) => p.key)).toEqual(["k1", "k2", "k3"]);
  });

  it("handles empty texts on either side", () => {
    expect(alignParagraphs([], [], keyMaker())).toEqual([]);
    expect(alignParagraphs([], [A, B], keyMaker()).map((p) => p.key)).toEqual(["new-1", "new-2"]);
    const previous = keyed(A, B);
    expect(alignParagraphs(previous, [], keyMaker())).toEqual([]);
    expect(endedKeys(previous, [])).toEqual(["k1", "k2"]);
  });

  it("an edited paragraph keeps its key; a deleted one's key ends; an inserted one gets a new key", () => {
    const edited = A.replace("72 hours", "48 hours").replace("every incident", "every serious incident");
    const next = alignParagraphs(keyed(A, B, C), [edited, D, C], keyMaker());
    expect(next).toEqual([
      { key: "k1", body: edited },
      { key: "new-1", body: D },
      { key: "k3", body: C },
    ]);
    expect(endedKeys(keyed(A, B, C), next)).toEqual(["k2"]);
  });

  it("reordered paragraphs keep their keys", () => {
    expect(alignParagraphs(keyed(A, B, C), [C, A, B], keyMaker()).map((p) => p.key)).toEqual(["k3", "k1", "k2"]);
    const movedAndEdited = `${C} Amended.`;
    expect(alignParagraphs(keyed(A, B, C), [movedAndEdited, A, B], keyMaker()).map((p) => p.key)).toEqual(["k3", "k1", "k2"]);
  });

  it("duplicated paragraphs: the first copy keeps the key, a new copy gets a new one, and keys stay unique", () => {
    expect(alignParagraphs(keyed(A, B), [A, A, B], keyMaker()).map((p) => p.key)).toEqual(["k1", "new-1", "k2"]);
    // Two identical paragraphs before, one after: the first keeps its key, the second ends.
    const before = keyed(A, A, B);
    const after = alignParagraphs(before, [A, B], keyMaker());
    expect(after.map((p) => p.key)).toEqual(["k1", "k3"]);
    expect(endedKeys(before, after)).toEqual(["k2"]);
  });

  it("a paragraph split in two: the first half keeps the key, the second half is new", () => {
    const whole = `${A} ${B}`;
    const next = alignParagraphs(keyed(whole, C), [A, B, C], keyMaker());
    expect(next.map((p) => p.key)).toEqual(["k1", "new-1", "k2"]);
  });

  it("a rewritten paragraph is new text, not an edit", () => {
    expect(paragraphSimilarity(A, D)).toBeLessThan(0.5);
    expect(alignParagraphs(keyed(A), [D], keyMaker()).map((p) => p.key)).toEqual(["new-1"]);
  });

  it("never hands out a key twice, even if the key maker repeats itself", () => {
    let calls = 0;
    const stubborn = () => (++calls < 3 ? "k1" : `fresh-${calls}`);
    const keys = alignParagraphs(keyed(A), [A, D], stubborn).map((p) => p.key);
    expect(keys[0]).toBe("k1");
    expect(new Set(keys).size).toBe(2);
  });
});

describe("alignment stays bounded whatever the text", () => {
  const line = (i: number, word: string) => `Clause ${i} ${word}`;

  it("finds an unchanged paragraph that moved far away, by its text, without comparing words", () => {
    const bodies = Array.from({ length: 400 }, (_, i) => line(i, "stays"));
    const previous = keyed(...bodies);
    const moved = [...bodies.slice(1), bodies[0]!];
    const next = alignParagraphs(previous, moved, keyMaker(), { window: 1, budget: 0, depth: 8 });
    expect(next.at(-1)).toEqual({ key: "k1", body: bodies[0] });
    expect(next.map((p) => p.key)).toEqual([...previous.slice(1), previous[0]!].map((p) => p.key));
  });

  it("past the budget, edited paragraphs get new keys while unchanged ones keep theirs", () => {
    const edited = A.replace("72 hours", "48 hours");
    const roomy = alignParagraphs(keyed(A, B, C), [edited, B, C], keyMaker());
    expect(roomy.map((p) => p.key)).toEqual(["k1", "k2", "k3"]);
    const spent = alignParagraphs(keyed(A, B, C), [edited, B, C], keyMaker(), { window: 32, budget: 0, depth: 8 });
    expect(spent.map((p) => p.key)).toEqual(["new-1", "k2", "k3"]);
  });

  it("compares each added paragraph only with the removed ones within the window", () => {
    // Ten rewritten paragraphs; the edit of the first one has wandered to the far end of the stretch.
    const previous = keyed(A, ...Array.from({ length: 9 }, (_, i) => line(i, "old")));
    const edited = A.replace("72 hours", "48 hours");
    const bodies = [...Array.from({ length: 9 }, (_, i) => `Entirely different wording number ${i}`), edited];
    expect(alignParagraphs(previous, bodies, keyMaker()).at(-1)!.key).toBe("k1");
    expect(alignParagraphs(previous, bodies, keyMaker(), { window: 2, budget: 2_000_000, depth: 8 }).at(-1)!.key).toMatch(/^new-/);
  });

  it("5,000 paragraphs, every one changed, each keeps a unique key", () => {
    const previous = keyed(...Array.from({ length: 5000 }, (_, i) => line(i, "before")));
    const next = alignParagraphs(
      previous,
      Array.from({ length: 5000 }, (_, i) => line(i, "after")),
      keyMaker(),
    );
    // Each line shares two of its three words with its old self: every key carries over.
    expect(next.filter((p, i) => p.key === `k${i + 1}`)).toHaveLength(5000);
    expect(new Set(next.map((p) => p.key)).size).toBe(5000);
  });
});
