import { and, asc, eq, isNull } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { ballotHistory, ballots, boardSeats, decisionRules, motionRoll, motions, policies, policyVersions, recusals, seatTerms } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { formatDateTime } from "@/lib/format";
import { notify } from "@/lib/notifications/notify";
import { getTimezone } from "@/lib/settings";
import { closeLockedMotion, finaliseIfDue } from "./finalise";
import { castBallotSchema, declareRecusalSchema, draftMotionSchema, motionIdSchema } from "./schemas";
import { lockForDirectorMove } from "./standing";
import { tallyMotion } from "./tally-input";
import { parseMoment } from "@/lib/time";

/** Drafts a motion: to adopt a final version of a policy in board review, or a free-text resolution. */
export async function draftMotion(db: DB, actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const author = authorize(actor, "motion.draft");
  const data = parseInput(draftMotionSchema, input);
  const closesAt = parseMoment(data.closesAt, await getTimezone(db));
  if (!closesAt) throw new AppError("invalid", "Check the highlighted fields.", { closesAt: ["Enter a valid closing time."] });
  if (closesAt.getTime() <= Date.now() + 60_000) {
    throw new AppError("invalid", "Check the highlighted fields.", { closesAt: ["Choose a closing time in the future."] });
  }
  return db.transaction(async (tx) => {
    const [rule] = data.ruleId
      ? await tx.select({ id: decisionRules.id }).from(decisionRules).where(eq(decisionRules.id, data.ruleId))
      : await tx.select({ id: decisionRules.id }).from(decisionRules).where(eq(decisionRules.isDefault, true));
    if (!rule) throw new AppError("invalid", "Check the highlighted fields.", { ruleId: ["Choose a decision rule."] });
    let policyId: string | null = null;
    if (data.kind === "adopt_policy_version") {
      const [version] = await tx
        .select({ policyId: policyVersions.policyId, state: policyVersions.state, policyStatus: policies.status })
        .from(policyVersions)
        .innerJoin(policies, eq(policies.id, policyVersions.policyId))
        .where(eq(policyVersions.id, data.versionId!));
      if (!version || version.state !== "final" || version.policyStatus !== "board_review") {
        throw new AppError("invalid", "Check the highlighted fields.", { versionId: ["Choose a final version of a policy in board review."] });
      }
      policyId = version.policyId;
    }
    const [created] = await tx
      .insert(motions)
      .values({
        kind: data.kind,
        title: data.title,
        resolutionText: data.kind === "resolution" ? data.resolutionText! : null,
        policyId,
        versionId: data.kind === "adopt_policy_version" ? data.versionId! : null,
        ruleId: rule.id,
        closesAt,
        createdById: author.id,
      })
      .returning();
    await recordAudit(tx, { actorId: author.id, action: "motion.draft", entityType: "motion", entityId: created!.id, after: created });
    return { id: created!.id };
  });
}

async function lockMotion(tx: Tx, motionId: string, mode: "update" | "share") {
  const [motion] = await tx.select().from(motions).where(eq(motions.id, motionId)).for(mode);
  if (!motion) throw new AppError("not_found", "That motion does not exist.");
  return motion;
}

/**
 * Opens a draft: snapshots the rule and the roll (today's seat holders), freezes the version voted
 * on and moves its policy to voting, and tells each director on the roll.
 */
export async function openMotion(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const chair = authorize(actor, "motion.open");
  const { motionId } = parseInput(motionIdSchema, input);
  const timeZone = await getTimezone(db);
  await db.transaction(async (tx) => {
    const motion = await lockMotion(tx, motionId, "update");
    const closesAtText = formatDateTime(motion.closesAt, timeZone);
    if (motion.status !== "draft") throw new AppError("conflict", "Only a draft motion can be opened.");
    if (motion.closesAt.getTime() <= Date.now())
      throw new AppError("conflict", "The closing time of this draft has passed; draft it again with a new closing time.");
    const [rule] = await tx.select({ config: decisionRules.config }).from(decisionRules).where(eq(decisionRules.id, motion.ruleId));
    const now = new Date();
    if (motion.kind === "adopt_policy_version") {
      const [policy] = await tx.select({ status: policies.status }).from(policies).where(eq(policies.id, motion.policyId!)).for("update");
      const [version] = await tx.select().from(policyVersions).where(eq(policyVersions.id, motion.versionId!)).for("update");
      if (policy?.status !== "board_review" || version?.state !== "final") {
        throw new AppError("conflict", "The policy must be in board review with this version final before the vote opens.");
      }
      if (!version.frozenAt) await tx.update(policyVersions).set({ frozenAt: now }).where(eq(policyVersions.id, version.id));
      await tx.update(policies).set({ status: "voting", updatedAt: now }).where(eq(policies.id, motion.policyId!));
      await recordAudit(tx, {
        actorId: chair.id,
        action: "policy.vote",
        entityType: "policy",
        entityId: motion.policyId!,
        before: { status: "board_review" },
        after: { status: "voting", frozenVersionId: version.id, motionId },
      });
    }
    const holders = await tx
      .select({ directorId: seatTerms.holderId, seatId: boardSeats.id, pillarId: boardSeats.pillarId })
      .from(seatTerms)
      .innerJoin(boardSeats, eq(boardSeats.id, seatTerms.seatId))
      .where(isNull(seatTerms.endedAt))
      .orderBy(asc(boardSeats.pillarId), asc(boardSeats.number));
    if (holders.length === 0) throw new AppError("conflict", "No seat has a holder, so there is nobody to vote.");
    await tx.insert(motionRoll).values(holders.map((h) => ({ motionId, ...h })));
    await tx.update(motions).set({ status: "open", ruleSnapshot: rule!.config, openedById: chair.id, openedAt: now }).where(eq(motions.id, motionId));
    await recordAudit(tx, {
      actorId: chair.id,
      action: "motion.open",
      entityType: "motion",
      entityId: motionId,
      before: { status: "draft" },
      after: { status: "open", rule: rule!.config, roll: holders.map((h) => h.directorId) },
    });
    await notify(
      tx,
      holders.map((h) => ({
        userId: h.directorId,
        kind: "motion_opened" as const,
        title: `Motion opened: ${motion.title}`,
        body: `Cast your ballot before ${closesAtText}.`,
        href: `/votes/${motionId}`,
        dedupeKey: `motion-opened:${motionId}`,
      })),
    );
  });
}

