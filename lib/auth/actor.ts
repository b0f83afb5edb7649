import { sql } from "drizzle-orm";
import { type DB, isUuid, rowsOf } from "@/db/client";
import type { Role } from "./permissions";
import { LAST_SEEN_EVERY_SECONDS, SESSION_MAX_AGE_SECONDS } from "./sessions";

/** The acting user, with roles read fresh from the database: stored roles plus those a seat confers. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  /** Null for the Association's own people (Secretariat, administrators): the Association is no pillar. */
  pillarId: string | null;
  pillarName: string | null;
  roles: Role[];
  /** The session the request came with (absent when loaded outside a request, as tests do). */
  sessionId?: string;
  /** Two-factor sign-in is required for one of the roles and not yet on: only enrolling is open. */
  mustEnrolTwoFactor?: boolean;
};

type ActorRow = Omit<Actor, "roles" | "mustEnrolTwoFactor"> & {
  stored_roles: string[] | null;
  office: string | null;
  has_seat: boolean;
  timezone: string | null;
  two_factor_roles: string | null;
  has_two_factor: boolean;
};

/**
 * Loads a user and their roles in one statement. `director` follows from a current seat term,
 * `chair` from that term's Chair or Vice-chair office, so both end with the term. The same
 * statement reads the organisation's timezone, which nearly every page needs.
 */
export async function loadActor(db: DB, userId: string): Promise<Actor | null> {
  return (await loadActorAndTimezone(db, userId))?.actor ?? null;
}

/**
 * With a `sessionId` (every request), the user is loaded only while that session is open, recent and
 * the account active; the same statement notes the session as seen, at most once a minute.
 */
export async function loadActorAndTimezone(db: DB, userId: string, sessionId?: string): Promise<{ actor: Actor; timezone: string | null } | null> {
  if (!isUuid(userId) || (sessionId !== undefined && !isUuid(sessionId))) return null;
  const live = sessionId
    ? sql`and u.deactivated_at is null and exists (
        select 1 from sessions s where s.id = ${sessionId}::uuid and s.user_id = u.id and s.ended_at is null
          and s.last_seen_at > now() - make_interval(secs => ${SESSION_MAX_AGE_SECONDS}))`
    : sql``;
  // A data-modifying CTE runs whether or not the query reads it: one statement in all.
  const seen = sessionId
    ? sql`with seen as (
        update sessions set last_seen_at = now()
        where id = ${sessionId}::uuid and ended_at is null and user_id = ${userId}::uuid
          and last_seen_at < now() - make_interval(secs => ${LAST_SEEN_EVERY_SECONDS})
          and last_seen_at > now() - make_interval(secs => ${SESSION_MAX_AGE_SECONDS})
        returning id)`
    : sql``;
  const result = await db.execute(sql`
    ${seen}
    select u.id, u.email, u.name, u.organization_id as "organizationId", o.name as "organizationName",
           p.id as "pillarId", p.name as "pillarName",
           (select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id) as stored_roles,
           t.office, (t.id is not null) as has_seat,
           (select s.value from settings s where s.key = 'timezone') as timezone,
           (select s.value from settings s where s.key = 'two_factor_required_roles') as two_factor_roles,
           exists (select 1 from totp_factors f where f.user_id = u.id and f.enabled_at is not null) as has_two_factor
    from users u
    join organizations o on o.id = u.organization_id
    left join pillars p on p.id = o.pillar_id
    left join seat_terms t on t.holder_id = u.id and t.ended_at is null
    where u.id = ${userId}::uuid ${live}`);
  const row = rowsOf<ActorRow>(result)[0];
  if (!row) return null;
  const roles = new Set<Role>((row.stored_roles ?? []) as Role[]);
  if (row.has_seat) roles.add("director");
  if (row.office === "chair" || row.office === "vice_chair") roles.add("chair");
  const actor: Actor = {
    id: row.id,
    email: row.email,
    name: row.name,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    pillarId: row.pillarId,
    pillarName: row.pillarName,
    roles: [...roles],
    ...(sessionId ? { sessionId } : {}),
  };
  const required = (row.two_factor_roles ?? "").split(",").filter(Boolean);
  if (!row.has_two_factor && actor.roles.some((role) => required.includes(role))) actor.mustEnrolTwoFactor = true;
  return { actor, timezone: row.timezone };
}
