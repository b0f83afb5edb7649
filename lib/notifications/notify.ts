import { sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { notifications } from "@/db/schema";
import type { NotificationKind } from "@/lib/notifications/vocabulary";

export type Notice = {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  /** An app path such as `/votes/<id>`. */
  href?: string;
  /** Notices that must go out at most once per user carry a key; a repeat is silently skipped. */
  dedupeKey?: string;
};

/**
 * Writes in-app notifications inside the caller's transaction, so they commit with the change they
 * announce. Returns the ids written (a deduplicated repeat writes none).
 */
export async function notify(tx: Tx | DB, notices: Notice[]): Promise<string[]> {
  if (notices.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(notices.map((n) => ({ ...n, body: n.body ?? "" })))
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey], where: sql`${notifications.dedupeKey} IS NOT NULL` })
    .returning({ id: notifications.id });
  return rows.map((row) => row.id);
}
