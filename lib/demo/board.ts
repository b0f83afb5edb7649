import type { Tx } from "@/db/client";
import { boardSeats, decisionRules, seatTerms } from "@/db/schema";
import type { DecisionRuleConfig } from "@/lib/votes/vocabulary";
import type { Office } from "@/lib/board/vocabulary";
import { type PillarId, type SeedContext, userOf, yearsFrom } from "./context";

/**
 * The current directors: seat, and when their 3-year term started (years and extra days before
 * now). Starts are staggered so that some terms end within 90 days (gov3, cso4, psc2).
 */
const DIRECTORS: { email: string; pillar: PillarId; seat: number; yearsAgo: number; days: number; office?: Office }[] = [
  { email: "gov1@example.org", pillar: "government", seat: 1, yearsAgo: 1, days: -20, office: "chair" },
  { email: "gov2@example.org", pillar: "government", seat: 2, yearsAgo: 2, days: -100 },
  { email: "gov3@example.org", pillar: "government", seat: 3, yearsAgo: 3, days: 80 },
  { email: "gov4@example.org", pillar: "government", seat: 4, yearsAgo: 0, days: -150 },
  { email: "cso1@example.org", pillar: "civil_society", seat: 1, yearsAgo: 1, days: -20, office: "vice_chair" },
  { email: "cso2@example.org", pillar: "civil_society", seat: 2, yearsAgo: 2, days: -40 },
  { email: "cso3@example.org", pillar: "civil_society", seat: 3, yearsAgo: 0, days: -200 },
  { email: "cso4@example.org", pillar: "civil_society", seat: 4, yearsAgo: 2, days: -300 },
  { email: "psc1@example.org", pillar: "industry", seat: 1, yearsAgo: 2, days: -10 },
  { email: "psc2@example.org", pillar: "industry", seat: 2, yearsAgo: 3, days: 45 },
  { email: "psc3@example.org", pillar: "industry", seat: 3, yearsAgo: 1, days: -120 },
  { email: "psc4@example.org", pillar: "industry", seat: 4, yearsAgo: 1, days: 0 },
];

export const DIRECTOR_EMAILS = DIRECTORS.map((d) => d.email);

export const DEFAULT_RULE: DecisionRuleConfig = {
  quorum: { minTotal: 7, minPerPillar: 2 },
  pass: { minYesTotal: 8, minYesPerPillar: 2, minYesShare: 0 },
};

export const SIMPLE_MAJORITY_RULE: DecisionRuleConfig = {
  quorum: { minTotal: 7, minPerPillar: 0 },
  pass: { minYesTotal: 0, minYesPerPillar: 0, minYesShare: 0.5 },
};

/** Twelve seats with their current terms, one earlier term for history, and the decision rules. */
export async function seedBoard(tx: Tx, ctx: SeedContext): Promise<void> {
  const seats = await tx
    .insert(boardSeats)
    .values(
      (["government", "civil_society", "industry"] as const).flatMap((pillarId) =>
        [1, 2, 3, 4].map((number) => ({ pillarId, number, createdAt: new Date(`${yearsFrom(ctx.now, -6)}T09:00:00Z`) })),
      ),
    )
    .returning({ id: boardSeats.id, pillarId: boardSeats.pillarId, number: boardSeats.number });
  const seatId = (pillar: PillarId, number: number): string => {
    const seat = seats.find((s) => s.pillarId === pillar && s.number === number);
    if (!seat) throw new Error(`Seed data refers to a missing seat ${pillar} ${number}`);
    return seat.id;
  };

  // Industry seat 4 was held by Kestrel's representative until the last election.
  const previousStart = yearsFrom(ctx.now, -4);
  const previousEnd = yearsFrom(ctx.now, -1);
  await tx.insert(seatTerms).values({
    seatId: seatId("industry", 4),
    holderId: userOf(ctx, "rep.psc@example.org").id,
    startsOn: previousStart,
    endsOn: previousEnd,
    endedAt: new Date(`${previousEnd}T12:00:00Z`),
    endReason: "Term completed; the industry pillar elected a new director at the General Assembly.",
    createdAt: new Date(`${previousStart}T09:00:00Z`),
  });

  await tx.insert(seatTerms).values(
    DIRECTORS.map((d) => {
      const startsOn = yearsFrom(ctx.now, -d.yearsAgo, d.days);
      ctx.seatOf[d.email] = seatId(d.pillar, d.seat);
      return {
        seatId: seatId(d.pillar, d.seat),
        holderId: userOf(ctx, d.email).id,
        startsOn,
        endsOn: yearsFrom(ctx.now, 3 - d.yearsAgo, d.days),
        office: d.office ?? null,
        createdAt: new Date(`${startsOn}T09:00:00Z`),
      };
    }),
  );

  const [defaultRule, simpleMajority] = await tx
    .insert(decisionRules)
    .values([
      {
        name: "Pillar-balanced supermajority (default, configurable)",
        description:
          "Quorum: 7 directors casting a ballot (abstentions count), including 2 from each pillar. Passes with at least 8 yes votes, including at least 2 from each pillar.",
        config: DEFAULT_RULE,
        isDefault: true,
        createdAt: new Date(`${yearsFrom(ctx.now, -6)}T09:00:00Z`),
      },
      {
        name: "Simple majority",
        description: "More yes than no among those voting yes or no; quorum of 7 directors casting a ballot.",
        config: SIMPLE_MAJORITY_RULE,
        isDefault: false,
        createdAt: new Date(`${yearsFrom(ctx.now, -6)}T09:00:00Z`),
      },
    ])
    .returning({ id: decisionRules.id });
  if (!defaultRule || !simpleMajority) throw new Error("Decision rules were not created");
  ctx.rules = {
    defaultRule: { id: defaultRule.id, config: DEFAULT_RULE },
    simpleMajority: { id: simpleMajority.id, config: SIMPLE_MAJORITY_RULE },
  };
}
