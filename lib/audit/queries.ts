import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/validation";

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  entityType: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z_]*$/, "Entity types are lowercase words.")
    .optional()
    .default(""),
  // PostgreSQL stores no NUL character, and would refuse the whole query for one.
  entityId: z
    .string()
    .trim()
    .max(100)
    .regex(/^[^\0]*$/, "Entity ids cannot contain a NUL (\\0) character.")
    .optional()
    .default(""),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The audit log, newest first, filtered by entity; admins and directors only. */
export async function listAuditEntries(db: DB, actor: Actor | null, input: unknown) {
  authorize(actor, "audit.read");
  const filter = parseInput(auditFilterSchema, input, "The audit filter is not valid.");
  const conditions: SQL[] = [];
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE);
  return { filter, rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}
