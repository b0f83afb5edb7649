import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { comments, consultations } from "@/db/schema";

/**
 * Carries open comments to a version that has just become final. A comment is open while it has no
 * answer and is not outdated; its replies travel with it. Comments whose paragraph key the new
 * version still has re-attach to it; the others are marked outdated and stay on the version they
 * were written on (`original_version_id` keeps that too), so they are never lost.
 * Done at finalisation rather than when the draft starts, because only then are its keys settled.
 */
export async function carryCommentsForward(
  tx: Tx,
  { policyId, toVersionId, keys, now }: { policyId: string; toVersionId: string; keys: string[]; now: Date },
): Promise<{ carried: number; outdated: number }> {
  const openTopLevel = await tx
    .select({ id: comments.id, paragraphKey: comments.paragraphKey })
    .from(comments)
    .innerJoin(consultations, eq(consultations.id, comments.consultationId))
    .where(
      and(
        eq(consultations.policyId, policyId),
        isNull(comments.parentId),
        eq(comments.status, "open"),
        isNull(comments.outdatedAt),
        ne(comments.versionId, toVersionId),
      ),
    );
  if (openTopLevel.length === 0) return { carried: 0, outdated: 0 };
  const keep = new Set(keys);
  const carried = openTopLevel.filter((c) => keep.has(c.paragraphKey)).map((c) => c.id);
  const outdated = openTopLevel.filter((c) => !keep.has(c.paragraphKey)).map((c) => c.id);
  const threadOf = (ids: string[]) => or(inArray(comments.id, ids), inArray(comments.parentId, ids));
  if (carried.length) await tx.update(comments).set({ versionId: toVersionId }).where(threadOf(carried));
  if (outdated.length) await tx.update(comments).set({ outdatedAt: now }).where(and(threadOf(outdated), isNull(comments.outdatedAt)));
  return { carried: carried.length, outdated: outdated.length };
}

