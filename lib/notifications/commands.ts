import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/validation";

const markReadSchema = z.union([z.object({ all: z.literal(true) }), z.object({ ids: z.array(z.uuid()).min(1).max(500) })]);

/** Marks the caller's own notifications read: some, or all. Others' notifications are never touched. */
export async function markNotificationsRead(db: DB, actor: Actor | null, input: unknown): Promise<number> {
  const user = authorize(actor, "notification.markRead");
  const choice = parseInput(markReadSchema, input, "Choose which notifications to mark as read.");
  const target = "all" in choice ? undefined : inArray(notifications.id, choice.ids);
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt), target))
    .returning({ id: notifications.id });
  return updated.length;
}
