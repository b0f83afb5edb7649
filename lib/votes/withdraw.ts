import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { motionRoll, motions, policies } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { notify } from "@/lib/notifications/notify";

type MotionRow = typeof motions.$inferSelect;

/**
 * Withdraws a locked draft or open motion inside the caller's transaction: no result is recorded,
 * the reason is kept on the motion, one audit row is written, and every director serving on its
 * roll (an open motion's) is told. A policy at the vote on this motion goes back to board review
 * unless `policyFollows` is false (the policy itself is being withdrawn).
 */
export async function withdrawLockedMotion(
  tx: Tx,
  motion: MotionRow,
  options: { actorId: string; reason: string; now: Date; policyFollows: boolean },
): Promise<{ notified: number }> {
  const { actorId, reason, now } = options;
  await tx
    .update(motions)
    .set({ status: "withdrawn", withdrawnAt: now, withdrawnReason: reason, withdrawnById: actorId })
    .where(eq(motions.id, motion.id));
  let policyEffect: { policyId: string; from: string; to: string } | null = null;
  if (options.policyFollows && motion.status === "open" && motion.kind === "adopt_policy_version" && motion.policyId) {
    const [changed] = await tx
      .update(policies)
      .set({ status: "board_review", updatedAt: now })
      .where(and(eq(policies.id, motion.policyId), eq(policies.status, "voting")))
      .returning({ id: policies.id });
    if (changed) policyEffect = { policyId: changed.id, from: "voting", to: "board_review" };
  }
  await recordAudit(tx, {
    actorId,
    action: "motion.withdraw",
    entityType: "motion",
    entityId: motion.id,
    before: { status: motion.status },
    after: { status: "withdrawn", reason, policy: policyEffect },
  });
  const roll = await tx
    .select({ directorId: motionRoll.directorId })
    .from(motionRoll)
    .where(and(eq(motionRoll.motionId, motion.id), isNull(motionRoll.endedAt)));
  await notify(
    tx,
    roll.map((r) => ({
      userId: r.directorId,
      kind: "motion_withdrawn" as const,
      title: `Motion withdrawn: ${motion.title}`,
      body: `No result is recorded. Reason: ${reason.slice(0, 300)}`,
      href: `/votes/${motion.id}`,
      dedupeKey: `motion-withdrawn:${motion.id}`,
    })),
  );
  return { notified: roll.length };
}

/** Locks the draft and open motions of a policy, for withdrawing them with it. */
export async function lockLiveMotionsOfPolicy(tx: Tx, policyId: string): Promise<MotionRow[]> {
  return tx
    .select()
    .from(motions)
    .where(and(eq(motions.policyId, policyId), inArray(motions.status, ["draft", "open"])))
    .for("update");
}
