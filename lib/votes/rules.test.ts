import { describe, expect, it } from "vitest";
import type { BallotChoice, DecisionRuleConfig } from "@/lib/votes/vocabulary";
import { type BallotEntry, computeTally, type RollEntry, type TallyInput, validateRuleFit } from "./rules";

const PILLARS = [
  { id: "government", name: "Governments" },
  { id: "civil_society", name: "Civil Society Organisations" },
  { id: "industry", name: "Private Security Companies" },
];
const SUPERMAJORITY: DecisionRuleConfig = {
  quorum: { minTotal: 7, minPerPillar: 2 },
  pass: { minYesTotal: 8, minYesPerPillar: 2, minYesShare: 0 },
};
const SIMPLE_MAJORITY: DecisionRuleConfig = {
  quorum: { minTotal: 7, minPerPillar: 0 },
  pass: { minYesTotal: 0, minYesPerPillar: 0, minYesShare: 0.5 },
};

// The board: g1..g4, c1..c4, i1..i4.
const BOARD: RollEntry[] = PILLARS.flatMap((p) => [1, 2, 3, 4].map((n) => ({ directorId: `${p.id[0]}${n}`, pillarId: p.id })));

/** Ballots written as "g1:yes c2:no i3:abstain". */
function ballots(spec: string): BallotEntry[] {
  return spec
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const [directorId, choice] = part.split(":");
      return { directorId: directorId!, choice: choice as BallotChoice };
    });
}

function tally(spec: string, options: { rule?: DecisionRuleConfig; recused?: string[] } = {}) {
  return computeTally({
    rule: options.rule ?? SUPERMAJORITY,
    pillars: PILLARS,
    roll: BOARD,
    recusedDirectorIds: options.recused ?? [],
    ballots: ballots(spec),
  });
}

