import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./people";
import { policies } from "./policies";
import { motions } from "./votes";
import type { TaskEventKind, TaskPriority, TaskStatus } from "../../lib/tasks/vocabulary";

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id),
    dueOn: date("due_on").notNull(),
    priority: text("priority").notNull().default("normal").$type<TaskPriority>(),
    status: text("status").notNull().default("open").$type<TaskStatus>(),
    // The status a blocked task returns to when it is unblocked.
    blockedFrom: text("blocked_from").$type<TaskStatus>(),
    blockedReason: text("blocked_reason"),
    motionId: uuid("motion_id").references(() => motions.id),
    policyId: uuid("policy_id").references(() => policies.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    // The assignee who has been told this task is overdue. Reading notices only looks at overdue
    // tasks whose assignee has not been told, so the check stays cheap however many are overdue.
    overdueNoticeTo: uuid("overdue_notice_to").references(() => users.id),
  },
  (t) => [
    check("tasks_status_valid", sql`${t.status} IN ('open','in_progress','in_review','done','blocked')`),
    check("tasks_priority_valid", sql`${t.priority} IN ('low','normal','high')`),
    check(
      "tasks_blocked_fields",
      sql`(${t.status} = 'blocked') = (${t.blockedFrom} IS NOT NULL AND length(trim(coalesce(${t.blockedReason}, ''))) > 0)`,
    ),
    check("tasks_blocked_from_valid", sql`${t.blockedFrom} IS NULL OR ${t.blockedFrom} IN ('open','in_progress','in_review')`),
    check("tasks_done_has_completion", sql`(${t.status} = 'done') = (${t.completedAt} IS NOT NULL)`),
    check("tasks_title_not_blank", sql`length(trim(${t.title})) > 0`),
    index("tasks_assignee_idx").on(t.assigneeId, t.status, t.dueOn),
    index("tasks_creator_idx").on(t.creatorId, t.dueOn),
    index("tasks_due_idx").on(t.dueOn),
    index("tasks_policy_idx").on(t.policyId),
    index("tasks_motion_idx").on(t.motionId),
    // A member of staff's open tasks, soonest due first (the dashboard).
    index("tasks_open_by_assignee_idx")
      .on(t.assigneeId, t.dueOn)
      .where(sql`${t.status} <> 'done'`),
    index("tasks_overdue_untold_idx")
      .on(t.assigneeId, t.dueOn)
      .where(sql`${t.status} <> 'done' AND ${t.overdueNoticeTo} IS DISTINCT FROM ${t.assigneeId}`),
  ],
);

/** The task timeline: status changes and progress updates, oldest first. */
export const taskEvents = pgTable(
  "task_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull().$type<TaskEventKind>(),
    fromStatus: text("from_status").$type<TaskStatus>(),
    toStatus: text("to_status").$type<TaskStatus>(),
    note: text("note"),
    evidenceUrl: text("evidence_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("task_events_kind_valid", sql`${t.kind} IN ('created','status','progress','returned','blocked','unblocked')`),
    check(
      "task_events_statuses_valid",
      sql`(${t.fromStatus} IS NULL OR ${t.fromStatus} IN ('open','in_progress','in_review','done','blocked'))
        AND (${t.toStatus} IS NULL OR ${t.toStatus} IN ('open','in_progress','in_review','done','blocked'))`,
    ),
    check("task_events_reason_required", sql`${t.kind} NOT IN ('returned','blocked','progress') OR length(trim(coalesce(${t.note}, ''))) > 0`),
    check("task_events_evidence_is_http", sql`${t.evidenceUrl} IS NULL OR ${t.evidenceUrl} ~ '^https?://'`),
    index("task_events_task_idx").on(t.taskId, t.createdAt),
  ],
);
