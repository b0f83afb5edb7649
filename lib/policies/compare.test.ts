import { describe, expect, it } from "vitest";
import { compareVersions, compareWords } from "./compare";

describe("comparing versions", () => {
  it("marks word-level insertions and deletions", () => {
    const parts = compareWords("Report within 14 days to the Secretariat.", "Report within 72 hours to the Secretariat.");
    expect(parts.filter((p) => p.change === "removed").map((p) => p.text.trim())).toEqual(["14 days"]);
    expect(parts.filter((p) => p.change === "added").map((p) => p.text.trim())).toEqual(["72 hours"]);
  });

  it("matches paragraphs by key and places a deleted one where it stood", () => {
    const rows = compareVersions(
      [
        { key: "a", body: "Alpha." },
        { key: "b", body: "Beta." },
        { key: "c", body: "Gamma." },
      ],
      [
        { key: "a", body: "Alpha." },
        { key: "c", body: "Gamma, amended." },
        { key: "d", body: "Delta." },
      ],
    );
    expect(rows.map((r) => [r.key, r.kind])).toEqual([
      ["a", "unchanged"],
      ["b", "deleted"],
      ["c", "edited"],
      ["d", "added"],
    ]);
  });

  it("a deleted first paragraph comes first", () => {
    const rows = compareVersions(
      [
        { key: "a", body: "A." },
        { key: "b", body: "B." },
      ],
      [{ key: "b", body: "B." }],
    );
    expect(rows.map((r) => r.kind)).toEqual(["deleted", "unchanged"]);
  });
});

describe("word comparison stays bounded", () => {
  it("a paragraph rewritten from end to end is shown as removed and added whole", () => {
    const before = Array.from({ length: 6000 }, (_, i) => `alpha${i}`).join(" ");
    const after = Array.from({ length: 6000 }, (_, i) => `omega${i}`).join(" ");
    expect(compareWords(before, after)).toEqual([
      { text: before, change: "removed" },
      { text: after, change: "added" },
    ]);
  });

  it("a long paragraph with a few edits still shows them word by word", () => {
    const before = Array.from({ length: 6000 }, (_, i) => `word${i}`).join(" ");
    const after = before.replace("word10 ", "changed10 ");
    const parts = compareWords(before, after);
    expect(parts.filter((p) => p.change !== "same").map((p) => p.text)).toEqual(["word10", "changed10"]);
  });
});
