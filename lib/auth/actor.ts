import { sql } from "drizzle-orm";
import { type DB, isUuid, rowsOf } from "@/db/client";
import type { Role } from "./permissions";

/** The acting user, with roles read fresh from the database: stored roles plus those a seat confers. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  pillarId: string;
  pillarName: string;
  roles: Role[];
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

export async function loadActorAndTimezone(db: DB, userId: string): Promise<{ actor: Actor; timezone: string | null } | null> {
  if (!isUuid(userId)) return null;
  const result = await db.execute(sql`
    select u.id, u.email, u.name, u.organization_id as "organizationId", o.name as "organizationName",
           p.id as "pillarId", p.name as "pillarName",
           (select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id) as stored_roles,
           t.office, (t.id is not null) as has_seat,
           (select s.value from settings s where s.key = 'timezone') as timezone,
           (select s.value from settings s where s.key = 'two_factor_required_roles') as two_factor_roles,
           exists (select 1 from totp_factors f where f.user_id = u.id and f.enabled_at is not null) as has_two_factor
    from users u
    join organizations o on o.id = u.organization_id
    join pillars p on p.id = o.pillar_id
    left join seat_terms t on t.holder_id = u.id and t.ended_at is null
    where u.id = ${userId}::uuid`);
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
  };
  const required = (row.two_factor_roles ?? "").split(",").filter(Boolean);
  if (!row.has_two_factor && actor.roles.some((role) => required.includes(role))) actor.mustEnrolTwoFactor = true;
  return { actor, timezone: row.timezone };
}
