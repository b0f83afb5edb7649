import { and, eq, isNull, lte, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { motionResults, motionRoll, motions, policies } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { notify } from "@/lib/notifications/notify";
import type { Tally } from "./rules";
import { tallyMotion } from "./tally-input";

type MotionRow = typeof motions.$inferSelect;

/**
 * Closes a locked open motion inside the caller's transaction: one result row (its primary key
 * guarantees one), the motion's status, the policy effect, one audit row and one notice per
 * director on the roll. The caller holds the motion row `for update` and has checked it is open.
 */
export async function closeLockedMotion(
  tx: Tx,
  motion: MotionRow,
  options: { actorId: string | null; closedEarly: boolean; tally?: Tally },
): Promise<Tally> {
  const tally = options.tally ?? (await tallyMotion(tx, motion.id, motion.ruleSnapshot!));
  const closedAt = options.closedEarly ? new Date() : motion.closesAt;
  await tx.insert(motionResults).values({
    motionId: motion.id,
    passed: tally.passes,
    reasons: tally.reasons,
    tally,
    closedEarly: options.closedEarly,
  });
  await tx.update(motions).set({ status: "closed", closedAt }).where(eq(motions.id, motion.id));

  let policyEffect: { policyId: string; from: string; to: string } | null = null;
  if (motion.kind === "adopt_policy_version" && motion.policyId && motion.versionId) {
    // Only a policy still at the vote moves; one withdrawn meanwhile keeps its status.
    const to = tally.passes ? "adopted" : "board_review";
    const [changed] = await tx
      .update(policies)
      .set({ status: to, updatedAt: new Date(), ...(tally.passes ? { adoptedVersionId: motion.versionId } : {}) })
      .where(and(eq(policies.id, motion.policyId), eq(policies.status, "voting")))
      .returning({ id: policies.id });
    if (changed) policyEffect = { policyId: changed.id, from: "voting", to };
  }

  await recordAudit(tx, {
    actorId: options.actorId,
    action: options.closedEarly ? "motion.closeEarly" : "motion.close",
    entityType: "motion",
    entityId: motion.id,
    before: { status: "open" },
    after: { status: "closed", passed: tally.passes, reasons: tally.reasons, policy: policyEffect },
  });

  // Holders who left the seat without voting are off the roll; their successors hear the result.
  const roll = await tx
    .select({ directorId: motionRoll.directorId })
    .from(motionRoll)
    .where(and(eq(motionRoll.motionId, motion.id), isNull(motionRoll.endedAt)));
  await notify(
    tx,
    roll.map((r) => ({
      userId: r.directorId,
      kind: "motion_result" as const,
      title: `Motion ${tally.passes ? "passed" : "failed"}: ${motion.title}`,
      body: tally.reasons.join(". "),
      href: `/votes/${motion.id}`,
      dedupeKey: `motion-result:${motion.id}`,
    })),
  );
  return tally;
}

/**
 * Finalises one motion if its closing time has passed: the first read or write after that moment
 * does it, exactly once. The row lock makes concurrent callers wait; they then see it closed.
 */
export async function finaliseIfDue(db: DB, motionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [motion] = await tx
      .select()
      .from(motions)
      .where(and(eq(motions.id, motionId), eq(motions.status, "open"), lte(motions.closesAt, sql`now()`)))
      .for("update");
    // Re-checked under the lock: another caller may have closed it while this one waited.
    if (!motion || motion.status !== "open") return;
    await closeLockedMotion(tx, motion, { actorId: null, closedEarly: false });
  });
}

/** Finalises every open motion whose closing time has passed. Called before reads of motions. */
export async function finaliseDueMotions(db: DB): Promise<void> {
  const due = await db
    .select({ id: motions.id })
    .from(motions)
    .where(and(eq(motions.status, "open"), lte(motions.closesAt, sql`now()`)));
  for (const motion of due) await finaliseIfDue(db, motion.id);
}