describe("the tally engine, pinned cases", () => {
  it("8 yes votes with only 1 from one pillar fail, and the reason names that pillar", () => {
    const t = tally("g1:yes g2:yes g3:yes g4:yes c1:yes c2:yes c3:yes i1:yes i2:no i3:no i4:no c4:no");
    expect(t.total).toMatchObject({ yes: 8, no: 4, cast: 12, missing: 0 });
    expect(t.quorum.met).toBe(true);
    expect(t.passes).toBe(false);
    expect(t.decided).toBe("fail");
    expect(t.reasons).toContain("Threshold not met in Private Security Companies: 1 yes of the 2 required from that pillar");
    expect(t.reasons.filter((r) => r.includes("Governments") || r.includes("Civil Society"))).toEqual([]);
    expect(t.needs).toEqual(["needs 1 more yes from Private Security Companies"]);
  });

  it("a quorum met in total but not in one pillar is not a quorum", () => {
    const t = tally("g1:yes g2:yes g3:yes g4:yes c1:yes c2:yes c3:yes c4:yes i1:yes");
    expect(t.total.cast).toBe(9);
    expect(t.quorum).toEqual({ met: false, totalMet: true });
    expect(t.pillars.find((p) => p.pillarId === "industry")).toMatchObject({ cast: 1, quorumMet: false });
    expect(t.needs).toContain("quorum needs 1 more ballot from Private Security Companies");
    expect(t.reasons).toContain("Quorum not met in Private Security Companies: 1 of the 2 ballots required from that pillar");
    expect(t.passes).toBe(false);
    expect(t.decided).toBeNull();
    // One more industry yes passes it, and nothing the rest do can undo that.
    const after = tally("g1:yes g2:yes g3:yes g4:yes c1:yes c2:yes c3:yes c4:yes i1:yes i2:yes");
    expect(after.passes).toBe(true);
    expect(after.decided).toBe("pass");
    expect(after.needs).toEqual([]);
  });

  it("recusals that leave too few directors in a pillar decide the motion as failed at once", () => {
    const t = tally("", { recused: ["i1", "i2", "i3"] });
    expect(t.pillars.find((p) => p.pillarId === "industry")).toMatchObject({ roll: 4, recused: 3, eligible: 1 });
    expect(t.decided).toBe("fail");
    const wider = tally("g1:yes", { recused: ["g2", "g3", "c1", "c2", "c3"] });
    // 7 eligible left: 8 yes can no longer be reached.
    expect(wider.total.eligible).toBe(7);
    expect(wider.decided).toBe("fail");
    expect(tally("", { recused: ["i1", "i2"] }).decided).toBeNull();
  });

  it("a share rule with zero yes + no fails the share, and 0 means no share test", () => {
    const t = tally("g1:abstain g2:abstain g3:abstain c1:abstain c2:abstain i1:abstain i2:abstain", { rule: SIMPLE_MAJORITY });
    expect(t.quorum.met).toBe(true);
    expect(t.threshold).toMatchObject({ shareMet: false, share: null });
    expect(t.passes).toBe(false);
    expect(t.reasons).toContain("Share not met: 0 yes against 0 no; yes must be more than 50% of yes and no");
    expect(t.needs).toEqual(["needs 1 more yes for the yes share to exceed 50% of yes and no"]);
    const noShare = computeTally({
      rule: { quorum: { minTotal: 0, minPerPillar: 0 }, pass: { minYesTotal: 1, minYesPerPillar: 0, minYesShare: 0 } },
      pillars: PILLARS,
      roll: BOARD,
      recusedDirectorIds: [],
      ballots: ballots("g1:yes g2:abstain"),
    });
    expect(noShare.threshold.shareMet).toBe(true);
    expect(noShare.passes).toBe(true);
  });

  it("a tie under simple majority fails; one more yes passes", () => {
    const tie = tally("g1:yes g2:yes g3:yes c1:no c2:no c3:no i1:abstain", { rule: SIMPLE_MAJORITY });
    expect(tie.total).toMatchObject({ yes: 3, no: 3, abstain: 1 });
    expect(tie.threshold.share).toBe(0.5);
    expect(tie.passes).toBe(false);
    expect(tie.reasons).toContain("Share not met: 3 yes against 3 no; yes must be more than 50% of yes and no");
    expect(tally("g1:yes g2:yes g3:yes c1:no c2:no c3:no i1:yes", { rule: SIMPLE_MAJORITY }).passes).toBe(true);
    const fullTie = tally("g1:yes g2:yes g3:yes g4:yes c1:yes c2:yes c3:no c4:no i1:no i2:no i3:no i4:no", { rule: SIMPLE_MAJORITY });
    expect(fullTie.passes).toBe(false);
    expect(fullTie.decided).toBe("fail");
  });

  it("abstentions count toward quorum, never toward yes", () => {
    const t = tally("g1:abstain g2:abstain c1:abstain c2:abstain i1:abstain i2:abstain g3:abstain");
    expect(t.quorum.met).toBe(true);
    expect(t.total.yes).toBe(0);
    expect(t.needs).toContain("needs 8 more yes in total");
    // 5 directors remain: 8 yes are out of reach.
    expect(t.decided).toBe("fail");
  });

  it("reads as sentences while the vote is under way", () => {
    const t = tally("g1:yes c1:yes");
    expect(t.needs).toEqual([
      "quorum needs 5 more ballots in total",
      "quorum needs 1 more ballot from Governments",
      "quorum needs 1 more ballot from Civil Society Organisations",
      "quorum needs 2 more ballots from Private Security Companies",
      "needs 6 more yes in total",
      "needs 1 more yes from Governments",
      "needs 1 more yes from Civil Society Organisations",
      "needs 2 more yes from Private Security Companies",
    ]);
    expect(t.decided).toBeNull();
  });

  it("a passing result states why it passed", () => {
    const t = tally("g1:yes g2:yes g3:yes g4:yes c1:yes c2:yes c3:no i1:yes i2:yes i3:abstain");
    expect(t.passes).toBe(true);
    expect(t.reasons).toEqual([
      "Quorum met: 10 ballots cast (at least 7, and 2 from each pillar)",
      "Threshold met: 8 yes (at least 8, and 2 from each pillar)",
    ]);
  });

  it("ignores ballots of recused directors and directors off the roll, and refuses two ballots from one director", () => {
    const t = tally("g1:yes x9:yes", { recused: ["g1"] });
    expect(t.total).toMatchObject({ cast: 0, yes: 0, recused: 1, eligible: 11 });
    expect(() => tally("g1:yes g1:no")).toThrow(/more than one/);
  });
});

describe("rule validation", () => {
  it("accepts the presets and refuses minimums that do not fit the seats", () => {
    expect(validateRuleFit(SUPERMAJORITY, [4, 4, 4])).toEqual({});
    expect(validateRuleFit(SIMPLE_MAJORITY, [4, 4, 4])).toEqual({});
    const bad = validateRuleFit(
      { quorum: { minTotal: 13, minPerPillar: 5 }, pass: { minYesTotal: 13, minYesPerPillar: 5, minYesShare: 1 } },
      [4, 4, 4],
    );
    expect(Object.keys(bad).sort()).toEqual(["passMinYesPerPillar", "passMinYesShare", "passMinYesTotal", "quorumMinPerPillar", "quorumMinTotal"]);
    expect(
      validateRuleFit({ quorum: { minTotal: 1, minPerPillar: 0 }, pass: { minYesTotal: 0, minYesPerPillar: 0, minYesShare: 0 } }, [4, 4, 4]),
    ).toHaveProperty("passMinYesTotal");
  });
});

