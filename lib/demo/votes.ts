import type { Tx } from "@/db/client";
import { ballotHistory, ballots, motionResults, motionRoll, motions, recusals } from "@/db/schema";
import type { BallotChoice } from "@/lib/votes/vocabulary";
import { DIRECTOR_EMAILS } from "./board";
import { tallyMotion } from "@/lib/votes/tally-input";
import { type SeedContext, daysFrom, must, userOf } from "./context";

/** A director's ballots in order (the last one is current), each at a day from now. */
type BallotSeed = { by: string; choices: [BallotChoice, number][] };

async function writeRoll(tx: Tx, ctx: SeedContext, motionId: string): Promise<void> {
  await tx.insert(motionRoll).values(
    DIRECTOR_EMAILS.map((email) => {
      const director = userOf(ctx, email);
      if (!director.pillarId) throw new Error(`Seed data seats ${email}, who belongs to no pillar`);
      return { motionId, directorId: director.id, pillarId: director.pillarId, seatId: must(ctx.seatOf, email, "seat holder") };
    }),
  );
}

async function writeBallots(tx: Tx, ctx: SeedContext, motionId: string, seeds: BallotSeed[]): Promise<void> {
  for (const seed of seeds) {
    const directorId = userOf(ctx, seed.by).id;
    const first = seed.choices[0];
    const last = seed.choices.at(-1);
    if (!first || !last) continue;
    await tx.insert(ballotHistory).values(seed.choices.map(([choice, day]) => ({ motionId, directorId, choice, castAt: daysFrom(ctx.now, day) })));
    await tx.insert(ballots).values({
      motionId,
      directorId,
      choice: last[0],
      castAt: daysFrom(ctx.now, first[1]),
      updatedAt: daysFrom(ctx.now, last[1]),
    });
  }
}

/** An open motion on the voting policy, a closed one that adopted a policy, and a draft resolution. */
export async function seedMotions(tx: Tx, ctx: SeedContext): Promise<void> {
  const { defaultRule } = ctx.rules;
  const chair = userOf(ctx, "gov1@example.org").id;
  const secretariat = userOf(ctx, "secretariat@example.org").id;

  // Open: adopt version 2 of the incident reporting requirements, opened 2 days ago, closing in 5.
  const voting = must(ctx.policies, "voting", "policy");
  const votingV2 = voting.versions[1];
  if (!votingV2) throw new Error("The voting policy needs a version 2");
  const [open] = await tx
    .insert(motions)
    .values({
      kind: "adopt_policy_version",
      title: `Adopt ${voting.title} version 2`,
      policyId: voting.id,
      versionId: votingV2.id,
      status: "open",
      ruleId: defaultRule.id,
      ruleSnapshot: defaultRule.config,
      closesAt: daysFrom(ctx.now, 5, 16),
      createdById: secretariat,
      createdAt: daysFrom(ctx.now, -3, 14),
      openedById: chair,
      openedAt: daysFrom(ctx.now, -2, 8),
    })
    .returning({ id: motions.id });
  if (!open) throw new Error("Open motion was not created");
  ctx.motions.open = open.id;
  await writeRoll(tx, ctx, open.id);
  await writeBallots(tx, ctx, open.id, [
    { by: "gov1@example.org", choices: [["yes", -1.9]] },
    {
      by: "cso1@example.org",
      choices: [
        ["abstain", -1.8],
        ["yes", -0.5],
      ],
    },
    { by: "gov2@example.org", choices: [["yes", -1.5]] },
    { by: "psc1@example.org", choices: [["yes", -1.1]] },
    { by: "cso2@example.org", choices: [["no", -0.8]] },
  ]);
  await tx.insert(recusals).values({
    motionId: open.id,
    directorId: userOf(ctx, "psc3@example.org").id,
    reason: "Bluewater Maritime Security has an incident report under review by the Secretariat that these requirements would govern.",
    declaredAt: daysFrom(ctx.now, -1.2),
  });

  // Closed last month: adopted version 2 of the certification procedure.
  const adopted = must(ctx.policies, "adopted", "policy");
  const adoptedV2 = adopted.versions[1];
  if (!adoptedV2) throw new Error("The adopted policy needs a version 2");
  const closedAt = daysFrom(ctx.now, -33, 16);
  const [closed] = await tx
    .insert(motions)
    .values({
      kind: "adopt_policy_version",
      title: `Adopt ${adopted.title} version 2`,
      policyId: adopted.id,
      versionId: adoptedV2.id,
      status: "closed",
      ruleId: defaultRule.id,
      ruleSnapshot: defaultRule.config,
      closesAt: closedAt,
      createdById: secretariat,
      createdAt: daysFrom(ctx.now, -42, 10),
      openedById: chair,
      openedAt: daysFrom(ctx.now, -40, 8),
      closedAt,
    })
    .returning({ id: motions.id });
  if (!closed) throw new Error("Closed motion was not created");
  ctx.motions.closed = closed.id;
  await writeRoll(tx, ctx, closed.id);
  const closedBallots: BallotSeed[] = [
    { by: "gov1@example.org", choices: [["yes", -39.9]] },
    { by: "gov2@example.org", choices: [["yes", -39.5]] },
    { by: "gov3@example.org", choices: [["yes", -38]] },
    { by: "gov4@example.org", choices: [["yes", -36]] },
    { by: "cso1@example.org", choices: [["yes", -39.7]] },
    { by: "cso2@example.org", choices: [["yes", -37]] },
    {
      by: "cso3@example.org",
      choices: [
        ["abstain", -38.5],
        ["no", -35],
      ],
    },
    { by: "cso4@example.org", choices: [["yes", -34]] },
    { by: "psc1@example.org", choices: [["yes", -39]] },
    { by: "psc2@example.org", choices: [["yes", -37.5]] },
    { by: "psc3@example.org", choices: [["abstain", -36.5]] },
    { by: "psc4@example.org", choices: [["yes", -33.5]] },
  ];
  await writeBallots(tx, ctx, closed.id, closedBallots);
  // Stored exactly as the tally engine returns it, as a real close would.
  const tally = await tallyMotion(tx, closed.id, defaultRule.config);
  if (!tally.passes) throw new Error("The seeded closed motion should pass");
  await tx.insert(motionResults).values({
    motionId: closed.id,
    passed: tally.passes,
    reasons: tally.reasons,
    tally,
    closedEarly: false,
    decidedAt: closedAt,
  });

  // Draft: a resolution the Secretariat has prepared and the Chair has not opened yet.
  const [draft] = await tx
    .insert(motions)
    .values({
      kind: "resolution",
      title: "Approve the 2027 Secretariat work plan",
      resolutionText:
        "The Board approves the Secretariat work plan for 2027 as presented by the Executive Director, including the priorities on complaints handling, field-based assessments and outreach to companies in new markets, and asks the Executive Director to report on its implementation at each ordinary Board meeting.",
      status: "draft",
      ruleId: defaultRule.id,
      closesAt: daysFrom(ctx.now, 21, 16),
      createdById: secretariat,
      createdAt: daysFrom(ctx.now, -1, 15),
    })
    .returning({ id: motions.id });
  if (!draft) throw new Error("Draft motion was not created");
  ctx.motions.draft = draft.id;
}
