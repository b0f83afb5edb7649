import "server-only";
import { aliasedTable, and, asc, count, desc, eq, exists, gte, lt, lte, ne, type SQL, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { isUuid } from "@/db/client";
import { motions, policies, taskEvents, tasks, userRoles, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getTimezone } from "@/lib/settings";
import { isOverdue, weekOf } from "./dates";
import { availableMoves, mayPostProgress } from "./rules";
import { type TaskFilter, taskFilterSchema } from "./schemas";
import { todayIn } from "@/lib/time";

export const TASK_PAGE_SIZE = 20;
const EXPORT_LIMIT = 5000;

const assignee = aliasedTable(users, "assignee");
const creator = aliasedTable(users, "creator");

function parseFilter(input: unknown): TaskFilter {
  return parseInput(taskFilterSchema, input, "The task filter is not valid.");
}

function conditionsOf(filter: TaskFilter, actor: Actor, today: string, week: { start: string; end: string }): SQL | undefined {
  const c: SQL[] = [];
  if (filter.mine) c.push(eq(tasks.assigneeId, actor.id));
  if (filter.created) c.push(eq(tasks.creatorId, actor.id));
  if (filter.status === "unfinished") c.push(ne(tasks.status, "done"));
  else if (filter.status !== "any") c.push(eq(tasks.status, filter.status));
  if (filter.overdue) c.push(and(lt(tasks.dueOn, today), ne(tasks.status, "done"))!);
  if (filter.week) c.push(and(gte(tasks.dueOn, week.start), lte(tasks.dueOn, week.end))!);
  if (filter.policyId) c.push(eq(tasks.policyId, filter.policyId));
  return c.length ? and(...c) : undefined;
}

function selectTaskRows(db: DB) {
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      status: tasks.status,
      priority: tasks.priority,
      dueOn: tasks.dueOn,
      completedAt: tasks.completedAt,
      assigneeName: assignee.name,
      creatorName: creator.name,
      policyTitle: policies.title,
      motionTitle: motions.title,
    })
    .from(tasks)
    .innerJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .innerJoin(creator, eq(creator.id, tasks.creatorId))
    .leftJoin(policies, eq(policies.id, tasks.policyId))
    .leftJoin(motions, eq(motions.id, tasks.motionId));
}

/** The filtered task list, soonest due first, one page at a time; overdue as seen in the organisation's timezone. */
export async function listTasks(db: DB, actor: Actor | null, input: unknown, now = new Date()) {
  const user = authorize(actor, "task.list");
  const filter = parseFilter(input);
  const timeZone = await getTimezone(db);
  const today = todayIn(timeZone, now);
  const where = conditionsOf(filter, user, today, weekOf(now, timeZone));
  const [rows, [total]] = await Promise.all([
    selectTaskRows(db)
      .where(where)
      .orderBy(asc(tasks.dueOn), asc(tasks.title), asc(tasks.id))
      .limit(TASK_PAGE_SIZE)
      .offset((filter.page - 1) * TASK_PAGE_SIZE),
    db.select({ n: count() }).from(tasks).where(where),
  ]);
  const n = total?.n ?? 0;
  return {
    filter,
    today,
    total: n,
    pages: Math.max(1, Math.ceil(n / TASK_PAGE_SIZE)),
    rows: rows.map((row) => ({ ...row, overdue: isOverdue(row, now, timeZone) })),
  };
}

/** Every task the filter matches (no paging), for the CSV export. */
export async function listTasksForExport(db: DB, actor: Actor | null, input: unknown, now = new Date()) {
  const user = authorize(actor, "task.list");
  const filter = parseFilter(input);
  const timeZone = await getTimezone(db);
  const where = conditionsOf(filter, user, todayIn(timeZone, now), weekOf(now, timeZone));
  const rows = await selectTaskRows(db).where(where).orderBy(asc(tasks.dueOn), asc(tasks.title), asc(tasks.id)).limit(EXPORT_LIMIT);
  return rows.map((row) => ({ ...row, overdue: isOverdue(row, now, timeZone) }));
}

/** One task with its timeline (oldest first) and what the caller may do with it now. */
export async function getTaskDetail(db: DB, actor: Actor | null, id: string, now = new Date()) {
  const user = authorize(actor, "task.list");
  if (!isUuid(id)) throw new AppError("not_found", "That task does not exist.");
  const [task] = await db
    .select({
      task: tasks,
      assigneeName: assignee.name,
      creatorName: creator.name,
      policyTitle: policies.title,
      policySlug: policies.slug,
      motionTitle: motions.title,
    })
    .from(tasks)
    .innerJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .innerJoin(creator, eq(creator.id, tasks.creatorId))
    .leftJoin(policies, eq(policies.id, tasks.policyId))
    .leftJoin(motions, eq(motions.id, tasks.motionId))
    .where(eq(tasks.id, id));
  if (!task) throw new AppError("not_found", "That task does not exist.");
  const timeline = await db
    .select({
      id: taskEvents.id,
      kind: taskEvents.kind,
      fromStatus: taskEvents.fromStatus,
      toStatus: taskEvents.toStatus,
      note: taskEvents.note,
      evidenceUrl: taskEvents.evidenceUrl,
      createdAt: taskEvents.createdAt,
      actorName: users.name,
    })
    .from(taskEvents)
    .innerJoin(users, eq(users.id, taskEvents.actorId))
    .where(eq(taskEvents.taskId, id))
    .orderBy(asc(taskEvents.createdAt), asc(taskEvents.id));
  const timeZone = await getTimezone(db);
  return {
    ...task,
    timeZone,
    timeline,
    overdue: isOverdue(task.task, now, timeZone),
    moves: availableMoves(task.task, user),
    canPostProgress: mayPostProgress(task.task, user),
  };
}

/** Members of the Secretariat, who can be assigned tasks. */
export async function listAssigneeChoices(db: DB) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "secretariat")))
    .orderBy(asc(users.name));
}

/** Policies that at least one task is linked to, for the list's filter. */
export async function listLinkedPolicies(db: DB) {
  return db
    .select({ id: policies.id, title: policies.title })
    .from(policies)
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(tasks)
          .where(eq(tasks.policyId, policies.id)),
      ),
    )
    .orderBy(asc(policies.title));
}

/** Policies and motions a task can be linked to. */
export async function listLinkChoices(db: DB) {
  const [policyRows, motionRows] = await Promise.all([
    db.select({ id: policies.id, title: policies.title }).from(policies).orderBy(asc(policies.title)),
    db.select({ id: motions.id, title: motions.title, status: motions.status }).from(motions).orderBy(desc(motions.createdAt)),
  ]);
  return { policies: policyRows, motions: motionRows };
}