/** A tiny seeded PRNG (mulberry32), so the randomized run is the same every time. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const OPTIONS = ["yes", "no", "abstain", null] as const;

/** Every way the missing directors could end: each votes yes, no, abstain, or never votes. */
function* completions(missing: string[]): Generator<BallotEntry[]> {
  const total = OPTIONS.length ** missing.length;
  for (let code = 0; code < total; code++) {
    const extra: BallotEntry[] = [];
    let rest = code;
    for (const directorId of missing) {
      const choice = OPTIONS[rest % OPTIONS.length];
      rest = Math.floor(rest / OPTIONS.length);
      if (choice) extra.push({ directorId, choice });
    }
    yield extra;
  }
}

describe("the tally engine, randomized with a fixed seed", () => {
  it("is independent of order, and `decided` is exactly what every completion of the missing ballots yields", () => {
    const random = prng(20_261_128);
    const int = (max: number) => Math.floor(random() * (max + 1));
    const shares = [0, 0, 0.5, 0.5, 0.6, 2 / 3, 0.75, 0.25];
    let cases = 0;
    let completionsChecked = 0;
    const seenDecided = { pass: 0, fail: 0, open: 0 };
    while (cases < 12_000) {
      const pillars = PILLARS.slice(0, 1 + int(2));
      const roll: RollEntry[] = pillars.flatMap((p) => Array.from({ length: int(3) }, (_, n) => ({ directorId: `${p.id}-${n}`, pillarId: p.id })));
      const rule: DecisionRuleConfig = {
        quorum: { minTotal: int(roll.length), minPerPillar: int(2) },
        pass: { minYesTotal: int(Math.ceil(roll.length / 2)), minYesPerPillar: int(2), minYesShare: shares[int(shares.length - 1)]! },
      };
      const recusedDirectorIds = roll.filter(() => random() < 0.15).map((r) => r.directorId);
      const eligible = roll.filter((r) => !recusedDirectorIds.includes(r.directorId));
      const voters = eligible.filter(() => random() < 0.7);
      const cast: BallotEntry[] = voters.map((r) => ({ directorId: r.directorId, choice: (["yes", "no", "abstain"] as const)[int(2)]! }));
      const missing = eligible.filter((r) => !voters.includes(r)).map((r) => r.directorId);
      if (missing.length > 5) continue;
      cases++;
      const input: TallyInput = { rule, pillars, roll, recusedDirectorIds, ballots: cast };
      const result = computeTally(input);

      const reordered = computeTally({
        ...input,
        roll: shuffled(roll, random),
        recusedDirectorIds: shuffled(recusedDirectorIds, random),
        ballots: shuffled(cast, random),
      });
      expect(reordered).toEqual(result);

      let anyPass = false;
      let anyFail = false;
      for (const extra of completions(missing)) {
        completionsChecked++;
        const final = computeTally({ ...input, ballots: [...cast, ...extra] });
        if (final.passes) anyPass = true;
        else anyFail = true;
        if (result.decided === "pass") expect(final.passes, JSON.stringify({ input, extra })).toBe(true);
        if (result.decided === "fail") expect(final.passes, JSON.stringify({ input, extra })).toBe(false);
        // Once every ballot is in, the outcome is decided and matches.
        if (extra.length === missing.length) expect(final.decided).toBe(final.passes ? "pass" : "fail");
      }
      // Exact, not merely safe: an undecided motion can still go either way.
      expect(result.decided, JSON.stringify(input)).toBe(anyPass && anyFail ? null : anyPass ? "pass" : "fail");
      seenDecided[result.decided ?? "open"]++;
    }
    expect(cases).toBeGreaterThanOrEqual(10_000);
    // The run exercises every outcome, so the checks above cannot pass vacuously.
    expect(seenDecided.pass).toBeGreaterThan(500);
    expect(seenDecided.fail).toBeGreaterThan(500);
    expect(seenDecided.open).toBeGreaterThan(500);
    console.log(`tally: ${cases} random cases, ${completionsChecked} completions checked`, seenDecided);
  });
});
