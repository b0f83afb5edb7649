import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { comments, consultationPillars, consultations, policies, policyParagraphs, policyVersions, users } from "@/db/schema";
import type { PolicyStatus } from "@/lib/policies/vocabulary";
import { newParagraphKey, splitParagraphs } from "./paragraphs";

/** Test data written straight to the database, for preparing targets of the commands under test. */

let sequence = 0;

export const SAMPLE_TEXT = `**1. Scope.** This policy applies to every member company and its subcontractors.

**2. Reporting.** Companies report incidents to the Secretariat within 72 hours.

**3. Review.** The Board reviews this policy every three years.`;

async function userId(db: DB, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

/** A fresh policy with version 1 (final unless `draft`), in the given status. */
export async function insertPolicy(db: DB, options: { status?: PolicyStatus; draft?: boolean; text?: string } = {}) {
  const author = await userId(db, "secretariat@example.org");
  const slug = `fixture-policy-${Date.now().toString(36)}-${++sequence}`;
  const [policy] = await db
    .insert(policies)
    .values({ slug, title: `Fixture policy ${sequence}`, category: "other", createdById: author })
    .returning();
  const text = options.text ?? SAMPLE_TEXT;
  const [version] = await db.insert(policyVersions).values({ policyId: policy!.id, number: 1, bodyMd: text, createdById: author }).returning();
  const paragraphs = splitParagraphs(text).map((body, position) => ({ versionId: version!.id, key: newParagraphKey(), position, body }));
  await db.insert(policyParagraphs).values(paragraphs);
  if (!options.draft) await db.update(policyVersions).set({ state: "final", finalizedAt: new Date() }).where(eq(policyVersions.id, version!.id));
  if (options.status && options.status !== "draft") await db.update(policies).set({ status: options.status }).where(eq(policies.id, policy!.id));
  return { policyId: policy!.id, slug, versionId: version!.id, keys: paragraphs.map((p) => p.key) };
}

const HOUR = 60 * 60 * 1000;

/** A consultation on a fresh policy, open now unless given other times, inviting the given pillars. */
export async function insertConsultation(db: DB, options: { pillarIds?: string[]; opensAt?: Date; closesAt?: Date; closedEarlyAt?: Date } = {}) {
  const fixture = await insertPolicy(db, { status: "consultation" });
  const openedBy = await userId(db, "secretariat@example.org");
  const [consultation] = await db
    .insert(consultations)
    .values({
      policyId: fixture.policyId,
      versionId: fixture.versionId,
      opensAt: options.opensAt ?? new Date(Date.now() - HOUR),
      closesAt: options.closesAt ?? new Date(Date.now() + 24 * HOUR),
      closedEarlyAt: options.closedEarlyAt ?? null,
      openedById: openedBy,
    })
    .returning({ id: consultations.id });
  const pillarIds = options.pillarIds ?? ["government", "civil_society", "industry"];
  await db.insert(consultationPillars).values(pillarIds.map((pillarId) => ({ consultationId: consultation!.id, pillarId })));
  return { ...fixture, consultationId: consultation!.id };
}

/** A top-level comment written straight to the database. */
export async function insertComment(db: DB, target: { consultationId: string; versionId: string; key: string }, authorEmail = "rep.cso@example.org") {
  const [row] = await db
    .insert(comments)
    .values({
      consultationId: target.consultationId,
      versionId: target.versionId,
      originalVersionId: target.versionId,
      paragraphKey: target.key,
      body: "A fixture comment.",
      authorId: await userId(db, authorEmail),
    })
    .returning({ id: comments.id });
  return row!.id;
}
