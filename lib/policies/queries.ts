import "server-only";
import { and, asc, desc, eq, exists, or, type SQL, sql } from "drizzle-orm";
import { type DB, isUuid } from "@/db/client";
import { outer } from "@/db/sql";
import { consultationPillars, consultations, motions, policies, policyParagraphs, policyVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { consultationAccess, policyAccess, seesDraftVersions, type Viewer } from "./access";
import { policyFilterSchema } from "./schemas";
import { lastRound, policyStateOf, registerSummary } from "./state";

function viewerOf(actor: Actor | null): Viewer {
  return actor ? { roles: actor.roles, pillarId: actor.pillarId } : null;
}

/** Policies the viewer may see: adopted ones for everyone, all for internal readers, consulted ones for a representative's pillar. */
function visibleTo(db: DB, actor: Actor | null): SQL | undefined {
  if (actor && can(actor.roles, "policy.readInternal")) return undefined;
  const adopted = eq(policies.status, "adopted");
  if (!actor) return adopted;
  const consulted = exists(
    db
      .select({ one: sql`1` })
      .from(consultations)
      .innerJoin(consultationPillars, eq(consultationPillars.consultationId, consultations.id))
      .where(and(eq(consultations.policyId, policies.id), eq(consultationPillars.pillarId, actor.pillarId ?? ""))),
  );
  return or(adopted, consulted);
}

/** The policy list, filtered by status and category, scoped to what the viewer may see. */
export async function listPolicies(db: DB, actor: Actor | null, input: unknown) {
  const filter = policyFilterSchema.parse(input ?? {});
  const conditions = [visibleTo(db, actor)];
  if (filter.status) conditions.push(eq(policies.status, filter.status));
  if (filter.category) conditions.push(eq(policies.category, filter.category));
  const finalOnly = seesDraftVersions(viewerOf(actor)) ? sql`true` : sql`v.state = 'final'`;
  const rows = await db
    .select({
      id: policies.id,
      slug: policies.slug,
      title: policies.title,
      category: policies.category,
      status: policies.status,
      updatedAt: policies.updatedAt,
      latestVersion: sql<
        number | null
      >`(select max(v.number)::int from policy_versions v where v.policy_id = ${outer(policies.id)} and ${finalOnly})`,
      openConsultation: sql<boolean>`exists (select 1 from consultations c where c.policy_id = ${outer(policies.id)}
        and c.opens_at <= now() and c.closes_at > now() and c.closed_early_at is null)`,
    })
    .from(policies)
    .where(and(...conditions))
    .orderBy(desc(policies.updatedAt), asc(policies.title));
  return { filter, rows };
}

async function invitedPillarsOfPolicy(db: DB, policyId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: consultationPillars.pillarId })
    .from(consultationPillars)
    .innerJoin(consultations, eq(consultations.id, consultationPillars.consultationId))
    .where(eq(consultations.policyId, policyId));
  return rows.map((r) => r.id);
}

/**
 * Loads a policy by slug if the viewer may read it: not found for an unknown slug; for a policy
 * that is not adopted, unauthenticated for visitors and forbidden for those it is not shared with.
 */
export async function loadReadablePolicy(db: DB, actor: Actor | null, slug: string) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 120) throw new AppError("not_found", "That policy does not exist.");
  const [policy] = await db.select().from(policies).where(eq(policies.slug, slug));
  if (!policy) throw new AppError("not_found", "That policy does not exist.");
  const access = policyAccess(viewerOf(actor), { status: policy.status, invitedPillarIds: await invitedPillarsOfPolicy(db, policy.id) });
  if (access === "unauthenticated") throw new AppError("unauthenticated", "Sign in to read this policy; only adopted policies are public.");
  if (access === "forbidden")
    throw new AppError(
      "forbidden",
      "This policy is not adopted and has not been put out for consultation to your pillar, so you cannot read it yet.",
    );
  return policy;
}

/** The versions of a policy the viewer may see, newest first (draft versions are internal). */
export async function listVersions(db: DB, actor: Actor | null, policyId: string) {
  const conditions = [eq(policyVersions.policyId, policyId)];
  if (!seesDraftVersions(viewerOf(actor))) conditions.push(eq(policyVersions.state, "final"));
  return db
    .select({
      id: policyVersions.id,
      number: policyVersions.number,
      state: policyVersions.state,
      changeSummary: policyVersions.changeSummary,
      createdAt: policyVersions.createdAt,
      finalizedAt: policyVersions.finalizedAt,
      frozenAt: policyVersions.frozenAt,
    })
    .from(policyVersions)
    .where(and(...conditions))
    .orderBy(desc(policyVersions.number));
}

