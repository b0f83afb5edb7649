import type { DB, Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { currentRequestId } from "@/lib/request-id";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to the id of the request being served. */
  requestId?: string;
};

/** Appends to the audit log (with the request id of the request being served) inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx | DB, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? (await currentRequestId()) ?? null,
  });
}
