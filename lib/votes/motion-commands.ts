import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { outer } from "@/db/sql";
import { ballots, motionAmendments, motionRoll, motions, recusals } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { getTimezone } from "@/lib/settings";
import { parseMoment } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { finaliseIfDue } from "./finalise";
import { motionMoveRefusal } from "./moves";
import { chooseAmendmentSchema, editMotionSchema, motionIdSchema, proposeAmendmentSchema, withdrawMotionSchema } from "./schemas";
import { holderJoinsRoll, holderLeavesRoll } from "./roll-rules";
import { lockForDirectorMove } from "./standing";
import { withdrawLockedMotion } from "./withdraw";

async function lockMotion(tx: Tx, motionId: string) {
  const [motion] = await tx.select().from(motions).where(eq(motions.id, motionId)).for("update");
  if (!motion) throw new AppError("not_found", "That motion does not exist.");
  return motion;
}

function checkText(kind: string, resolutionText: string | null | undefined): string | null {
  if (kind === "resolution" && (resolutionText ?? "").length < 10) return "Enter the resolution text (at least 10 characters).";
  if (kind !== "resolution" && resolutionText) return "A motion to adopt a policy version has no resolution text of its own.";
  return null;
}

/** Edits a draft motion's title, resolution text and closing time. */
export async function editMotion(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const editor = authorize(actor, "motion.draft");
  const data = parseInput(editMotionSchema, input);
  const closesAt = parseMoment(data.closesAt, await getTimezone(db));
  if (!closesAt) throw new AppError("invalid", "Check the highlighted fields.", { closesAt: ["Enter a valid closing time."] });
  if (closesAt.getTime() <= Date.now() + 60_000)
    throw new AppError("invalid", "Check the highlighted fields.", { closesAt: ["Choose a closing time in the future."] });
  await db.transaction(async (tx) => {
    const motion = await lockMotion(tx, data.motionId);
    const refusal = motionMoveRefusal("edit", editor.roles, motion);
    if (refusal) throw new AppError("conflict", refusal);
    const textProblem = checkText(motion.kind, data.resolutionText);
    if (textProblem) throw new AppError("invalid", "Check the highlighted fields.", { resolutionText: [textProblem] });
    const resolutionText = motion.kind === "resolution" ? data.resolutionText! : null;
    await tx.update(motions).set({ title: data.title, resolutionText, closesAt }).where(eq(motions.id, motion.id));
    await recordAudit(tx, {
      actorId: editor.id,
      action: "motion.edit",
      entityType: "motion",
      entityId: motion.id,
      before: { title: motion.title, resolutionText: motion.resolutionText, closesAt: motion.closesAt },
      after: { title: data.title, resolutionText, closesAt },
    });
  });
}

/** Deletes a draft motion (and its proposed amendments); the audit log keeps what it was. */
export async function deleteMotion(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const editor = authorize(actor, "motion.draft");
  const { motionId } = parseInput(motionIdSchema, input);
  await db.transaction(async (tx) => {
    const motion = await lockMotion(tx, motionId);
    const refusal = motionMoveRefusal("delete", editor.roles, motion);
    if (refusal) throw new AppError("conflict", refusal);
    await tx.delete(motions).where(eq(motions.id, motionId));
    await recordAudit(tx, { actorId: editor.id, action: "motion.delete", entityType: "motion", entityId: motionId, before: motion, after: null });
  });
}

/** The Chair withdraws an open motion with a reason: no result, the roll is told, a policy at the vote returns to board review. */
export async function withdrawMotion(db: DB, actor: Actor | null, input: unknown): Promise<{ notified: number }> {
  const chair = authorize(actor, "motion.withdraw");
  const { motionId, reason } = parseInput(withdrawMotionSchema, input);
  await finaliseIfDue(db, motionId);
  return db.transaction(async (tx) => {
    const motion = await lockMotion(tx, motionId);
    const refusal = motionMoveRefusal("withdraw", chair.roles, motion);
    if (refusal) throw new AppError("conflict", refusal);
    return withdrawLockedMotion(tx, motion, { actorId: chair.id, reason, now: new Date(), policyFollows: true });
  });
}

