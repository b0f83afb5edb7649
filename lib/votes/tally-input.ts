import { asc, eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { ballots, type DecisionRuleConfig, motionRoll, pillars, recusals } from "@/db/schema";
import { computeTally, type Tally } from "./rules";

/** Reads a motion's roll, recusals and current ballots, and runs the tally engine on them. */
export async function tallyMotion(tx: Tx | DB, motionId: string, rule: DecisionRuleConfig): Promise<Tally> {
  const [pillarRows, roll, recused, cast] = await Promise.all([
    tx.select({ id: pillars.id, name: pillars.name }).from(pillars).orderBy(asc(pillars.sortOrder), asc(pillars.id)),
    tx.select({ directorId: motionRoll.directorId, pillarId: motionRoll.pillarId }).from(motionRoll).where(eq(motionRoll.motionId, motionId)),
    tx.select({ directorId: recusals.directorId }).from(recusals).where(eq(recusals.motionId, motionId)),
    tx.select({ directorId: ballots.directorId, choice: ballots.choice }).from(ballots).where(eq(ballots.motionId, motionId)),
  ]);
  return computeTally({ rule, pillars: pillarRows, roll, recusedDirectorIds: recused.map((r) => r.directorId), ballots: cast });
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
