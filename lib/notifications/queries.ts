import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { recordDueNotices } from "./due";

export const INBOX_PAGE_SIZE = 30;
const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

/** The caller's own notices from every domain, newest first; overdue task notices are computed first. */
export async function recordDueNoticesAndListInbox(db: DB, actor: Actor | null, input: unknown, now = new Date()) {
  const user = authorize(actor, "workspace.view");
  const { page } = pageSchema.parse(input ?? {});
  await recordDueNotices(db, user, now);
  const mine = eq(notifications.userId, user.id);
  const [rows, [total], [unread]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        title: notifications.title,
        body: notifications.body,
        href: notifications.href,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((page - 1) * INBOX_PAGE_SIZE),
    db.select({ n: count() }).from(notifications).where(mine),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  const n = total?.n ?? 0;
  return { page, rows, total: n, unread: unread?.n ?? 0, pages: Math.max(1, Math.ceil(n / INBOX_PAGE_SIZE)) };
}

/**
 * The number shown beside "Inbox" in the header (capped at UNREAD_COUNT_CAP), after writing the
 * notices that have fallen due: one statement for both.
 */
export async function recordDueNoticesAndCountUnread(db: DB, actor: Actor, now = new Date()): Promise<number> {
  return (await recordDueNotices(db, actor, now)).unread;
}
