import "server-only";
import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type DB, isUuid } from "@/db/client";
import { comments, consultationPillars, consultations, organizations, pillars, policies, policyVersions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { consultationAccess } from "@/lib/policies/access";
import { listParagraphs } from "@/lib/policies/queries";
import { computeCoverage } from "./coverage";
import { commentRefusal, consultationPhase, outdatedReason } from "./rules";
import { registerFilterSchema } from "./schemas";

/** A consultation the actor may read, with its policy and invited pillars. */
export async function loadReadableConsultation(db: DB, actor: Actor | null, consultationId: string) {
  const reader = authorize(actor, "consultation.read");
  if (!isUuid(consultationId)) throw new AppError("not_found", "That consultation does not exist.");
  const [row] = await db
    .select({ consultation: consultations, policy: policies, versionNumber: policyVersions.number })
    .from(consultations)
    .innerJoin(policies, eq(policies.id, consultations.policyId))
    .innerJoin(policyVersions, eq(policyVersions.id, consultations.versionId))
    .where(eq(consultations.id, consultationId));
  if (!row) throw new AppError("not_found", "That consultation does not exist.");
  const invited = await db
    .select({ id: consultationPillars.pillarId })
    .from(consultationPillars)
    .where(eq(consultationPillars.consultationId, consultationId));
  const invitedPillarIds = invited.map((p) => p.id);
  if (consultationAccess({ roles: reader.roles, pillarId: reader.pillarId }, invitedPillarIds) !== "ok") {
    throw new AppError(
      "forbidden",
      `This consultation does not invite ${reader.pillarName ?? "you"}, so ${reader.pillarName ? `representatives of ${reader.pillarName}` : "you"} can neither read nor comment on it.`,
    );
  }
  return { ...row, invitedPillarIds, reader };
}

const originalVersion = alias(policyVersions, "original_version");

/** Every comment of a consultation with its author, organisation and pillar, oldest first. */
export async function listConsultationComments(db: DB, consultationId: string, where?: SQL) {
  return db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      paragraphKey: comments.paragraphKey,
      quote: comments.quote,
      body: comments.body,
      status: comments.status,
      response: comments.response,
      respondedAt: comments.respondedAt,
      outdatedAt: comments.outdatedAt,
      createdAt: comments.createdAt,
      versionId: comments.versionId,
      originalVersionNumber: originalVersion.number,
      originalVersionId: comments.originalVersionId,
      authorId: users.id,
      authorName: users.name,
      organizationId: organizations.id,
      organizationName: organizations.name,
      pillarId: pillars.id,
      pillarName: pillars.name,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(pillars, eq(pillars.id, organizations.pillarId))
    .innerJoin(originalVersion, eq(originalVersion.id, comments.originalVersionId))
    .where(and(eq(comments.consultationId, consultationId), where))
    .orderBy(asc(comments.createdAt));
}
export type ConsultationComment = Awaited<ReturnType<typeof listConsultationComments>>[number] & { outdated?: string | null };

/**
 * The consultation page: the round's text (the version it consults on, frozen while it is open),
 * comments by paragraph, each with the version it was written on and whether it is outdated against
 * the policy's latest final version, coverage and, for the viewer, why they may not comment.
 */
export async function getConsultation(db: DB, actor: Actor | null, input: { consultationId: string }, now = new Date()) {
  const { consultation, policy, versionNumber, invitedPillarIds, reader } = await loadReadableConsultation(db, actor, input.consultationId);
  const finals = await db
    .select({ id: policyVersions.id, number: policyVersions.number })
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policy.id), eq(policyVersions.state, "final")))
    .orderBy(asc(policyVersions.number));
  const latest = finals.at(-1) ?? { id: consultation.versionId, number: versionNumber };
  const [paragraphs, latestParagraphs, rawComments, allPillars] = await Promise.all([
    listParagraphs(db, consultation.versionId),
    latest.id === consultation.versionId ? null : listParagraphs(db, latest.id),
    listConsultationComments(db, consultation.id),
    db.select({ id: pillars.id, name: pillars.name }).from(pillars).orderBy(asc(pillars.sortOrder)),
  ]);
  const current = { number: latest.number, paragraphs: new Map((latestParagraphs ?? paragraphs).map((p) => [p.key, p.body])) };
  const allComments = rawComments.map((c) => ({
    ...c,
    outdated: c.parentId ? null : (outdatedReason(c, current) ?? (c.outdatedAt ? "Outdated: its text changed in a later version" : null)),
  }));
  // Bodies of paragraphs that comments outside the round's text were written on (older records).
  const shownKeys = new Set(paragraphs.map((p) => p.key));
  const outdatedOrigins = new Map<string, string>();
  for (const c of allComments.filter((c) => !c.parentId && !shownKeys.has(c.paragraphKey))) {
    const original = await listParagraphs(db, c.originalVersionId);
    outdatedOrigins.set(c.id, original.find((p) => p.key === c.paragraphKey)?.body ?? "");
  }
  const pillarInfo = allPillars.map((p) => ({ ...p, invited: invitedPillarIds.includes(p.id) }));
  const coverage = computeCoverage(
    paragraphs.map((p) => p.key),
    pillarInfo,
    allComments.filter((c) => !c.outdated),
  );
  const refusal = commentRefusal(
    { roles: reader.roles, pillarId: reader.pillarId, pillarName: reader.pillarName },
    { ...consultation, policyStatus: policy.status, invitedPillarIds },
    now,
  );
  return {
    consultation,
    phase: consultationPhase(consultation, now),
    policy,
    versionNumber,
    currentVersion: latest,
    paragraphs,
    comments: allComments,
    outdatedOrigins,
    pillars: pillarInfo,
    coverage,
    refusal,
  };
}

