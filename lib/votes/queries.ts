import "server-only";
import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { isUuid } from "@/db/client";
import {
  ballots,
  boardSeats,
  decisionRules,
  motionAmendments,
  motionResults,
  motionRoll,
  motions,
  organizations,
  pillars,
  policies,
  policyVersions,
  recusals,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { finaliseDueMotions, finaliseIfDue } from "./finalise";
import type { Tally } from "./rules";
import { readVotingRoll, tallyMotion, tallyRoll } from "./tally-input";

const internal = (actor: Actor | null) => !!actor && can(actor.roles, "motion.readInternal");

/**
 * Motions for the list. The public (and representatives) see closed motions only, with their stored
 * per-pillar totals; Board members and the Secretariat also see drafts and open motions.
 */
export async function finaliseDueAndListMotions(db: DB, actor: Actor | null) {
  await finaliseDueMotions(db);
  return listMotions(db, actor);
}

/** The list as `finaliseDueAndListMotions` reads it, once due motions have been finalised. */
export async function listMotions(db: DB, actor: Actor | null) {
  const rows = await db
    .select({
      id: motions.id,
      title: motions.title,
      kind: motions.kind,
      status: motions.status,
      closesAt: motions.closesAt,
      closedAt: motions.closedAt,
      passed: motionResults.passed,
      tally: motionResults.tally,
    })
    .from(motions)
    .leftJoin(motionResults, eq(motionResults.motionId, motions.id))
    .where(internal(actor) ? ne(motions.status, "withdrawn") : eq(motions.status, "closed"))
    .orderBy(asc(sql`case ${motions.status} when 'open' then 0 when 'draft' then 1 else 2 end`), desc(motions.closesAt));
  return rows.map((r) => ({ ...r, tally: r.tally as Tally | null }));
}

export type MotionSummary = Awaited<ReturnType<typeof finaliseDueAndListMotions>>[number];

/**
 * One motion as the actor may see it. Null when it does not exist, and for the public when it has not
 * closed (the public does not learn of drafts and open motions). A signed-in reader whose role does
 * not read motions before they close (`motion.readInternal`) is refused as forbidden.
 * An open motion past its closing time is finalised first (the first read after the deadline
 * closes it). Closing-soon reminders are written with the reader's notices (the header's count).
 */
export async function finaliseIfDueAndGetMotion(db: DB, actor: Actor | null, id: string) {
  if (!isUuid(id)) return null;
  let read = await readMotion(db, id);
  if (read?.due) {
    await finaliseIfDue(db, id);
    read = await readMotion(db, id);
  }
  const motion = read?.motion;
  if (!motion) return null;
  if (motion.status !== "closed" && !internal(actor)) {
    if (!actor) return null;
    throw new AppError(
      "forbidden",
      "Draft, open and withdrawn motions are for the Board and the Secretariat; the result is published when the motion closes.",
    );
  }

  const { resultPassed, resultReasons, resultTally, resultClosedEarly, resultDecidedAt, ...fields } = motion;
  const voting = motion.status === "open" && !resultTally ? await readVotingRoll(db, id) : null;
  const tally: Tally | null = resultTally ? (resultTally as Tally) : voting ? tallyRoll(motion.ruleSnapshot!, voting) : null;
  const rollCall = motion.status !== "draft" && actor && can(actor.roles, "rollcall.read") ? await readRollCall(db, id) : null;
  const own = actor && voting ? voting.roll.find((r) => r.directorId === actor.id) : undefined;
  const mine = actor && voting ? { onRoll: !!own, choice: own?.choice ?? null, recusedReason: own?.recusedReason ?? null } : null;
  return {
    ...fields,
    tally,
    result:
      resultPassed !== null ? { passed: resultPassed, reasons: resultReasons!, closedEarly: resultClosedEarly!, decidedAt: resultDecidedAt! } : null,
    rollCall,
    mine,
  };
}

/** The motion with its rule, policy version and stored result; `due` when it is open past its closing time. */
async function readMotion(db: DB, id: string) {
  const [row] = await db
    .select({
      id: motions.id,
      kind: motions.kind,
      title: motions.title,
      status: motions.status,
      resolutionText: motions.resolutionText,
      policyId: motions.policyId,
      policyTitle: policies.title,
      policySlug: policies.slug,
      versionNumber: policyVersions.number,
      versionBody: policyVersions.bodyMd,
      ruleName: decisionRules.name,
      ruleConfig: decisionRules.config,
      ruleSnapshot: motions.ruleSnapshot,
      closesAt: motions.closesAt,
      openedAt: motions.openedAt,
      closedAt: motions.closedAt,
      createdAt: motions.createdAt,
      withdrawnAt: motions.withdrawnAt,
      withdrawnReason: motions.withdrawnReason,
      resultPassed: motionResults.passed,
      resultReasons: motionResults.reasons,
      resultTally: motionResults.tally,
      resultClosedEarly: motionResults.closedEarly,
      resultDecidedAt: motionResults.decidedAt,
      due: sql<boolean>`(${motions.status} = 'open' and ${motions.closesAt} <= now())`,
    })
    .from(motions)
    .innerJoin(decisionRules, eq(decisionRules.id, motions.ruleId))
    .leftJoin(policies, eq(policies.id, motions.policyId))
    .leftJoin(policyVersions, eq(policyVersions.id, motions.versionId))
    .leftJoin(motionResults, eq(motionResults.motionId, motions.id))
    .where(eq(motions.id, id));
  if (!row) return null;
  const { due, ...motion } = row;
  return { motion, due };
}

export type MotionDetail = NonNullable<Awaited<ReturnType<typeof finaliseIfDueAndGetMotion>>>;

/** Who is on the roll and how each voted (or recused), in seat order. Unscoped: callers check `rollcall.read`. */
async function readRollCall(db: DB, motionId: string) {
  return db
    .select({
      directorId: motionRoll.directorId,
      name: users.name,
      organizationName: organizations.name,
      pillarName: pillars.name,
      seatNumber: boardSeats.number,
      choice: ballots.choice,
      votedAt: ballots.updatedAt,
      recusedReason: recusals.reason,
      recusedAfterVoting: recusals.afterVoting,
      endedAt: motionRoll.endedAt,
      changes: sql<number>`(select count(*)::int from ballot_history h where h.motion_id = ${motionRoll.motionId} and h.director_id = ${motionRoll.directorId})`,
      // Every ballot the director cast on this motion, in order: the roll call shows the history, not only the count.
      history: sql<
        { choice: string; castAt: string }[]
      >`coalesce((select json_agg(json_build_object('choice', h.choice, 'castAt', h.cast_at) order by h.cast_at, h.id)
        from ballot_history h where h.motion_id = ${motionRoll.motionId} and h.director_id = ${motionRoll.directorId}), '[]'::json)`,
    })
    .from(motionRoll)
    .innerJoin(users, eq(users.id, motionRoll.directorId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .innerJoin(pillars, eq(pillars.id, motionRoll.pillarId))
    .innerJoin(boardSeats, eq(boardSeats.id, motionRoll.seatId))
    .leftJoin(ballots, and(eq(ballots.motionId, motionRoll.motionId), eq(ballots.directorId, motionRoll.directorId)))
    .leftJoin(recusals, and(eq(recusals.motionId, motionRoll.motionId), eq(recusals.directorId, motionRoll.directorId), isNull(recusals.withdrawnAt)))
    .where(eq(motionRoll.motionId, motionId))
    .orderBy(asc(pillars.sortOrder), asc(boardSeats.number), sql`${motionRoll.endedAt} asc nulls last`);
}

export type RollCallRow = Awaited<ReturnType<typeof readRollCall>>[number];

/** The roll call of a motion, for those who may read it. */
export async function finaliseIfDueAndGetRollCall(db: DB, actor: Actor | null, motionId: string) {
  authorize(actor, "rollcall.read");
  return readRollCall(db, motionId);
}

/** The roll call of a closed motion as CSV rows (header first). */
export async function finaliseIfDueAndExportRollCall(db: DB, actor: Actor | null, motionId: string) {
  authorize(actor, "rollcall.export");
  if (!isUuid(motionId)) throw new AppError("not_found", "That motion does not exist.");
  await finaliseIfDue(db, motionId);
  const [motion] = await db.select({ title: motions.title, status: motions.status }).from(motions).where(eq(motions.id, motionId));
  if (!motion) throw new AppError("not_found", "That motion does not exist.");
  if (motion.status !== "closed") throw new AppError("conflict", "The roll call is exported once the motion has closed.");
  const rows = await readRollCall(db, motionId);
  return {
    title: motion.title,
    rows: [
      ["Motion", "Director", "Organisation", "Pillar", "Seat", "Ballot", "Last changed", "Conflict of interest"],
      ...rows.map((r) => [
        motion.title,
        r.name,
        r.organizationName,
        r.pillarName,
        r.seatNumber,
        r.recusedReason
          ? r.choice
            ? `recused after voting (${r.choice} set aside)`
            : "recused"
          : r.endedAt
            ? "left the seat before voting"
            : (r.choice ?? "did not vote"),
        r.votedAt ? r.votedAt.toISOString() : "",
        r.recusedReason ?? "",
      ]),
    ],
  };
}

/** What a motion may be drafted on: final versions of policies in board review, and the rules. */
export async function getDraftChoices(db: DB, actor: Actor | null) {
  authorize(actor, "motion.draft");
  const [versions, rules] = await Promise.all([
    db
      .select({ id: policyVersions.id, number: policyVersions.number, policyTitle: policies.title })
      .from(policyVersions)
      .innerJoin(policies, eq(policies.id, policyVersions.policyId))
      .where(and(eq(policies.status, "board_review"), eq(policyVersions.state, "final")))
      .orderBy(asc(policies.title), desc(policyVersions.number)),
    db
      .select({ id: decisionRules.id, name: decisionRules.name, isDefault: decisionRules.isDefault })
      .from(decisionRules)
      .orderBy(desc(decisionRules.isDefault), asc(decisionRules.name)),
  ]);
  // A week from now is the usual voting period; the drafter may change it.
  return { versions, rules, suggestedClosesAt: new Date(Date.now() + 7 * 86_400_000) };
}

/** The live tally of an open motion, for Board members and the Secretariat. */
export async function finaliseIfDueAndGetLiveTally(db: DB, actor: Actor | null, motionId: string): Promise<Tally> {
  authorize(actor, "motion.readInternal");
  if (!isUuid(motionId)) throw new AppError("not_found", "That motion does not exist.");
  await finaliseIfDue(db, motionId);
  const [motion] = await db.select({ status: motions.status, rule: motions.ruleSnapshot }).from(motions).where(eq(motions.id, motionId));
  if (!motion?.rule) throw new AppError("not_found", "That motion has not been opened.");
  return tallyMotion(db, motionId, motion.rule);
}

/** The amendments proposed to a motion, in order, with who proposed each; internal like its draft. */
export async function listAmendments(db: DB, actor: Actor | null, motionId: string) {
  authorize(actor, "motion.readInternal");
  if (!isUuid(motionId)) return [];
  return db
    .select({
      id: motionAmendments.id,
      number: motionAmendments.number,
      title: motionAmendments.title,
      resolutionText: motionAmendments.resolutionText,
      rationale: motionAmendments.rationale,
      chosenAt: motionAmendments.chosenAt,
      createdAt: motionAmendments.createdAt,
      proposedBy: users.name,
    })
    .from(motionAmendments)
    .innerJoin(users, eq(users.id, motionAmendments.proposedById))
    .where(eq(motionAmendments.motionId, motionId))
    .orderBy(asc(motionAmendments.number));
}
