import "server-only";
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { type DB, isUuid } from "@/db/client";
import { escapeLike } from "@/db/sql";
import {
  auditLog,
  boardSeats,
  comments,
  consultations,
  decisionRules,
  invitations,
  motions,
  organizations,
  pillars,
  policies,
  tasks,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { type Action, can } from "@/lib/auth/permissions";
import { getTimezone } from "@/lib/settings";
import { parseMoment } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { type AuditRecord, type AuditSubject, describeAudit } from "./sentences";

export const AUDIT_PAGE_SIZE = 50;

/** The kinds of record the log can be filtered by, as readers name them. */
export const AUDIT_ENTITY_TYPES = {
  motion: "Motions and ballots",
  policy: "Policies",
  consultation: "Consultations",
  comment: "Comments",
  organization: "Registry",
  seat: "Board seats",
  user: "People and sign-in",
  invitation: "Invitations",
  task: "Tasks",
  decision_rule: "Decision rules",
  setting: "Settings",
} as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = z
  .string()
  .trim()
  .refine((v) => v === "" || DATE.test(v), "Use a date such as 2026-03-31.")
  .optional()
  .default("");

export const auditFilterSchema = z.object({
  entityType: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z_]*$/, "Entity types are lowercase words.")
    .optional()
    .default(""),
  // PostgreSQL stores no NUL character, and would refuse the whole query for one.
  entityId: z
    .string()
    .trim()
    .max(100)
    .regex(/^[^\0]*$/, "Entity ids cannot contain a NUL (\\0) character.")
    .optional()
    .default(""),
  person: z
    .string()
    .trim()
    .max(200, "A name or email of at most 200 characters.")
    .regex(/^[^\0]*$/, "A name cannot contain a NUL (\\0) character.")
    .optional()
    .default(""),
  from: date,
  to: date,
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditLine = {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  sentence: string;
  actorId: string | null;
  actorName: string | null;
  subject: AuditSubject | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/**
 * The audit log, newest first, as sentences with links to what each row is about; filtered by
 * kind, item, person (name or email of who acted) and dates in the Association's timezone.
 * Read by the Board and the Secretariat. A page costs the rows' statement and one per kind of item
 * on it (at most eleven), whatever the log's size.
 */
export async function listAuditEntries(db: DB, actor: Actor | null, input: unknown) {
  const reader = authorize(actor, "audit.read");
  const filter = parseInput(auditFilterSchema, input, "The audit filter is not valid.");
  const timeZone = await getTimezone(db);
  const conditions: SQL[] = [];
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.person) {
    const pattern = `%${escapeLike(filter.person)}%`;
    conditions.push(
      sql`${auditLog.actorId} in (select u.id from users u where u.name ilike ${pattern} escape '\\' or u.email ilike ${pattern} escape '\\')`,
    );
  }
  const from = filter.from ? parseMoment(`${filter.from}T00:00`, timeZone) : null;
  const to = filter.to ? parseMoment(`${filter.to}T00:00`, timeZone) : null;
  if (filter.from && !from) throw invalidDate("from");
  if (filter.to && !to) throw invalidDate("to");
  if (from) conditions.push(gte(auditLog.at, from));
  if (to) conditions.push(lt(auditLog.at, new Date(to.getTime() + 24 * 3600 * 1000)));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      requestId: auditLog.requestId,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorPillar: pillars.shortName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(pillars, eq(pillars.id, organizations.pillarId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const subjects = await loadSubjects(db, reader, page);
  const people = await loadPeople(db, page);
  const lines: AuditLine[] = page.map((row) => {
    const subject = subjects.get(`${row.entityType}:${row.entityId}`) ?? null;
    const record: AuditRecord = {
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "A former member", pillar: row.actorPillar } : null,
      subject,
      people,
    };
    return {
      id: row.id,
      at: row.at,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      sentence: describeAudit(record),
      actorId: row.actorId,
      actorName: row.actorName,
      subject,
      before: row.before,
      after: row.after,
      requestId: row.requestId,
    };
  });
  return { filter, timeZone, lines, hasMore: rows.length > AUDIT_PAGE_SIZE };
}

function invalidDate(field: "from" | "to") {
  return new AppError("invalid", "The audit filter is not valid.", { [field]: ["That date does not exist."] });
}

type Row = { entityType: string; entityId: string; before: unknown; after: unknown };

function idsOf(rows: Row[], type: string): string[] {
  return [...new Set(rows.filter((r) => r.entityType === type && isUuid(r.entityId)).map((r) => r.entityId))];
}

/** Each row's item, by kind: one statement per kind on the page. Links only where the reader may go. */
async function loadSubjects(db: DB, reader: Actor, rows: Row[]): Promise<Map<string, AuditSubject>> {
  const out = new Map<string, AuditSubject>();
  const may = (action: Action) => can(reader.roles, action);
  const put = (type: string, id: string, label: string, href: string | null) => out.set(`${type}:${id}`, { label, href });
  const ids = (type: string) => idsOf(rows, type);
  const jobs: Promise<void>[] = [];
  const kind = (type: string, load: (ids: string[]) => Promise<void>) => {
    const list = ids(type);
    if (list.length) jobs.push(load(list));
  };
  kind("motion", async (list) => {
    for (const m of await db.select({ id: motions.id, title: motions.title }).from(motions).where(inArray(motions.id, list)))
      put("motion", m.id, m.title, `/votes/${m.id}`);
  });
  kind("policy", async (list) => {
    for (const p of await db.select({ id: policies.id, title: policies.title, slug: policies.slug }).from(policies).where(inArray(policies.id, list)))
      put("policy", p.id, p.title, `/policies/${p.slug}`);
  });
  kind("consultation", async (list) => {
    const found = await db
      .select({ id: consultations.id, title: policies.title, slug: policies.slug })
      .from(consultations)
      .innerJoin(policies, eq(policies.id, consultations.policyId))
      .where(inArray(consultations.id, list));
    for (const c of found) put("consultation", c.id, c.title, `/policies/${c.slug}/consultations/${c.id}`);
  });
  kind("comment", async (list) => {
    const found = await db
      .select({ id: comments.id, consultationId: consultations.id, title: policies.title, slug: policies.slug })
      .from(comments)
      .innerJoin(consultations, eq(consultations.id, comments.consultationId))
      .innerJoin(policies, eq(policies.id, consultations.policyId))
      .where(inArray(comments.id, list));
    for (const c of found) put("comment", c.id, c.title, `/policies/${c.slug}/consultations/${c.consultationId}`);
  });
  kind("organization", async (list) => {
    const found = await db
      .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
      .from(organizations)
      .where(inArray(organizations.id, list));
    for (const o of found) put("organization", o.id, o.name, o.slug ? `/registry/${o.slug}` : null);
  });
  kind("seat", async (list) => {
    const found = await db
      .select({ id: boardSeats.id, number: boardSeats.number, pillar: pillars.name })
      .from(boardSeats)
      .innerJoin(pillars, eq(pillars.id, boardSeats.pillarId))
      .where(inArray(boardSeats.id, list));
    for (const s of found) put("seat", s.id, `${s.pillar} seat ${s.number}`, may("seat.manage") ? `/admin/seats/${s.id}` : "/board");
  });
  kind("user", async (list) => {
    for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list)))
      put("user", u.id, u.name, may("user.manageSessions") ? `/admin/users/${u.id}` : null);
  });
  kind("task", async (list) => {
    for (const t of await db.select({ id: tasks.id, title: tasks.title }).from(tasks).where(inArray(tasks.id, list)))
      put("task", t.id, t.title, may("task.list") ? `/tasks/${t.id}` : null);
  });
  kind("invitation", async (list) => {
    for (const i of await db.select({ id: invitations.id, name: invitations.name }).from(invitations).where(inArray(invitations.id, list)))
      put("invitation", i.id, i.name, may("invitation.list") ? "/admin/invitations" : null);
  });
  kind("decision_rule", async (list) => {
    for (const r of await db.select({ id: decisionRules.id, name: decisionRules.name }).from(decisionRules).where(inArray(decisionRules.id, list)))
      put("decision_rule", r.id, r.name, may("rule.manage") ? "/admin/rules" : null);
  });
  for (const r of rows)
    if (r.entityType === "setting") put("setting", r.entityId, "Two-factor sign-in", may("mfa.configure") ? "/account/security" : null);
  await Promise.all(jobs);
  return out;
}

/** The names of the people rows mention by id (a seat's holder, a director on a roll): one statement. */
async function loadPeople(db: DB, rows: Row[]): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const row of rows) {
    for (const record of [row.before, row.after]) {
      if (!record || typeof record !== "object") continue;
      for (const key of ["holderId", "directorId"]) {
        const id = (record as Record<string, unknown>)[key];
        if (isUuid(id)) ids.add(id);
      }
    }
  }
  if (ids.size === 0) return {};
  const found = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return Object.fromEntries(found.map((u) => [u.id, u.name]));
}
