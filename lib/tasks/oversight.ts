import "server-only";
import { sql } from "drizzle-orm";
import { type DB, rowsOf } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { getTimezone } from "@/lib/settings";
import { addDays } from "./dates";
import { todayIn } from "@/lib/time";

export const OVERSIGHT_WINDOW_DAYS = 90;

export type AssigneeLoad = { id: string; name: string; open: number; overdue: number; doneRecently: number; doneOnTime: number };

/**
 * The Board's view of the Secretariat's work: per member of staff, tasks not done and how many are
 * overdue; tasks completed in the last 90 days and how many on time (completion date in the
 * organisation's timezone on or before the due date).
 */
export async function getOversight(db: DB, actor: Actor | null, now = new Date()) {
  authorize(actor, "oversight.view");
  const timeZone = await getTimezone(db);
  const today = todayIn(timeZone, now);
  const since = new Date(now.getTime() - OVERSIGHT_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const rows = rowsOf<{ id: string; name: string; open: number; overdue: number; done_recently: number; done_on_time: number }>(
    await db.execute(sql`
      select u.id, u.name,
        count(t.id) filter (where t.status <> 'done')::int as open,
        count(t.id) filter (where t.status <> 'done' and t.due_on < ${today}::date)::int as overdue,
        count(t.id) filter (where t.status = 'done' and t.completed_at >= ${since.toISOString()}::timestamptz and t.completed_at <= ${now.toISOString()}::timestamptz)::int as done_recently,
        count(t.id) filter (where t.status = 'done' and t.completed_at >= ${since.toISOString()}::timestamptz and t.completed_at <= ${now.toISOString()}::timestamptz
          and (t.completed_at at time zone ${timeZone})::date <= t.due_on)::int as done_on_time
      from users u
      left join tasks t on t.assignee_id = u.id
      where exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'secretariat')
         or exists (select 1 from tasks x where x.assignee_id = u.id)
      group by u.id, u.name
      order by u.name`),
  );
  const assignees: AssigneeLoad[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    open: r.open,
    overdue: r.overdue,
    doneRecently: r.done_recently,
    doneOnTime: r.done_on_time,
  }));
  const sum = (key: keyof Omit<AssigneeLoad, "id" | "name">) => assignees.reduce((n, a) => n + a[key], 0);
  const totals = { open: sum("open"), overdue: sum("overdue"), doneRecently: sum("doneRecently"), doneOnTime: sum("doneOnTime") };
  return {
    timeZone,
    today,
    windowStart: addDays(today, -OVERSIGHT_WINDOW_DAYS),
    assignees,
    totals,
    onTimeShare: totals.doneRecently ? totals.doneOnTime / totals.doneRecently : null,
  };
}