/** Runs a ballot or recusal write; a motion past its closing time is finalised first, then refused. */
async function withOpenMotion<T>(db: DB, motionId: string, write: () => Promise<T>): Promise<T> {
  await finaliseIfDue(db, motionId);
  return write();
}

/** Casts or changes the actor's ballot. Race-free: one current row per (motion, director), every change in history. */
export async function castBallot(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const director = authorize(actor, "ballot.cast");
  const { motionId, choice } = parseInput(castBallotSchema, input);
  await withOpenMotion(db, motionId, () =>
    db.transaction(async (tx) => {
      await lockForDirectorMove(tx, "cast", director, motionId);
      const [previous] = await tx
        .select({ choice: ballots.choice })
        .from(ballots)
        .where(and(eq(ballots.motionId, motionId), eq(ballots.directorId, director.id)));
      if (previous?.choice === choice) return;
      const now = new Date();
      await tx
        .insert(ballots)
        .values({ motionId, directorId: director.id, choice, castAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: [ballots.motionId, ballots.directorId], set: { choice, updatedAt: now } });
      await tx.insert(ballotHistory).values({ motionId, directorId: director.id, choice, castAt: now });
      await recordAudit(tx, {
        actorId: director.id,
        action: previous ? "ballot.change" : "ballot.cast",
        entityType: "motion",
        entityId: motionId,
        before: previous ? { directorId: director.id, choice: previous.choice } : null,
        after: { directorId: director.id, choice },
      });
    }),
  );
}

/**
 * Declares a conflict of interest: the director is off the roll for this motion. Declared after
 * voting, the ballot is set aside (kept, not counted) and the declaration records that it came
 * after voting; withdrawn before the close, the ballot counts again.
 */
export async function declareRecusal(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const director = authorize(actor, "recusal.declare");
  const { motionId, reason } = parseInput(declareRecusalSchema, input);
  await withOpenMotion(db, motionId, () =>
    db.transaction(async (tx) => {
      await lockForDirectorMove(tx, "recuse", director, motionId);
      const [cast] = await tx
        .select({ choice: ballots.choice })
        .from(ballots)
        .where(and(eq(ballots.motionId, motionId), eq(ballots.directorId, director.id)));
      const now = new Date();
      const afterVoting = Boolean(cast);
      await tx
        .insert(recusals)
        .values({ motionId, directorId: director.id, reason, afterVoting, declaredAt: now })
        .onConflictDoUpdate({ target: [recusals.motionId, recusals.directorId], set: { reason, afterVoting, declaredAt: now, withdrawnAt: null } });
      await recordAudit(tx, {
        actorId: director.id,
        action: "recusal.declare",
        entityType: "motion",
        entityId: motionId,
        after: { directorId: director.id, reason, ballotSetAside: cast?.choice ?? null },
      });
    }),
  );
}

/** Closes an open motion before its closing time, once its outcome can no longer change. */
export async function closeMotionEarly(db: DB, actor: Actor | null, input: unknown): Promise<{ passed: boolean }> {
  const chair = authorize(actor, "motion.closeEarly");
  const { motionId } = parseInput(motionIdSchema, input);
  await finaliseIfDue(db, motionId);
  return db.transaction(async (tx) => {
    const motion = await lockMotion(tx, motionId, "update");
    if (motion.status !== "open") throw new AppError("conflict", "Only an open motion can be closed.");
    const tally = await tallyMotion(tx, motionId, motion.ruleSnapshot!);
    if (tally.decided === null) throw new AppError("conflict", "The outcome is not decided yet, so the motion stays open until its closing time.");
    await closeLockedMotion(tx, motion, { actorId: chair.id, closedEarly: true, tally });
    return { passed: tally.passes };
  });
}
