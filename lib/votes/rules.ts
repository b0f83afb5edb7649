import type { BallotChoice, DecisionRuleConfig } from "@/lib/votes/vocabulary";

/**
 * The tally engine: pure, no I/O. It decides a motion from the snapshotted rule, the roll, the
 * recusals and the current ballots, and says whether the outcome is already decided.
 *
 * Share semantics: `pass.minYesShare` is a strict lower bound on yes / (yes + no). A motion passes
 * the share test only when the yes share is MORE than the setting, so 0.5 means "more yes than no"
 * and a tie fails. A share of 0 means there is no share test at all (and zero yes + no is then
 * fine). With any share above 0, zero yes + no fails the share test: there is no yes to count.
 *
 * Abstentions count toward quorum, never toward yes, and never toward the share.
 */
export type TallyPillar = { id: string; name: string };
export type RollEntry = { directorId: string; pillarId: string };
export type BallotEntry = { directorId: string; choice: BallotChoice };

export type TallyInput = {
  rule: DecisionRuleConfig;
  /** Every pillar of the organisation, in display order; a pillar with no seat on the roll still counts. */
  pillars: TallyPillar[];
  roll: RollEntry[];
  recusedDirectorIds: string[];
  ballots: BallotEntry[];
};

export type Counts = { roll: number; recused: number; eligible: number; yes: number; no: number; abstain: number; cast: number; missing: number };

export type PillarTally = Counts & { pillarId: string; name: string; quorumMet: boolean; yesMet: boolean };

export type Tally = {
  rule: DecisionRuleConfig;
  pillars: PillarTally[];
  total: Counts;
  quorum: { met: boolean; totalMet: boolean };
  threshold: { met: boolean; totalMet: boolean; shareMet: boolean; share: number | null };
  passes: boolean;
  decided: "pass" | "fail" | null;
  /** What is still needed to pass, in words a director can read. Empty when the motion passes as it stands. */
  needs: string[];
  /** Why the motion passes or fails as it stands. */
  reasons: string[];
};

/** Whether a yes / no split meets the share rule (strictly more than the share; 0 = no test). */
export function meetsShare(share: number, yes: number, no: number): boolean {
  return share <= 0 || yes > share * (yes + no);
}

type Numbers = { cast: number; yes: number; no: number };

function passesWith(rule: DecisionRuleConfig, total: Numbers, perPillar: Numbers[]): boolean {
  return (
    total.cast >= rule.quorum.minTotal &&
    perPillar.every((p) => p.cast >= rule.quorum.minPerPillar) &&
    total.yes >= rule.pass.minYesTotal &&
    perPillar.every((p) => p.yes >= rule.pass.minYesPerPillar) &&
    meetsShare(rule.pass.minYesShare, total.yes, total.no)
  );
}

/**
 * Whether some way of completing the missing ballots (each missing director votes yes, no,
 * abstains or never votes) could still fail. Failing is a disjunction of the rule's conditions, so
 * it is possible exactly when one condition can fail on its own: quorum fails worst when nobody
 * else votes, the yes counts when nobody else votes yes, and the share when everybody else votes
 * no. Each worst case is different, which is why no single "worst completion" is checked.
 */
