import type { Tx } from "@/db/client";
import { comments, consultationPillars, consultations } from "@/db/schema";
import { type CommentSeed, CERTIFICATION_COMMENTS, COMPLAINTS_COMMENTS, HRIA_COMMENTS, INCIDENT_COMMENTS } from "./consultation-comments";
import { type SeedContext, type SeedVersion, daysFrom, keyAt, must, userOf } from "./context";

const ALL_PILLARS = ["government", "civil_society", "industry"] as const;

type ConsultationSeed = { policy: string; version: number; opensDay: number; closesDay: number; comments: CommentSeed[] };

const CONSULTATIONS: ConsultationSeed[] = [
  // Open now, for about two more weeks.
  { policy: "consultation", version: 1, opensDay: -10, closesDay: 14, comments: COMPLAINTS_COMMENTS },
  { policy: "boardReview", version: 1, opensDay: -78, closesDay: -48, comments: HRIA_COMMENTS },
  { policy: "voting", version: 1, opensDay: -120, closesDay: -90, comments: INCIDENT_COMMENTS },
  { policy: "adopted", version: 1, opensDay: -210, closesDay: -180, comments: CERTIFICATION_COMMENTS },
];

/** Returns the quoted words if the paragraph really contains them; a seed typo should fail loudly. */
function checkedQuote(version: SeedVersion, index: number, quote: string | undefined): string | null {
  if (!quote) return null;
  const body = version.paragraphs[index]?.body ?? "";
  if (!body.includes(quote)) throw new Error(`Seed quote "${quote}" is not in paragraph ${index} of version ${version.number}`);
  return quote;
}

/** Consultations with their invited pillars, comments, Secretariat answers and replies. */
export async function seedConsultations(tx: Tx, ctx: SeedContext): Promise<void> {
  const openedBy = userOf(ctx, "secretariat@example.org").id;
  for (const seed of CONSULTATIONS) {
    const policy = must(ctx.policies, seed.policy, "policy");
    const version = policy.versions[seed.version - 1];
    if (!version) throw new Error(`Seed data refers to a missing version ${seed.version} of ${policy.slug}`);

    const [consultation] = await tx
      .insert(consultations)
      .values({
        policyId: policy.id,
        versionId: version.id,
        opensAt: daysFrom(ctx.now, seed.opensDay, 8),
        closesAt: daysFrom(ctx.now, seed.closesDay, 16),
        openedById: openedBy,
        createdAt: daysFrom(ctx.now, seed.opensDay, 8),
      })
      .returning({ id: consultations.id });
    if (!consultation) throw new Error("Consultation was not created");
    await tx.insert(consultationPillars).values(ALL_PILLARS.map((pillarId) => ({ consultationId: consultation.id, pillarId })));

    for (const c of seed.comments) {
      const paragraphKey = keyAt(version, c.p);
      const [parent] = await tx
        .insert(comments)
        .values({
          consultationId: consultation.id,
          versionId: version.id,
          originalVersionId: version.id,
          paragraphKey,
          quote: checkedQuote(version, c.p, c.quote),
          body: c.body,
          authorId: userOf(ctx, c.by).id,
          status: c.answer?.status ?? "open",
          response: c.answer?.response ?? null,
          respondedById: c.answer ? userOf(ctx, c.answer.by).id : null,
          respondedAt: c.answer ? daysFrom(ctx.now, c.answer.day) : null,
          createdAt: daysFrom(ctx.now, c.day),
        })
        .returning({ id: comments.id });
      if (!parent) throw new Error("Comment was not created");
      for (const reply of c.replies ?? []) {
        await tx.insert(comments).values({
          consultationId: consultation.id,
          versionId: version.id,
          originalVersionId: version.id,
          paragraphKey,
          body: reply.body,
          authorId: userOf(ctx, reply.by).id,
          parentId: parent.id,
          status: "open",
          createdAt: daysFrom(ctx.now, reply.day),
        });
      }
    }
  }
}
