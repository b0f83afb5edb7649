import "server-only";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { isUuid } from "@/db/client";
import {
  ballots,
  boardSeats,
  decisionRules,
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
import { remindClosingSoon } from "./reminders";
import type { Tally } from "./rules";
import { tallyMotion } from "./tally-input";

const internal = (actor: Actor | null) => !!actor && can(actor.roles, "motion.readInternal");

/**
 * Motions for the list. The public (and representatives) see closed motions only, with their stored
 * per-pillar totals; Board members and the Secretariat also see drafts and open motions.
 */
export async function listMotions(db: DB, actor: Actor | null) {
  await finaliseDueMotions(db);
  await remindClosingSoon(db, actor);
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

export type MotionSummary = Awaited<ReturnType<typeof listMotions>>[number];

/** One motion as the actor may see it, or null when it does not exist or is not theirs to see. */
export async function getMotion(db: DB, actor: Actor | null, id: string) {
  if (!isUuid(id)) return null;
  await finaliseIfDue(db, id);
  await remindClosingSoon(db, actor);
  const [motion] = await db
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
    })
    .from(motions)
    .innerJoin(decisionRules, eq(decisionRules.id, motions.ruleId))
    .leftJoin(policies, eq(policies.id, motions.policyId))
    .leftJoin(policyVersions, eq(policyVersions.id, motions.versionId))
    .where(eq(motions.id, id));
  if (!motion || motion.status === "withdrawn") return null;
  if (motion.status !== "closed" && !internal(actor)) return null;

  const [result] = await db.select().from(motionResults).where(eq(motionResults.motionId, id));
  const tally: Tally | null = result ? (result.tally as Tally) : motion.status === "open" ? await tallyMotion(db, id, motion.ruleSnapshot!) : null;
  const rollCall = motion.status !== "draft" && actor && can(actor.roles, "rollcall.read") ? await readRollCall(db, id) : null;
  const mine = actor && motion.status === "open" ? await readOwnStanding(db, id, actor.id) : null;
  return {
    ...motion,
    tally,
    result: result ? { passed: result.passed, reasons: result.reasons, closedEarly: result.closedEarly, decidedAt: result.decidedAt } : null,
    rollCall,
    mine,
  };
}

export type MotionDetail = NonNullable<Awaited<ReturnType<typeof getMotion>>>;

async function readOwnStanding(db: DB, motionId: string, directorId: string) {
  const [row] = await db
    .select({ choice: ballots.choice, recusedReason: recusals.reason })
    .from(motionRoll)
    .leftJoin(ballots, and(eq(ballots.motionId, motionRoll.motionId), eq(ballots.directorId, motionRoll.directorId)))
    .leftJoin(recusals, and(eq(recusals.motionId, motionRoll.motionId), eq(recusals.directorId, motionRoll.directorId)))
    .where(and(eq(motionRoll.motionId, motionId), eq(motionRoll.directorId, directorId)));
  return row ? { onRoll: true, choice: row.choice, recusedReason: row.recusedReason } : { onRoll: false, choice: null, recusedReason: null };
}

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
      changes: sql<number>`(select count(*)::int from ballot_history h where h.motion_id = ${motionRoll.motionId} and h.director_id = ${motionRoll.directorId})`,
    })
    .from(motionRoll)
    .innerJoin(users, eq(users.id, motionRoll.directorId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .innerJoin(pillars, eq(pillars.id, motionRoll.pillarId))
    .innerJoin(boardSeats, eq(boardSeats.id, motionRoll.seatId))
    .leftJoin(ballots, and(eq(ballots.motionId, motionRoll.motionId), eq(ballots.directorId, motionRoll.directorId)))
    .leftJoin(recusals, and(eq(recusals.motionId, motionRoll.motionId), eq(recusals.directorId, motionRoll.directorId)))
    .where(eq(motionRoll.motionId, motionId))
    .orderBy(asc(pillars.sortOrder), asc(boardSeats.number));
}

export type RollCallRow = Awaited<ReturnType<typeof readRollCall>>[number];

/** The roll call of a motion, for those who may read it. */
export async function getRollCall(db: DB, actor: Actor | null, motionId: string) {
  authorize(actor, "rollcall.read");
  return readRollCall(db, motionId);
}

/** The roll call of a closed motion as CSV rows (header first). */
export async function exportRollCall(db: DB, actor: Actor | null, motionId: string) {
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
        r.recusedReason ? "recused" : (r.choice ?? "did not vote"),
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
    db.select({ id: decisionRules.id, name: decisionRules.name, isDefault: decisionRules.isDefault }).from(decisionRules).orderBy(desc(decisionRules.isDefault), asc(decisionRules.name)),
  ]);
  // A week from now is the usual voting period; the drafter may change it.
  return { versions, rules, suggestedClosesAt: new Date(Date.now() + 7 * 86_400_000) };
}

/** The live tally of an open motion, for Board members and the Secretariat. */
export async function getLiveTally(db: DB, actor: Actor | null, motionId: string): Promise<Tally> {
  authorize(actor, "motion.readInternal");
  if (!isUuid(motionId)) throw new AppError("not_found", "That motion does not exist.");
  await finaliseIfDue(db, motionId);
  const [motion] = await db.select({ status: motions.status, rule: motions.ruleSnapshot }).from(motions).where(eq(motions.id, motionId));
  if (!motion?.rule) throw new AppError("not_found", "That motion has not been opened.");
  return tallyMotion(db, motionId, motion.rule);
}
