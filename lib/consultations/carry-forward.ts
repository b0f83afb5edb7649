import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { comments, consultations } from "@/db/schema";

/**
 * Carries open comments to a version that has just become final. A comment is open while it has no
 * answer and is not outdated; its replies travel with it. Comments whose paragraph key the new
 * version still has, with the words they quote still in it, re-attach to it; the others are marked
 * outdated and stay on the version they were written on (`original_version_id` keeps that too), so
 * they are never lost.
 * Done at finalisation rather than when the draft starts, because only then are its keys settled.
 * Two statements whatever the number of comments: no list of ids travels to the database.
 */
export async function carryCommentsForward(
  tx: Tx,
  { policyId, toVersionId, keys, now }: { policyId: string; toVersionId: string; keys: string[]; now: Date },
): Promise<{ carried: number; outdated: number }> {
  const keyList = sql`${`{${keys.map((k) => `"${k.replace(/["\\]/g, "\\$&")}"`).join(",")}}`}::text[]`;
  const top = alias(comments, "top");
  /** Open top-level comments of this policy on another version whose paragraph does (or does not) survive. */
  const openTopLevel = (survives: boolean) =>
    tx
      .select({ id: top.id })
      .from(top)
      .innerJoin(consultations, eq(consultations.id, top.consultationId))
      .where(
        and(
          eq(consultations.policyId, policyId),
          isNull(top.parentId),
          eq(top.status, "open"),
          isNull(top.outdatedAt),
          ne(top.versionId, toVersionId),
          sql`(${top.paragraphKey} = any(${keyList}) and (${top.quote} is null or exists (select 1 from policy_paragraphs pp
            where pp.version_id = ${toVersionId} and pp.key = ${top.paragraphKey} and strpos(pp.body, ${top.quote}) > 0))) = ${survives}`,
        ),
      );
  const threadOf = (survives: boolean) => or(inArray(comments.id, openTopLevel(survives)), inArray(comments.parentId, openTopLevel(survives)));
  const carried = await tx.update(comments).set({ versionId: toVersionId }).where(threadOf(true)).returning({ parentId: comments.parentId });
  const outdated = await tx
    .update(comments)
    .set({ outdatedAt: now })
    .where(and(threadOf(false), isNull(comments.outdatedAt)))
    .returning({ parentId: comments.parentId });
  const topLevel = (rows: { parentId: string | null }[]) => rows.filter((row) => row.parentId === null).length;
  return { carried: topLevel(carried), outdated: topLevel(outdated) };
}
