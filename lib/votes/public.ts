import "server-only";
import { type DB, isUuid } from "@/db/client";
import { cachedPublicRead, PUBLIC_TAGS } from "@/lib/public/cache";
import { getTimezone } from "@/lib/settings";
import { finaliseDueMotions } from "./finalise";
import { finaliseIfDueAndGetMotion, listMotions, type MotionDetail, type MotionSummary } from "./queries";

/**
 * What anonymous readers see of votes, through the public cache (lib/public/cache.ts). Motions past
 * their closing time are finalised first, outside the cache: finalising writes an audit row, so the
 * read that follows misses the cache and shows the result. A motion's result and closing also expire
 * the `votes` tag. The cache keeps JSON, so dates come back as strings and are made dates again.
 */
export async function finaliseDueAndReadPublicVotes(db: DB): Promise<{ motions: MotionSummary[]; timeZone: string }> {
  await finaliseDueMotions(db);
  const read = await cachedPublicRead(db, PUBLIC_TAGS.votes, ["votes"], async () => {
    const [motions, timeZone] = await Promise.all([listMotions(db, null), getTimezone(db)]);
    return { motions, timeZone };
  });
  return {
    timeZone: read.timeZone,
    motions: read.motions.map((m) => ({ ...m, closesAt: new Date(m.closesAt), closedAt: dateOrNull(m.closedAt) })),
  };
}

/** A closed motion as the public reads it (null for any other), through the public cache. */
export async function finaliseDueAndReadPublicMotion(db: DB, id: string): Promise<MotionDetail | null> {
  if (!isUuid(id)) return null;
  await finaliseDueMotions(db);
  const motion = await cachedPublicRead(db, PUBLIC_TAGS.votes, ["motion", id], () => finaliseIfDueAndGetMotion(db, null, id));
  if (!motion) return null;
  return {
    ...motion,
    closesAt: new Date(motion.closesAt),
    openedAt: dateOrNull(motion.openedAt),
    closedAt: dateOrNull(motion.closedAt),
    createdAt: new Date(motion.createdAt),
    withdrawnAt: dateOrNull(motion.withdrawnAt),
    result: motion.result ? { ...motion.result, decidedAt: new Date(motion.result.decidedAt) } : null,
  };
}

function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
