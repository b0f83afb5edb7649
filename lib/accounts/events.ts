import type { Tx } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { notify } from "@/lib/notifications/notify";

/**
 * An account event (joined, password reset, two-factor turned on or off, a recovery code used): its
 * audit row and, when it concerns the person, a notice in their inbox (emailed by the outbox), in
 * the caller's transaction.
 */
export async function recordAccountEvent(
  tx: Tx,
  event: { actorId: string | null; action: string; userId: string; after?: unknown; notice?: { title: string; body: string; href?: string } },
): Promise<void> {
  await recordAudit(tx, { actorId: event.actorId, action: event.action, entityType: "user", entityId: event.userId, after: event.after ?? null });
  if (event.notice) await notify(tx, [{ userId: event.userId, kind: "account_security", ...event.notice }]);
}