export async function listParagraphs(db: DB, versionId: string) {
  return db
    .select({ key: policyParagraphs.key, body: policyParagraphs.body, position: policyParagraphs.position })
    .from(policyParagraphs)
    .where(eq(policyParagraphs.versionId, versionId))
    .orderBy(asc(policyParagraphs.position));
}

/**
 * Everything the policy page shows: the current version (the adopted one, else the latest the viewer
 * may see), the version history, consultations (signed-in viewers with access) and motions.
 */
export async function getPolicy(db: DB, actor: Actor | null, input: { slug: string }) {
  const policy = await loadReadablePolicy(db, actor, input.slug);
  const viewer = viewerOf(actor);
  const versions = await listVersions(db, actor, policy.id);
  const current = versions.find((v) => v.id === policy.adoptedVersionId) ?? versions.find((v) => v.state === "final") ?? versions[0];
  const paragraphs = current ? await listParagraphs(db, current.id) : [];
  const consultationRows = viewer
    ? await db
        .select({
          id: consultations.id,
          opensAt: consultations.opensAt,
          closesAt: consultations.closesAt,
          closedEarlyAt: consultations.closedEarlyAt,
          versionNumber: policyVersions.number,
          pillarIds: sql<
            string[]
          >`coalesce((select array_agg(cp.pillar_id order by cp.pillar_id) from consultation_pillars cp where cp.consultation_id = ${consultations.id}), '{}')`,
          comments: sql<number>`(select count(*)::int from comments c where c.consultation_id = ${consultations.id})`,
        })
        .from(consultations)
        .innerJoin(policyVersions, eq(policyVersions.id, consultations.versionId))
        .where(eq(consultations.policyId, policy.id))
        .orderBy(desc(consultations.opensAt))
    : [];
  const visibleConsultations = consultationRows.filter((c) => consultationAccess(viewer, c.pillarIds) === "ok");
  // Draft and open motions are internal (motion.readInternal); everyone else sees closed ones only.
  const motionRows = await db
    .select({ id: motions.id, title: motions.title, status: motions.status, closesAt: motions.closesAt })
    .from(motions)
    .where(and(eq(motions.policyId, policy.id), actor && can(actor.roles, "motion.readInternal") ? undefined : eq(motions.status, "closed")))
    .orderBy(desc(motions.createdAt));
  // What the Secretariat's controls depend on, and the register's summary for board review.
  const internal = actor && can(actor.roles, "policy.readInternal");
  const state = internal ? await policyStateOf(db, policy) : null;
  const round = internal ? await lastRound(db, policy.id) : undefined;
  const register = round
    ? { consultationId: round.id, unansweredReason: round.unansweredReason, pillars: await registerSummary(db, round.id) }
    : null;
  return { policy, versions, current, paragraphs, consultations: visibleConsultations, motions: motionRows, state, register };
}

/** The policy and its draft version for the editor (Secretariat only). */
export async function getDraftForEditing(db: DB, actor: Actor | null, input: { slug: string }) {
  authorize(actor, "policy.editDraft");
  const policy = await loadReadablePolicy(db, actor, input.slug);
  const [draft] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policy.id), eq(policyVersions.state, "draft")))
    .orderBy(desc(policyVersions.number))
    .limit(1);
  return { policy, draft: draft ?? null };
}

/** Final versions to choose from when opening a consultation. */
export async function listFinalVersions(db: DB, actor: Actor | null, policyId: string) {
  authorize(actor, "consultation.open");
  if (!isUuid(policyId)) throw new AppError("not_found", "That policy does not exist.");
  return db
    .select({ id: policyVersions.id, number: policyVersions.number })
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.state, "final")))
    .orderBy(desc(policyVersions.number));
}

/** Two versions' paragraphs for the comparison page, by version number. */
export async function getVersionPair(db: DB, actor: Actor | null, input: { slug: string; from: number; to: number }) {
  const policy = await loadReadablePolicy(db, actor, input.slug);
  const versions = await listVersions(db, actor, policy.id);
  const from = versions.find((v) => v.number === input.from);
  const to = versions.find((v) => v.number === input.to);
  const missing = [!from ? input.from : null, !to ? input.to : null].filter((n): n is number => n !== null);
  if (missing.length) throw new AppError("invalid", `This policy has no version ${missing.join(" or ")} that you can read.`);
  const [fromParagraphs, toParagraphs] = await Promise.all([listParagraphs(db, from!.id), listParagraphs(db, to!.id)]);
  return { policy, versions, from: from!, to: to!, fromParagraphs, toParagraphs };
}
