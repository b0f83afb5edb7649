import { sql } from "drizzle-orm";
import { type DB, rowsOf } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getTimezone } from "@/lib/settings";
import { todayIn } from "@/lib/time";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The header shows the unread count up to this many, then "99+". */
export const UNREAD_COUNT_CAP = 100;

/** Overdue notices written by one read at most; the next read writes the rest. */
const OVERDUE_BATCH = 200;

/**
 * Notices that fall due with time are written when the user's notices are read, with no
 * scheduler, at most once each, and in the same statement that counts the unread notices:
 * - "Overdue: …" for each of the user's tasks past its due date (in the organisation's timezone)
 *   whose assignee has not been told yet (the task remembers who was told);
 * - "Closing within 24 hours: …" for a director on the roll of an open motion closing within a
 *   day who has neither voted nor recused.
 * Rows another request is writing at the same moment are skipped, not waited for.
 * Returns how many notices were written and the unread count, capped at UNREAD_COUNT_CAP.
 */
export async function recordDueNotices(db: DB, actor: Actor, now = new Date()): Promise<{ written: number; unread: number }> {
  const today = todayIn(await getTimezone(db), now);
  const director = actor.roles.includes("director");
  const result = await db.execute(sql`
    with untold as materialized (
      select id from tasks
      where assignee_id = ${actor.id}::uuid and status <> 'done' and due_on < ${today}::date
        and overdue_notice_to is distinct from assignee_id
      order by due_on, id
      limit ${OVERDUE_BATCH}
      for update skip locked),
    overdue as (
      update tasks t set overdue_notice_to = t.assignee_id
      from untold where t.id = untold.id
      returning t.id, t.title, t.due_on),
    closing as (
      select m.id, m.title from motions m
      join motion_roll r on r.motion_id = m.id and r.director_id = ${actor.id}::uuid
      where ${director}::boolean and m.status = 'open'
        and m.closes_at > ${now.toISOString()}::timestamptz
        and m.closes_at <= ${new Date(now.getTime() + DAY_MS).toISOString()}::timestamptz
        and not exists (select 1 from ballots b where b.motion_id = m.id and b.director_id = r.director_id)
        and not exists (select 1 from recusals c where c.motion_id = m.id and c.director_id = r.director_id)
        and not exists (select 1 from notifications n where n.user_id = r.director_id and n.dedupe_key = 'motion-closing:' || m.id::text)),
    written as (
      insert into notifications (user_id, kind, title, body, href, dedupe_key)
      select ${actor.id}::uuid, 'task_overdue', 'Overdue: ' || title, 'It was due on ' || to_char(due_on, 'YYYY-MM-DD') || '.',
             '/tasks/' || id::text, 'task_overdue:' || id::text
      from overdue
      union all
      select ${actor.id}::uuid, 'motion_closing_soon', 'Closing within 24 hours: ' || title, 'You have not cast a ballot on this motion yet.',
             '/votes/' || id::text, 'motion-closing:' || id::text
      from closing
      on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
      returning 1)
    select (select count(*)::int from written) as written,
           (select count(*)::int from (
              select 1 from notifications where user_id = ${actor.id}::uuid and read_at is null limit ${UNREAD_COUNT_CAP}) u) as unread`);
  const row = rowsOf<{ written: number; unread: number }>(result)[0]!;
  // The statement's count cannot see its own inserts; every notice it wrote is unread.
  return { written: row.written, unread: Math.min(UNREAD_COUNT_CAP, row.unread + row.written) };
}