/** A director proposes an amendment to a draft motion: a new version of its title and text, numbered in order. */
export async function proposeAmendment(db: DB, actor: Actor | null, input: unknown): Promise<{ id: string; number: number }> {
  const director = authorize(actor, "motion.amend");
  const data = parseInput(proposeAmendmentSchema, input);
  return db.transaction(async (tx) => {
    const motion = await lockMotion(tx, data.motionId);
    const refusal = motionMoveRefusal("amend", director.roles, motion);
    if (refusal) throw new AppError("conflict", refusal);
    const textProblem = checkText(motion.kind, data.resolutionText);
    if (textProblem) throw new AppError("invalid", "Check the highlighted fields.", { resolutionText: [textProblem] });
    const resolutionText = motion.kind === "resolution" ? data.resolutionText! : null;
    if (data.title === motion.title && resolutionText === motion.resolutionText) {
      throw new AppError("invalid", "Check the highlighted fields.", { title: ["The amendment must change the title or the text."] });
    }
    const [last] = await tx
      .select({ number: motionAmendments.number })
      .from(motionAmendments)
      .where(eq(motionAmendments.motionId, motion.id))
      .orderBy(desc(motionAmendments.number))
      .limit(1);
    const number = (last?.number ?? 0) + 1;
    const [created] = await tx
      .insert(motionAmendments)
      .values({ motionId: motion.id, number, title: data.title, resolutionText, rationale: data.rationale, proposedById: director.id })
      .returning({ id: motionAmendments.id });
    await recordAudit(tx, {
      actorId: director.id,
      action: "motion.amend",
      entityType: "motion",
      entityId: motion.id,
      after: { amendment: number, title: data.title, resolutionText, rationale: data.rationale },
    });
    return { id: created!.id, number };
  });
}

/**
 * The Chair chooses which version of a draft motion's text is put to the vote: an amendment, or the
 * text as drafted. The motion then carries the chosen text; the choice is recorded on the amendment.
 */
export async function chooseAmendment(db: DB, actor: Actor | null, input: unknown): Promise<{ title: string }> {
  const chair = authorize(actor, "motion.open");
  const { motionId, amendmentId } = parseInput(chooseAmendmentSchema, input);
  return db.transaction(async (tx) => {
    const motion = await lockMotion(tx, motionId);
    const refusal = motionMoveRefusal("choose_amendment", chair.roles, motion);
    if (refusal) throw new AppError("conflict", refusal);
    const amendments = await tx.select().from(motionAmendments).where(eq(motionAmendments.motionId, motionId));
    const chosen = amendmentId === "original" ? null : amendments.find((a) => a.id === amendmentId);
    if (amendmentId !== "original" && !chosen)
      throw new AppError("invalid", "Check the highlighted fields.", { amendmentId: ["Choose a version of this motion."] });
    // The text as drafted is kept in the audit log of the draft, and as "amendment 0" on the first choice.
    const original = (await originalText(tx, motion)) ?? { title: motion.title, resolutionText: motion.resolutionText };
    const next = chosen ? { title: chosen.title, resolutionText: chosen.resolutionText } : original;
    const now = new Date();
    await tx.update(motionAmendments).set({ chosenAt: null }).where(eq(motionAmendments.motionId, motionId));
    if (chosen) await tx.update(motionAmendments).set({ chosenAt: now }).where(eq(motionAmendments.id, chosen.id));
    await tx.update(motions).set(next).where(eq(motions.id, motionId));
    await recordAudit(tx, {
      actorId: chair.id,
      action: "motion.chooseVersion",
      entityType: "motion",
      entityId: motionId,
      before: { title: motion.title, resolutionText: motion.resolutionText },
      after: { ...next, amendment: chosen?.number ?? null, original: chosen ? original : undefined },
    });
    return { title: next.title };
  });
}

