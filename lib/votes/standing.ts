import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { motionRoll, motions, recusals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { type DirectorMove, directorMoveRefusal } from "./roll-rules";

/**
 * Locks the motion for share (a close waits for ballots in flight, and a ballot after a close sees
 * it closed) and the director's roll row for update (one director's ballot and recusal serialise),
 * reads where the director stands, and refuses the move unless the rule (roll-rules.ts) allows it.
 */
export async function lockForDirectorMove(tx: Tx, move: DirectorMove, director: Actor, motionId: string) {
  const [motion] = await tx.select().from(motions).where(eq(motions.id, motionId)).for("share");
  if (!motion) throw new AppError("not_found", "That motion does not exist.");
  const [onRoll] = await tx
    .select({ directorId: motionRoll.directorId })
    .from(motionRoll)
    .where(and(eq(motionRoll.motionId, motionId), eq(motionRoll.directorId, director.id), isNull(motionRoll.endedAt)))
    .for("update");
  const [recusal] = await tx
    .select()
    .from(recusals)
    .where(and(eq(recusals.motionId, motionId), eq(recusals.directorId, director.id), isNull(recusals.withdrawnAt)));
  const refusal = directorMoveRefusal(move, director.roles, {
    motionOpen: motion.status === "open" && motion.closesAt.getTime() > Date.now(),
    onRoll: Boolean(onRoll),
    recused: Boolean(recusal),
  });
  if (refusal) throw new AppError(refusal.code, refusal.message);
  return { motion, recusal };
}
