import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, ne, or } from "drizzle-orm";
import type { DB } from "@/db/client";
import { tasks, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { buildCalendar } from "./ical";

/** Only a digest is stored, so a leaked database does not leak working feed addresses. */
export function hashCalendarToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a new secret feed token for the caller; the previous address stops working at once. */
export async function regenerateCalendarToken(db: DB, actor: Actor | null): Promise<{ token: string }> {
  const user = authorize(actor, "calendar.manage");
  const token = randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ calendarTokenHash: hashCalendarToken(token) })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: "calendar.regenerate",
      entityType: "user",
      entityId: user.id,
      after: { calendarFeed: "regenerated" },
    });
  });
  return { token };
}

/** Whether the caller has a feed address (its token is shown only when created). */
export async function hasCalendarToken(db: DB, actor: Actor): Promise<boolean> {
  const [row] = await db.select({ hash: users.calendarTokenHash }).from(users).where(eq(users.id, actor.id));
  return Boolean(row?.hash);
}

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

/**
 * The feed behind a secret token: the due dates of the tasks assigned to its owner or created by
 * them, not yet done. An unknown or revoked token is "not found", like any wrong address.
 */
export async function getCalendarFeed(db: DB, token: string, now = new Date()): Promise<string> {
  if (!TOKEN.test(token)) throw new AppError("not_found", "No calendar feed at this address.");
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.calendarTokenHash, hashCalendarToken(token)));
  const actor = owner ? await loadActor(db, owner.id) : null;
  if (!actor || !can(actor.roles, "calendar.manage")) throw new AppError("not_found", "No calendar feed at this address.");
  const rows = await db
    .select({ id: tasks.id, title: tasks.title, dueOn: tasks.dueOn, status: tasks.status, assigneeId: tasks.assigneeId })
    .from(tasks)
    .where(and(or(eq(tasks.assigneeId, actor.id), eq(tasks.creatorId, actor.id)), ne(tasks.status, "done")))
    .orderBy(asc(tasks.dueOn), asc(tasks.id))
    .limit(1000);
  return buildCalendar({
    name: `Pillars tasks: ${actor.name}`,
    now,
    events: rows.map((row) => ({
      uid: `task-${row.id}@pillars`,
      dueOn: row.dueOn,
      summary: `${row.assigneeId === actor.id ? "Due" : "Due (you assigned)"}: ${row.title}`,
      description: `Status: ${row.status.replace("_", " ")}. Open /tasks/${row.id} in Pillars.`,
    })),
  });
}