/** The text the motion was drafted (or last edited) with, before any amendment was chosen: from the audit log. */
async function originalText(tx: Tx, motion: typeof motions.$inferSelect) {
  const rows = await tx.execute(sql`
    select after->'original' as original from audit_log
    where entity_type = 'motion' and entity_id = ${motion.id} and action = 'motion.chooseVersion' and after->'original' is not null
    order by at asc limit 1`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { original: unknown }[];
  const value = list[0]?.original;
  if (!value) return null;
  return (typeof value === "string" ? JSON.parse(value) : value) as { title: string; resolutionText: string | null };
}

/** Withdraws one's own conflict of interest before the close: back on the roll, a ballot set aside counts again. */
export async function withdrawRecusal(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const director = authorize(actor, "recusal.declare");
  const { motionId } = parseInput(motionIdSchema, input);
  await finaliseIfDue(db, motionId);
  await db.transaction(async (tx) => {
    const { recusal } = await lockForDirectorMove(tx, "withdraw_recusal", director, motionId);
    await tx
      .update(recusals)
      .set({ withdrawnAt: new Date() })
      .where(and(eq(recusals.motionId, motionId), eq(recusals.directorId, director.id)));
    const [ballot] = await tx
      .select({ choice: ballots.choice })
      .from(ballots)
      .where(and(eq(ballots.motionId, motionId), eq(ballots.directorId, director.id)));
    await recordAudit(tx, {
      actorId: director.id,
      action: "recusal.withdraw",
      entityType: "motion",
      entityId: motionId,
      // The rule refuses a withdrawal without a declaration, so there is one here.
      before: { directorId: director.id, reason: recusal!.reason, afterVoting: recusal!.afterVoting },
      after: { directorId: director.id, withdrawn: true, ballotCountsAgain: ballot?.choice ?? null },
    });
  });
}

/**
 * Keeps open motions' rolls by seat when a seat changes holder. A holder who leaves without having
 * voted leaves the roll (the row ends); one who voted keeps the ballot, and the seat is voted. A new
 * holder joins the roll of every open motion whose seat has nobody serving on it.
 */
export async function followSeatChange(tx: Tx, change: { seatId: string; pillarId: string; leftHolderId?: string; newHolderId?: string; now: Date }) {
  const ended: string[] = [];
  const joined: string[] = [];
  if (change.leftHolderId) {
    // The leaving holder's rows on open motions for this seat, with whether a ballot stands.
    const rows = await tx
      .select({
        motionId: motionRoll.motionId,
        hasBallot: sql<boolean>`exists (select 1 from ballots b where b.motion_id = ${outer(motionRoll.motionId)} and b.director_id = ${outer(motionRoll.directorId)})`,
      })
      .from(motionRoll)
      .innerJoin(motions, eq(motions.id, motionRoll.motionId))
      .where(
        and(
          eq(motions.status, "open"),
          eq(motionRoll.seatId, change.seatId),
          eq(motionRoll.directorId, change.leftHolderId),
          isNull(motionRoll.endedAt),
        ),
      )
      .for("update", { of: motionRoll });
    const leaving = rows.filter((row) => holderLeavesRoll({ motionOpen: true, hasBallot: Boolean(row.hasBallot) })).map((row) => row.motionId);
    if (leaving.length) {
      await tx
        .update(motionRoll)
        .set({ endedAt: change.now })
        .where(and(inArray(motionRoll.motionId, leaving), eq(motionRoll.directorId, change.leftHolderId)));
    }
    ended.push(...leaving);
  }
  if (change.newHolderId) {
    const open = await tx
      .select({ id: motions.id })
      .from(motions)
      .where(and(eq(motions.status, "open"), sql`${motions.closesAt} > now()`));
    for (const { id } of open) {
      const serving = await tx
        .select({ directorId: motionRoll.directorId })
        .from(motionRoll)
        .where(and(eq(motionRoll.motionId, id), eq(motionRoll.seatId, change.seatId), isNull(motionRoll.endedAt)));
      if (!holderJoinsRoll({ motionOpen: true, seatServed: serving.length > 0 })) continue;
      const inserted = await tx
        .insert(motionRoll)
        .values({ motionId: id, directorId: change.newHolderId, pillarId: change.pillarId, seatId: change.seatId })
        // A holder who left this motion's roll and now takes a seat again serves again, for the new seat.
        .onConflictDoUpdate({
          target: [motionRoll.motionId, motionRoll.directorId],
          set: { endedAt: null, seatId: change.seatId, pillarId: change.pillarId },
          setWhere: sql`${motionRoll.endedAt} is not null`,
        })
        .returning({ motionId: motionRoll.motionId });
      joined.push(...inserted.map((r) => r.motionId));
    }
  }
  return { ended, joined };
}