/** The register ("you said, we did"): top-level comments and their answers, filtered by pillar and status. */
export async function listRegister(db: DB, actor: Actor | null, input: { consultationId: string; pillar?: unknown; status?: unknown }) {
  const { consultation, policy, versionNumber, invitedPillarIds } = await loadReadableConsultation(db, actor, input.consultationId);
  const filter = registerFilterSchema.parse({ pillar: input.pillar, status: input.status });
  const responder = alias(users, "responder");
  const rows = await db
    .select({
      id: comments.id,
      paragraphKey: comments.paragraphKey,
      paragraphNumber: sql<
        number | null
      >`coalesce((select pp.position + 1 from policy_paragraphs pp where pp.version_id = ${consultation.versionId} and pp.key = ${comments.paragraphKey}),
        (select pp.position + 1 from policy_paragraphs pp where pp.version_id = ${comments.versionId} and pp.key = ${comments.paragraphKey}))`,
      quote: comments.quote,
      body: comments.body,
      status: comments.status,
      response: comments.response,
      respondedAt: comments.respondedAt,
      respondedBy: responder.name,
      outdatedAt: comments.outdatedAt,
      createdAt: comments.createdAt,
      authorName: users.name,
      organizationName: organizations.name,
      pillarId: pillars.id,
      pillarName: pillars.name,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(pillars, eq(pillars.id, organizations.pillarId))
    .leftJoin(responder, eq(responder.id, comments.respondedById))
    .where(
      and(
        eq(comments.consultationId, consultation.id),
        isNull(comments.parentId),
        filter.pillar ? eq(pillars.id, filter.pillar) : undefined,
        filter.status ? eq(comments.status, filter.status) : undefined,
      ),
    )
    .orderBy(
      sql`(select pp.position from policy_paragraphs pp where pp.version_id = ${consultation.versionId} and pp.key = ${comments.paragraphKey}) asc nulls last`,
      asc(comments.createdAt),
    );
  const allPillars = await db.select({ id: pillars.id, name: pillars.name }).from(pillars).orderBy(asc(pillars.sortOrder));
  return { consultation, policy, versionNumber, invitedPillarIds, filter, rows, pillars: allPillars };
}
export type RegisterRow = Awaited<ReturnType<typeof listRegister>>["rows"][number];

/** The pillars, in their display order (pillar names are public). */
export async function listPillars(db: DB) {
  return db.select({ id: pillars.id, name: pillars.name }).from(pillars).orderBy(asc(pillars.sortOrder));
}
