import "server-only";
import { and, asc, count, eq, exists, gt, isNull, lte, ne, notExists, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { ballots, comments, consultationPillars, consultations, motionRoll, motions, policies, recusals, tasks, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";

/** Consultations open at `now`; for a representative, only those that invite their pillar. */
export async function listOpenConsultations(db: DB, actor: Actor, now = new Date()) {
  const invitesPillar = exists(
    db
      .select({ one: sql`1` })
      .from(consultationPillars)
      .where(and(eq(consultationPillars.consultationId, consultations.id), eq(consultationPillars.pillarId, actor.pillarId ?? ""))),
  );
  const onlyOwnPillar = actor.roles.some((r) => r !== "representative") ? undefined : invitesPillar;
  return db
    .select({
      id: consultations.id,
      closesAt: consultations.closesAt,
      policyTitle: policies.title,
      policySlug: policies.slug,
      invitesMyPillar: sql<boolean>`${invitesPillar}`,
    })
    .from(consultations)
    .innerJoin(policies, eq(policies.id, consultations.policyId))
    .where(and(lte(consultations.opensAt, now), gt(consultations.closesAt, now), isNull(consultations.closedEarlyAt), onlyOwnPillar))
    .orderBy(asc(consultations.closesAt))
    .limit(20);
}

/** Open motions on which this director is on the roll, not recused, and has not voted. */
export async function listMotionsAwaitingBallot(db: DB, actor: Actor) {
  return db
    .select({ id: motions.id, title: motions.title, closesAt: motions.closesAt })
    .from(motions)
    .innerJoin(motionRoll, and(eq(motionRoll.motionId, motions.id), eq(motionRoll.directorId, actor.id)))
    .where(
      and(
        eq(motions.status, "open"),
        notExists(
          db
            .select({ one: sql`1` })
            .from(ballots)
            .where(and(eq(ballots.motionId, motions.id), eq(ballots.directorId, actor.id))),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(recusals)
            .where(and(eq(recusals.motionId, motions.id), eq(recusals.directorId, actor.id))),
        ),
      ),
    )
    .orderBy(asc(motions.closesAt))
    .limit(20);
}

/** Tasks assigned to this member of staff that are not done, soonest due first. */
export async function listMyOpenTasks(db: DB, actor: Actor) {
  return db
    .select({ id: tasks.id, title: tasks.title, dueOn: tasks.dueOn, status: tasks.status, priority: tasks.priority })
    .from(tasks)
    .where(and(eq(tasks.assigneeId, actor.id), ne(tasks.status, "done")))
    .orderBy(asc(tasks.dueOn))
    .limit(20);
}

/** Top-level consultation comments that still await the Secretariat's answer, oldest first. */
export async function listCommentsAwaitingAnswer(db: DB) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: comments.id,
        body: comments.body,
        createdAt: comments.createdAt,
        authorName: users.name,
        policyTitle: policies.title,
        policySlug: policies.slug,
        consultationId: comments.consultationId,
      })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .innerJoin(consultations, eq(consultations.id, comments.consultationId))
      .innerJoin(policies, eq(policies.id, consultations.policyId))
      .where(and(eq(comments.status, "open"), isNull(comments.parentId)))
      .orderBy(asc(comments.createdAt))
      .limit(5),
    db
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.status, "open"), isNull(comments.parentId))),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Figures for the administrator's overview. */
export async function getAdminOverview(db: DB) {
  const [row] = await db
    .select({
      users: sql<number>`(select count(*)::int from users)`,
      organizations: sql<number>`(select count(*)::int from organizations)`,
      openMotions: sql<number>`(select count(*)::int from motions where status = 'open')`,
      lastAudit: sql<string | null>`(select max(at) from audit_log)`,
    })
    .from(sql`(select 1) as one`);
  return row ?? { users: 0, organizations: 0, openMotions: 0, lastAudit: null };
}

/** Everything the caller's dashboard shows, by role. */
export async function loadDashboard(db: DB, actor: Actor | null) {
  const user = authorize(actor, "workspace.view");
  const roles = new Set(user.roles);
  const [motionsAwaiting, consultationsOpen, myTasks, commentsAwaiting, admin] = await Promise.all([
    roles.has("director") ? listMotionsAwaitingBallot(db, user) : null,
    roles.has("director") || roles.has("representative") ? listOpenConsultations(db, user) : null,
    roles.has("secretariat") ? listMyOpenTasks(db, user) : null,
    roles.has("secretariat") ? listCommentsAwaitingAnswer(db) : null,
    roles.has("admin") ? getAdminOverview(db) : null,
  ]);
  return { actor: user, motionsAwaiting, consultationsOpen, myTasks, commentsAwaiting, admin };
}
export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
