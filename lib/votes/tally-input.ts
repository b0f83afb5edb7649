import { sql } from "drizzle-orm";
import { type DB, rowsOf, type Tx } from "@/db/client";
import type { BallotChoice, DecisionRuleConfig } from "@/lib/votes/vocabulary";
import { computeTally, type Tally, type TallyPillar } from "./rules";

/** A director on a motion's roll with their current ballot and recusal, if any. */
export type VotingRollEntry = { directorId: string; pillarId: string; choice: BallotChoice | null; recusedReason: string | null };
export type VotingRoll = { pillars: TallyPillar[]; roll: VotingRollEntry[] };

const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/**
 * Every pillar (in display order) and the motion's roll with each director's current ballot and
 * recusal, in one statement. Ballots and recusals reference the roll, so none is left out; a holder
 * who left the seat without voting is off the roll (a successor serves for the seat), and a
 * withdrawn recusal no longer counts.
 */
export async function readVotingRoll(tx: Tx | DB, motionId: string): Promise<VotingRoll> {
  const [row] = rowsOf<{ pillars: unknown; roll: unknown }>(
    await tx.execute(sql`
      select
        (select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) order by p.sort_order, p.id), '[]'::json) from pillars p) as pillars,
        (select coalesce(json_agg(json_build_object('directorId', r.director_id, 'pillarId', r.pillar_id, 'choice', b.choice, 'recusedReason', c.reason)
                                  order by r.director_id), '[]'::json)
           from motion_roll r
           left join ballots b on b.motion_id = r.motion_id and b.director_id = r.director_id
           left join recusals c on c.motion_id = r.motion_id and c.director_id = r.director_id and c.withdrawn_at is null
          where r.motion_id = ${motionId}::uuid and r.ended_at is null) as roll`),
  );
  return { pillars: json<TallyPillar[]>(row!.pillars), roll: json<VotingRollEntry[]>(row!.roll) };
}

/** Runs the tally engine on a voting roll. */
export function tallyRoll(rule: DecisionRuleConfig, { pillars, roll }: VotingRoll): Tally {
  return computeTally({
    rule,
    pillars,
    roll: roll.map((r) => ({ directorId: r.directorId, pillarId: r.pillarId })),
    recusedDirectorIds: roll.filter((r) => r.recusedReason !== null).map((r) => r.directorId),
    ballots: roll.flatMap((r) => (r.choice ? [{ directorId: r.directorId, choice: r.choice }] : [])),
  });
}

/** Reads a motion's roll, recusals and current ballots, and runs the tally engine on them. */
export async function tallyMotion(tx: Tx | DB, motionId: string, rule: DecisionRuleConfig): Promise<Tally> {
  return tallyRoll(rule, await readVotingRoll(tx, motionId));
}

/** The PostgreSQL error code of a failed statement (drizzle wraps the driver's error as `cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
