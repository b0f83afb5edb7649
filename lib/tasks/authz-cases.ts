import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { tasks, users } from "@/db/schema";
import type { TaskStatus } from "@/lib/tasks/vocabulary";
import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { regenerateCalendarToken } from "./calendar";
import { advanceTask, blockTask, createTask, reviewTask } from "./commands";
import { getOversight } from "./oversight";
import { listTasks } from "./queries";

async function userId(db: DB, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

/** A fresh task in the given status, so every allowed role meets a valid target. */
async function freshTask(db: DB, status: TaskStatus, assignee: string, creator: string): Promise<{ taskId: string }> {
  const [row] = await db
    .insert(tasks)
    .values({
      title: "Authorization walk task",
      assigneeId: await userId(db, assignee),
      creatorId: await userId(db, creator),
      dueOn: "2030-01-31",
      status,
    })
    .returning({ id: tasks.id });
  return { taskId: row!.id };
}

export const cases = defineAuthzCases({
  "task.create": authzCase({
    prepare: async (db) => ({ assigneeId: await userId(db, "staff2@example.org") }),
    run: (db, actor, p) =>
      createTask(db, actor, { title: "Prepare the annual report", assigneeId: p.assigneeId, dueOn: "2030-02-01", priority: "normal" }),
  }),
  "task.list": authzCase({ run: (db, actor) => listTasks(db, actor, {}) }),
  // The secretariat's demo user is the assignee: only the assignee moves a task forward.
  "task.progress": authzCase({
    prepare: (db) => freshTask(db, "open", "secretariat@example.org", "gov1@example.org"),
    run: (db, actor, p) => advanceTask(db, actor, { taskId: p.taskId, move: "start" }),
  }),
  // The secretariat's demo user created it; directors and the Chair may review any task.
  "task.review": authzCase({
    prepare: (db) => freshTask(db, "in_review", "staff2@example.org", "secretariat@example.org"),
    run: (db, actor, p) => reviewTask(db, actor, { taskId: p.taskId, move: "accept" }),
  }),
  "task.block": authzCase({
    prepare: (db) => freshTask(db, "in_progress", "secretariat@example.org", "gov1@example.org"),
    run: (db, actor, p) => blockTask(db, actor, { taskId: p.taskId, move: "block", reason: "Waiting for the budget decision." }),
  }),
  "oversight.view": authzCase({ run: (db, actor) => getOversight(db, actor) }),
  "calendar.manage": authzCase({ run: (db, actor) => regenerateCalendarToken(db, actor) }),
});
