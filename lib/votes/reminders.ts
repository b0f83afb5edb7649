import { sql } from "drizzle-orm";
import { type DB, rowsOf } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { notify } from "@/lib/notifications/notify";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Computed when read, no cron: for each open motion closing within 24 h on which this director is
 * on the roll, not recused and has not voted, one notice. The dedupe key per motion makes it at
 * most one, however often the pages are read.
 */
export async function remindClosingSoon(db: DB, actor: Actor | null, now = new Date()): Promise<number> {
  if (!actor) return 0;
  const due = rowsOf<{ id: string; title: string; closes_at: string | Date }>(
    await db.execute(sql`
      select m.id, m.title, m.closes_at from motions m
      join motion_roll r on r.motion_id = m.id and r.director_id = ${actor.id}::uuid
      where m.status = 'open' and m.closes_at > ${now.toISOString()}::timestamptz
        and m.closes_at <= ${new Date(now.getTime() + DAY_MS).toISOString()}::timestamptz
        and not exists (select 1 from ballots b where b.motion_id = m.id and b.director_id = r.director_id)
        and not exists (select 1 from recusals c where c.motion_id = m.id and c.director_id = r.director_id)`),
  );
  if (due.length === 0) return 0;
  const written = await notify(
    db,
    due.map((m) => ({
      userId: actor.id,
      kind: "motion_closing_soon" as const,
      title: `Closing within 24 hours: ${m.title}`,
      body: "You have not cast a ballot on this motion yet.",
      href: `/votes/${m.id}`,
      dedupeKey: `motion-closing:${m.id}`,
    })),
  );
  return written.length;
}
