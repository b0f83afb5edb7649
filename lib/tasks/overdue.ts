import { and, eq, lt, ne, notExists, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { notifications, tasks } from "@/db/schema";
import { notify } from "@/lib/notifications/notify";
import { getTimezone } from "@/lib/settings";
import { todayIn } from "./dates";

/**
 * "Your task is overdue" is computed when the inbox is read rather than by a scheduler: the
 * assignee's overdue tasks without a notice get one, at most once per task (its dedupe key).
 */
export async function recordOverdueNotices(db: DB, userId: string, now = new Date()): Promise<number> {
  const today = todayIn(now, await getTimezone(db));
  const key = sql`'task_overdue:' || ${tasks.id}::text`;
  const due = await db
    .select({ id: tasks.id, title: tasks.title, dueOn: tasks.dueOn })
    .from(tasks)
    .where(
      and(
        eq(tasks.assigneeId, userId),
        ne(tasks.status, "done"),
        lt(tasks.dueOn, today),
        notExists(
          db
            .select({ one: sql`1` })
            .from(notifications)
            .where(and(eq(notifications.userId, userId), eq(notifications.dedupeKey, key))),
        ),
      ),
    )
    .limit(200);
  if (due.length === 0) return 0;
  const written = await notify(
    db,
    due.map((task) => ({
      userId,
      kind: "task_overdue" as const,
      title: `Overdue: ${task.title}`,
      body: `It was due on ${task.dueOn}.`,
      href: `/tasks/${task.id}`,
      dedupeKey: `task_overdue:${task.id}`,
    })),
  );
  return written.length;
}
