import "server-only";
import { and, asc, desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { escapeLike } from "@/db/sql";
import { organizationStatusHistory, organizations, pillars } from "@/db/schema";
import type { MembershipStatus } from "@/lib/registry/vocabulary";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getTimezone } from "@/lib/settings";
import { isInGoodStanding } from "./rules";
import { REGISTRY_PAGE_SIZE, type RegistrySearch, registrySearchSchema } from "./schemas";
import { todayIn } from "@/lib/time";

/**
 * Good standing as SQL, for filtering. It mirrors `isInGoodStanding` in rules.ts; `today` is
 * computed once in TypeScript in the organisation's timezone and passed in, so both agree on the
 * boundary day (a test compares them on every seeded organisation).
 */
export function goodStandingSql(today: string): SQL {
  return sql`coalesce((${organizations.membershipStatus} = 'certified_member' and ${organizations.certificationExpiresOn} >= ${today}::date)
    or (${organizations.membershipStatus} = 'transitional_member'
        and (${organizations.certificationExpiresOn} is null or ${organizations.certificationExpiresOn} >= ${today}::date)), false)`;
}

export type RegistryEntry = {
  slug: string;
  name: string;
  pillar: string;
  pillarName: string;
  country: string | null;
  website: string | null;
  membershipStatus: MembershipStatus | null;
  goodStanding: boolean;
  certification: { standard: string | null; expiresOn: string | null };
};

const COLUMNS = {
  id: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  pillar: pillars.id,
  pillarName: pillars.name,
  country: organizations.country,
  website: organizations.website,
  membershipStatus: organizations.membershipStatus,
  standard: organizations.certificationStandard,
  expiresOn: organizations.certificationExpiresOn,
};

type Row = {
  slug: string;
  name: string;
  pillar: string;
  pillarName: string;
  country: string | null;
  website: string | null;
  membershipStatus: MembershipStatus | null;
  standard: string | null;
  expiresOn: string | null;
};

function toEntry(row: Row, today: string): RegistryEntry {
  return {
    slug: row.slug,
    name: row.name,
    pillar: row.pillar,
    pillarName: row.pillarName,
    country: row.country,
    website: row.website,
    membershipStatus: row.membershipStatus,
    goodStanding: isInGoodStanding({ membershipStatus: row.membershipStatus, certificationExpiresOn: row.expiresOn }, today),
    certification: { standard: row.standard, expiresOn: row.expiresOn },
  };
}

/** When the answer was computed, and the calendar day (in the organisation's timezone) standing was judged on. */
async function asOf(db: DB) {
  const now = new Date();
  const timezone = await getTimezone(db);
  return { asOf: now.toISOString(), today: todayIn(timezone, now), timezone };
}

/** Public registry search. Bad parameters are refused with a 400-style error naming the field. */
export async function searchRegistry(db: DB, input: unknown) {
  const filter: RegistrySearch = parseInput(registrySearchSchema, input, (fields) => {
    const detail = Object.entries(fields)
      .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
      .join("; ");
    return `Bad search parameters (${detail}).`;
  });
  if (filter.pillar) {
    const [pillar] = await db.select({ id: pillars.id }).from(pillars).where(eq(pillars.id, filter.pillar));
    if (!pillar) throw new AppError("invalid", "Bad search parameters (pillar: Unknown pillar).", { pillar: ["Unknown pillar."] });
  }
  const time = await asOf(db);
  // The Association itself (no pillar) is no member of the registry.
  const conditions: SQL[] = [isNotNull(organizations.pillarId)];
  if (filter.q) conditions.push(sql`${organizations.name} ilike ${`%${escapeLike(filter.q)}%`} escape '\\'`);
  if (filter.country) conditions.push(eq(organizations.country, filter.country));
  if (filter.pillar) conditions.push(eq(organizations.pillarId, filter.pillar));
  if (filter.status) conditions.push(eq(organizations.membershipStatus, filter.status));
  if (filter.goodStanding !== undefined) {
    conditions.push(filter.goodStanding ? goodStandingSql(time.today) : sql`not ${goodStandingSql(time.today)}`);
  }
  const where = and(...conditions);
  // The page and the count are two statements: a window count would read and sort every match.
  const [rows, [count]] = await Promise.all([
    db
      .select(COLUMNS)
      .from(organizations)
      .innerJoin(pillars, eq(pillars.id, organizations.pillarId))
      .where(where)
      .orderBy(asc(organizations.name), asc(organizations.slug))
      .limit(REGISTRY_PAGE_SIZE)
      .offset((filter.page - 1) * REGISTRY_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(organizations)
      .where(where),
  ]);
  const total = count?.n ?? 0;
  return { ...time, filter, page: filter.page, pageSize: REGISTRY_PAGE_SIZE, total, results: rows.map((row) => toEntry(row, time.today)) };
}

/** One organisation with its dated status history, newest first; null for an unknown slug. Public. */
export async function getRegistryEntry(db: DB, slug: string) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 100) return null;
  const [row] = await db
    .select(COLUMNS)
    .from(organizations)
    .innerJoin(pillars, eq(pillars.id, organizations.pillarId))
    .where(eq(organizations.slug, slug));
  if (!row) return null;
  const time = await asOf(db);
  const history = await db
    .select({
      fromStatus: organizationStatusHistory.fromStatus,
      toStatus: organizationStatusHistory.toStatus,
      effectiveOn: organizationStatusHistory.effectiveOn,
      reason: organizationStatusHistory.reason,
    })
    .from(organizationStatusHistory)
    .where(eq(organizationStatusHistory.organizationId, row.id))
    .orderBy(desc(organizationStatusHistory.effectiveOn), desc(organizationStatusHistory.changedAt));
  return { ...time, id: row.id, entry: toEntry(row, time.today), statusHistory: history };
}

/** Pillars to filter by, in their order. */
export async function listPillars(db: DB) {
  return db.select({ id: pillars.id, name: pillars.name }).from(pillars).orderBy(asc(pillars.sortOrder), asc(pillars.name));
}

/** Every organisation for the Secretariat and administrators, with its standing. */
export async function listOrganizationsForStaff(db: DB, actor: Actor | null) {
  authorize(actor, "organization.manage");
  const time = await asOf(db);
  const rows = await db
    .select(COLUMNS)
    .from(organizations)
    .innerJoin(pillars, eq(pillars.id, organizations.pillarId))
    .orderBy(asc(pillars.sortOrder), asc(organizations.name));
  return { ...time, organizations: rows.map((row) => ({ id: row.id, ...toEntry(row, time.today) })) };
}

/** One organisation for editing, or null. */
export async function getOrganizationForStaff(db: DB, actor: Actor | null, slug: string) {
  authorize(actor, "organization.manage");
  return getRegistryEntry(db, slug);
}
