import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { tasks, users } from "@/db/schema";
import type { TaskStatus } from "@/lib/tasks/vocabulary";
import { withSettledOutbox } from "@/lib/notifications/reliability-cases";
import { defineHttpCases } from "@/lib/testing/http-cases";
import { hashCalendarToken } from "./calendar";

/** How the reliability suite (reliability/) reaches the task actions, pages, CSV export and calendar feed over HTTP. */
export async function userIdOf(db: DB, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

/** A fresh task in the given status, so every allowed role meets a valid target (as in authz-cases.ts). */
export async function insertTask(db: DB, status: TaskStatus, assignee: string, creator: string): Promise<string> {
  const [row] = await db
    .insert(tasks)
    .values({
      title: "Reliability suite task",
      assigneeId: await userIdOf(db, assignee),
      creatorId: await userIdOf(db, creator),
      dueOn: "2030-01-31",
      status,
    })
    .returning({ id: tasks.id });
  return row!.id;
}

// The secretariat's demo user is the assignee: only the assignee moves a task forward.
const MOVE = { file: "lib/tasks/actions.ts", exportName: "moveTaskAction" } as const;
const MOVE_WRITES = ["tasks", "task_events", "audit_log", "notifications"];
let sequence = 0;

export const httpCases = withSettledOutbox(
  defineHttpCases([
    {
      name: "tasks page",
      permission: "task.list",
      target: { kind: "page", path: "/tasks" },
      prepare: async () => ({ query: { status: "", mine: "" } }),
      writes: [],
    },
    {
      name: "task page",
      permission: "task.list",
      target: { kind: "page", path: "/tasks" },
      prepare: async (db) => ({ path: `/tasks/${await insertTask(db, "open", "staff2@example.org", "gov1@example.org")}` }),
      writes: [],
    },
    { name: "new task page", permission: "task.create", target: { kind: "page", path: "/tasks/new" }, prepare: async () => ({}), writes: [] },
    {
      name: "oversight page",
      permission: "oversight.view",
      target: { kind: "page", path: "/tasks/oversight" },
      prepare: async () => ({}),
      writes: [],
    },
    {
      name: "tasks CSV export",
      permission: "task.list",
      target: { kind: "route", method: "GET", path: "/api/tasks/export" },
      prepare: async () => ({ query: { status: "open", overdue: "", page: "1" } }),
      writes: [],
    },
    {
      name: "calendar feed",
      target: { kind: "route", method: "GET", path: "/api/calendar/token" },
      // A feed address of the second Secretariat member (the first regenerates their own in another entry).
      prepare: async (db) => {
        const token = `reliability${process.pid}x${++sequence}`.padEnd(24, "x");
        await db
          .update(users)
          .set({ calendarTokenHash: hashCalendarToken(token) })
          .where(eq(users.email, "staff2@example.org"));
        return { path: `/api/calendar/${token}.ics` };
      },
      writes: [],
    },
    {
      name: "create task",
      permission: "task.create",
      target: { kind: "action", file: "lib/tasks/actions.ts", exportName: "createTaskAction" },
      prepare: async (db) => ({
        fields: {
          title: "Prepare the annual report",
          description: "With the figures of the year.",
          assigneeId: await userIdOf(db, "staff2@example.org"),
          dueOn: "2030-02-01",
          priority: "normal",
          motionId: "",
          policyId: "",
        },
      }),
      // The assignee is told; no demo user of an allowed role is staff2, so every accepted call notifies.
      writes: ["tasks", "task_events", "audit_log", "notifications"],
      addsOneRowTo: ["tasks", "task_events", "audit_log", "notifications"],
    },
    {
      name: "start task",
      permission: "task.progress",
      target: { kind: "action", ...MOVE },
      prepare: async (db) => ({
        fields: { taskId: await insertTask(db, "open", "secretariat@example.org", "gov1@example.org"), move: "start", reason: "" },
      }),
      writes: MOVE_WRITES,
      addsOneRowTo: ["task_events", "audit_log"],
    },
    {
      name: "accept task",
      permission: "task.review",
      target: { kind: "action", ...MOVE },
      // The secretariat's demo user created it; directors and the Chair may review any task.
      prepare: async (db) => ({
        fields: { taskId: await insertTask(db, "in_review", "staff2@example.org", "secretariat@example.org"), move: "accept", reason: "" },
      }),
      writes: MOVE_WRITES,
      addsOneRowTo: ["task_events", "audit_log"],
    },
    {
      name: "block task",
      permission: "task.block",
      target: { kind: "action", ...MOVE },
      prepare: async (db) => ({
        fields: {
          taskId: await insertTask(db, "in_progress", "secretariat@example.org", "gov1@example.org"),
          move: "block",
          reason: "Waiting for the budget decision.",
        },
      }),
      writes: MOVE_WRITES,
      addsOneRowTo: ["task_events", "audit_log"],
    },
    {
      name: "post task progress",
      permission: "task.progress",
      target: { kind: "action", file: "lib/tasks/actions.ts", exportName: "postProgressAction" },
      prepare: async (db) => ({
        fields: {
          taskId: await insertTask(db, "in_progress", "secretariat@example.org", "gov1@example.org"),
          note: "Drafted the first section.",
          evidenceUrl: "https://example.org/draft",
        },
      }),
      writes: ["tasks", "task_events", "audit_log"],
      addsOneRowTo: ["task_events", "audit_log"],
    },
    {
      name: "regenerate calendar address",
      permission: "calendar.manage",
      target: { kind: "action", file: "lib/tasks/actions.ts", exportName: "regenerateCalendarAction" },
      prepare: async () => ({ fields: {} }),
      writes: ["users", "audit_log"],
      addsOneRowTo: ["audit_log"],
    },
  ]),
);
