import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { comments, consultationPillars, organizations, userRoles, users } from "@/db/schema";

/**
 * Everyone a change to these consultations concerns: the representatives of every invited pillar
 * and everyone who commented, once each, without the person who made the change.
 */
export async function consultationAudience(tx: Tx, consultationIds: string[], exceptUserId: string): Promise<string[]> {
  if (!consultationIds.length) return [];
  const representatives = await tx
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "representative")))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .innerJoin(consultationPillars, eq(consultationPillars.pillarId, organizations.pillarId))
    .where(inArray(consultationPillars.consultationId, consultationIds));
  const commenters = await tx.selectDistinct({ id: comments.authorId }).from(comments).where(inArray(comments.consultationId, consultationIds));
  return [...new Set([...representatives, ...commenters].map((person) => person.id))].filter((id) => id !== exceptUserId);
}
