import { and, asc, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { auditLog, ballotHistory, ballots, motionResults, motionRoll } from "@/db/schema";
import { BALLOT_CHOICES, type BallotChoice } from "@/lib/votes/vocabulary";
import { closeMotionEarly } from "@/lib/votes/commands";
import { actorByEmail, openFreshResolution } from "@/lib/votes/fixtures";
import type { Tally } from "@/lib/votes/rules";
import { catalogCase, type ConcurrentCall, defineScenario } from "../concurrency";

/**
 * 12 directors × 20 concurrent ballots on one open motion, each director's calls split across both
 * processes. Which call lands last is a race, so the check does not guess the final choices: it
 * requires one current ballot per director equal to that director's last history row, and the
 * result the tally engine stores from the ballots to count them exactly.
 */
const DIRECTORS = ["gov", "cso", "psc"].flatMap((pillar) => [1, 2, 3, 4].map((n) => `${pillar}${n}@example.org`));
const PER_DIRECTOR = 20;

type State = { motionId: string; directorIds: Map<string, string> };

export const ballotsScenario = defineScenario<State>({
  name: "12 directors × 20 concurrent ballots",
  perProcess: (DIRECTORS.length * PER_DIRECTOR) / 2,
  build: async (db) => {
    const cast = catalogCase("cast ballot");
    const motionId = await openFreshResolution(db);
    const directorIds = new Map<string, string>();
    for (const email of DIRECTORS) directorIds.set(email, (await actorByEmail(db, email)).id);
    const calls: ConcurrentCall[] = [];
    // Director-major order: call i goes to process i mod 2, so each director's calls reach both at once.
    DIRECTORS.forEach((email, d) => {
      for (let k = 0; k < PER_DIRECTOR; k++) {
        const choice = BALLOT_CHOICES[(d + k * (d + 1)) % BALLOT_CHOICES.length]!;
        calls.push({ case: cast, request: { fields: { motionId, choice } }, as: email });
      }
    });
    return { calls, state: { motionId, directorIds } };
  },
  check: async (db, calls, results, { motionId, directorIds }) => {
    const refused = results.filter((r) => r.outcome !== "allowed");
    expect(
      refused.map((r) => `${r.status} ${r.outcome} ${r.message ?? ""}`),
      "ballots not accepted",
    ).toEqual([]);

    const current = await db.select().from(ballots).where(eq(ballots.motionId, motionId));
    expect(current.length, "one current ballot per director").toBe(DIRECTORS.length);
    expect(new Set(current.map((b) => b.directorId))).toEqual(new Set(directorIds.values()));

    const history = await db.select().from(ballotHistory).where(eq(ballotHistory.motionId, motionId)).orderBy(asc(ballotHistory.castAt));
    let ties = 0;
    for (const ballot of current) {
      const mine = history.filter((h) => h.directorId === ballot.directorId);
      const lastAt = Math.max(...mine.map((h) => h.castAt.getTime()));
      const last = mine.filter((h) => h.castAt.getTime() === lastAt);
      if (last.length > 1) ties++;
      // The ballot and its history row are written with one timestamp in one transaction.
      expect(ballot.updatedAt.getTime(), "the current ballot is the director's last history row").toBe(lastAt);
      expect(
        last.map((h) => h.choice),
        "the current ballot's choice is the last history row's",
      ).toContain(ballot.choice);
      expect(mine.length).toBeLessThanOrEqual(PER_DIRECTOR);
    }
    const audited = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "motion"), eq(auditLog.entityId, motionId), inArray(auditLog.action, ["ballot.cast", "ballot.change"])));
    expect(audited.length, "one audit row per history row").toBe(history.length);
    expect(audited.filter((a) => a.action === "ballot.cast").length).toBe(DIRECTORS.length);

    // Every director has voted, so the outcome is decided: the Chair closes it and the engine stores its tally.
    await closeMotionEarly(db, await actorByEmail(db, "gov1@example.org"), { motionId });
    const [result] = await db.select().from(motionResults).where(eq(motionResults.motionId, motionId));
    const stored = result!.tally as Tally;
    const roll = await db
      .select({ directorId: motionRoll.directorId, pillarId: motionRoll.pillarId })
      .from(motionRoll)
      .where(eq(motionRoll.motionId, motionId));
    const pillarOf = new Map(roll.map((r) => [r.directorId, r.pillarId]));
    const countOf = (choice: BallotChoice, pillarId?: string) =>
      current.filter((b) => b.choice === choice && (!pillarId || pillarOf.get(b.directorId) === pillarId)).length;
    for (const choice of BALLOT_CHOICES) expect(stored.total[choice], `stored ${choice} total`).toBe(countOf(choice));
    for (const pillar of stored.pillars) {
      for (const choice of BALLOT_CHOICES) expect(pillar[choice], `stored ${choice} in ${pillar.name}`).toBe(countOf(choice, pillar.pillarId));
    }
    expect(stored.total.cast).toBe(DIRECTORS.length);
    expect(result!.passed).toBe(stored.passes);

    const counts = BALLOT_CHOICES.map((c) => `${countOf(c)} ${c}`).join(" / ");
    return (
      `${calls.length} concurrent ballots from ${DIRECTORS.length} directors, ${calls.length - refused.length} accepted; ` +
      `${history.length} history rows (${history.length - DIRECTORS.length} changes, ${audited.length} audit rows); ` +
      `${current.length} current ballots, each its director's last history row (${ties} timestamp ties); ` +
      `stored tally ${counts} = the ballots, motion ${result!.passed ? "passed" : "failed"}`
    );
  },
});