function canFail(rule: DecisionRuleConfig, total: Numbers & { missing: number }, perPillar: Numbers[]): boolean {
  return (
    total.cast < rule.quorum.minTotal ||
    perPillar.some((p) => p.cast < rule.quorum.minPerPillar) ||
    total.yes < rule.pass.minYesTotal ||
    perPillar.some((p) => p.yes < rule.pass.minYesPerPillar) ||
    !meetsShare(rule.pass.minYesShare, total.yes, total.no + total.missing)
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** The fewest extra yes votes (with no extra no) that meet the share rule. */
function yesNeededForShare(share: number, yes: number, no: number): number {
  let k = 0;
  while (!meetsShare(share, yes + k, no)) k++;
  return k;
}

export function computeTally(input: TallyInput): Tally {
  const { rule } = input;
  const pillarOf = new Map(input.roll.map((r) => [r.directorId, r.pillarId]));
  const recused = new Set(input.recusedDirectorIds.filter((id) => pillarOf.has(id)));
  const seen = new Set<string>();
  const empty = (): Counts => ({ roll: 0, recused: 0, eligible: 0, yes: 0, no: 0, abstain: 0, cast: 0, missing: 0 });
  const counts = new Map(input.pillars.map((p) => [p.id, empty()]));
  for (const entry of input.roll) {
    const c = counts.get(entry.pillarId);
    if (!c) throw new Error(`The roll names an unknown pillar: ${entry.pillarId}`);
    c.roll++;
    if (recused.has(entry.directorId)) c.recused++;
    else c.eligible++;
  }
  for (const ballot of input.ballots) {
    if (seen.has(ballot.directorId)) throw new Error("A director has more than one current ballot");
    seen.add(ballot.directorId);
    const pillarId = pillarOf.get(ballot.directorId);
    // Only directors on the roll and not recused count; the database refuses anything else anyway.
    if (!pillarId || recused.has(ballot.directorId)) continue;
    const c = counts.get(pillarId)!;
    c[ballot.choice]++;
    c.cast++;
  }
  const total = empty();
  const pillars: PillarTally[] = input.pillars.map((p) => {
    const c = counts.get(p.id)!;
    c.missing = c.eligible - c.cast;
    for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += c[key];
    return { pillarId: p.id, name: p.name, ...c, quorumMet: c.cast >= rule.quorum.minPerPillar, yesMet: c.yes >= rule.pass.minYesPerPillar };
  });

  const quorumTotalMet = total.cast >= rule.quorum.minTotal;
  const quorumMet = quorumTotalMet && pillars.every((p) => p.quorumMet);
  const yesTotalMet = total.yes >= rule.pass.minYesTotal;
  const shareMet = meetsShare(rule.pass.minYesShare, total.yes, total.no);
  const thresholdMet = yesTotalMet && shareMet && pillars.every((p) => p.yesMet);
  const passes = quorumMet && thresholdMet;

  const allYes = (n: Numbers & { missing: number }) => ({ cast: n.cast + n.missing, yes: n.yes + n.missing, no: n.no });
  // Every condition only improves when a missing director votes yes, so all-yes is the best case.
  const canPass = passesWith(rule, allYes(total), pillars.map(allYes));
  const decided = !canPass ? "fail" : canFail(rule, total, pillars) ? null : "pass";

  const needs: string[] = [];
  if (!quorumTotalMet) needs.push(`quorum needs ${plural(rule.quorum.minTotal - total.cast, "more ballot", "more ballots")} in total`);
  for (const p of pillars) {
    if (!p.quorumMet) needs.push(`quorum needs ${plural(rule.quorum.minPerPillar - p.cast, "more ballot", "more ballots")} from ${p.name}`);
  }
  if (!yesTotalMet) needs.push(`needs ${rule.pass.minYesTotal - total.yes} more yes in total`);
  for (const p of pillars) {
    if (!p.yesMet) needs.push(`needs ${rule.pass.minYesPerPillar - p.yes} more yes from ${p.name}`);
  }
  if (!shareMet) {
    const k = yesNeededForShare(rule.pass.minYesShare, total.yes, total.no);
    needs.push(`needs ${k} more yes for the yes share to exceed ${percent(rule.pass.minYesShare)} of yes and no`);
  }

  const reasons: string[] = [];
  if (quorumMet) {
    reasons.push(
      `Quorum met: ${plural(total.cast, "ballot", "ballots")} cast (at least ${rule.quorum.minTotal}, and ${rule.quorum.minPerPillar} from each pillar)`,
    );
  } else {
    if (!quorumTotalMet) reasons.push(`Quorum not met: ${total.cast} of the ${rule.quorum.minTotal} ballots required were cast`);
    for (const p of pillars) {
      if (!p.quorumMet) reasons.push(`Quorum not met in ${p.name}: ${p.cast} of the ${rule.quorum.minPerPillar} ballots required from that pillar`);
    }
  }
  if (thresholdMet) {
    reasons.push(`Threshold met: ${total.yes} yes (at least ${rule.pass.minYesTotal}, and ${rule.pass.minYesPerPillar} from each pillar)`);
  } else {
    if (!yesTotalMet) reasons.push(`Threshold not met: ${total.yes} yes of the ${rule.pass.minYesTotal} required`);
    for (const p of pillars) {
      if (!p.yesMet) reasons.push(`Threshold not met in ${p.name}: ${p.yes} yes of the ${rule.pass.minYesPerPillar} required from that pillar`);
    }
    if (!shareMet) {
      reasons.push(`Share not met: ${total.yes} yes against ${total.no} no; yes must be more than ${percent(rule.pass.minYesShare)} of yes and no`);
    }
  }

  const share = total.yes + total.no === 0 ? null : total.yes / (total.yes + total.no);
  return {
    rule,
    pillars,
    total,
    quorum: { met: quorumMet, totalMet: quorumTotalMet },
    threshold: { met: thresholdMet, totalMet: yesTotalMet, shareMet, share },
    passes,
    decided,
    needs: passes ? [] : needs,
    reasons,
  };
}

/** Validation of a rule against the seats available per pillar; returns messages by field. */
export function validateRuleFit(rule: DecisionRuleConfig, seatsPerPillar: number[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const totalSeats = seatsPerPillar.reduce((a, b) => a + b, 0);
  const fewest = seatsPerPillar.length ? Math.min(...seatsPerPillar) : 0;
  if (rule.quorum.minTotal > totalSeats) add("quorumMinTotal", `The board has only ${totalSeats} seats.`);
  if (rule.quorum.minPerPillar > fewest) add("quorumMinPerPillar", `A pillar has only ${fewest} seats.`);
  if (rule.quorum.minPerPillar * seatsPerPillar.length > totalSeats) add("quorumMinPerPillar", "The pillars together do not have that many seats.");
  if (rule.pass.minYesTotal > totalSeats) add("passMinYesTotal", `The board has only ${totalSeats} seats.`);
  if (rule.pass.minYesPerPillar > fewest) add("passMinYesPerPillar", `A pillar has only ${fewest} seats.`);
  if (rule.pass.minYesTotal === 0 && rule.pass.minYesPerPillar === 0 && rule.pass.minYesShare === 0) {
    add("passMinYesTotal", "A rule must ask for at least one yes: set a yes minimum or a share.");
  }
  if (!(rule.pass.minYesShare >= 0 && rule.pass.minYesShare < 1)) add("passMinYesShare", "Enter a share from 0 up to (not including) 1.");
  return errors;
}
