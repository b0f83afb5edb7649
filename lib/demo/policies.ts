import { eq } from "drizzle-orm";
import { alignParagraphs, splitParagraphs } from "@/lib/policies/paragraphs";
import type { Tx } from "@/db/client";
import { policies, policyParagraphs, policyVersions } from "@/db/schema";
import type { PolicyStatus } from "@/lib/policies/vocabulary";
import { type SeedContext, type SeedPolicy, type SeedVersion, daysFrom, userOf } from "./context";
import * as texts from "./policy-texts";

type Category = "procedure" | "guidance" | "membership_requirement" | "budget" | "other";

type VersionSeed = {
  text: string;
  /** Days from now (negative: in the past). */
  createdDay: number;
  /** When it left draft; omitted: still a draft. */
  finalDay?: number;
  /** When a motion was opened on it. */
  frozenDay?: number;
  changeSummary?: string;
};

type PolicySeed = {
  name: string;
  slug: string;
  title: string;
  category: Category;
  status: PolicyStatus;
  /** When the status last changed, in days from now. */
  statusDay: number;
  versions: VersionSeed[];
  /** The version number adopted (adopted policies only). */
  adopted?: number;
};

export const POLICIES: PolicySeed[] = [
  {
    name: "draft",
    slug: "whistleblower-protection-guidance",
    title: "Whistleblower Protection Guidance for Member Companies",
    category: "guidance",
    status: "draft",
    statusDay: -6,
    versions: [{ text: texts.WHISTLEBLOWER_DRAFT, createdDay: -6 }],
  },
  {
    name: "consultation",
    slug: "complaints-procedure-affected-persons",
    title: "Complaints Procedure for Affected Persons",
    category: "procedure",
    status: "consultation",
    statusDay: -10,
    versions: [{ text: texts.COMPLAINTS_PROCEDURE_V1, createdDay: -30, finalDay: -11 }],
  },
  {
    name: "boardReview",
    slug: "human-rights-impact-assessment-guidance",
    title: "Human Rights Impact Assessment Guidance",
    category: "guidance",
    status: "board_review",
    statusDay: -47,
    versions: [{ text: texts.HRIA_GUIDANCE_V1, createdDay: -110, finalDay: -80 }],
  },
  {
    name: "voting",
    slug: "incident-reporting-requirements",
    title: "Incident Reporting Requirements for Member Companies",
    category: "membership_requirement",
    status: "voting",
    statusDay: -2,
    versions: [
      { text: texts.INCIDENT_REPORTING_V1, createdDay: -160, finalDay: -125 },
      {
        text: texts.INCIDENT_REPORTING_V2,
        createdDay: -40,
        finalDay: -20,
        frozenDay: -2,
        changeSummary:
          "Reporting deadline shortened to 72 hours; temporary staff and apprehensions covered; new section on follow-up with affected persons, as requested in the consultation.",
      },
    ],
  },
  {
    name: "adopted",
    slug: "certification-procedure",
    title: "Certification Procedure for Member Companies",
    category: "membership_requirement",
    status: "adopted",
    statusDay: -33,
    adopted: 2,
    versions: [
      { text: texts.CERTIFICATION_V1, createdDay: -260, finalDay: -215 },
      {
        text: texts.CERTIFICATION_V2,
        createdDay: -120,
        finalDay: -75,
        frozenDay: -40,
        changeSummary:
          "Accreditation requirement clarified; sites audited added to the evidence; new section on field-based assessments; expiry reminders, following the consultation.",
      },
    ],
  },
  {
    name: "rejected",
    slug: "observer-status-industry-associations",
    title: "Observer Status for Industry Associations",
    category: "membership_requirement",
    status: "rejected",
    statusDay: -300,
    versions: [{ text: texts.OBSERVER_STATUS, createdDay: -400, finalDay: -380 }],
  },
  {
    name: "withdrawn",
    slug: "membership-fee-schedule-2026",
    title: "Membership Fee Schedule 2026",
    category: "budget",
    status: "withdrawn",
    statusDay: -430,
    versions: [{ text: texts.FEE_SCHEDULE_2026, createdDay: -500, finalDay: -470 }],
  },
];

/** Inserts a version as a draft with its paragraphs, then finalises (and freezes) it if it left draft. */
async function createVersion(
  tx: Tx,
  ctx: SeedContext,
  policyId: string,
  number: number,
  seed: VersionSeed,
  previous: SeedVersion | undefined,
  authorId: string,
): Promise<SeedVersion> {
  const [row] = await tx
    .insert(policyVersions)
    .values({
      policyId,
      number,
      state: "draft",
      bodyMd: seed.text,
      changeSummary: seed.changeSummary ?? null,
      createdById: authorId,
      createdAt: daysFrom(ctx.now, seed.createdDay, 9),
    })
    .returning({ id: policyVersions.id });
  if (!row) throw new Error("Policy version was not created");

  // The same alignment the app uses when a version is made, so demo keys behave like real ones.
  const paragraphs = alignParagraphs(previous?.paragraphs ?? [], splitParagraphs(seed.text));
  await tx.insert(policyParagraphs).values(paragraphs.map((p, position) => ({ versionId: row.id, key: p.key, position, body: p.body })));

  if (seed.finalDay !== undefined) {
    await tx
      .update(policyVersions)
      .set({
        state: "final",
        finalizedAt: daysFrom(ctx.now, seed.finalDay, 10),
        frozenAt: seed.frozenDay === undefined ? null : daysFrom(ctx.now, seed.frozenDay, 8),
      })
      .where(eq(policyVersions.id, row.id));
  }
  return { id: row.id, number, paragraphs };
}

/** Policies in every status, each with its versions and stably keyed paragraphs. */
export async function seedPolicies(tx: Tx, ctx: SeedContext): Promise<void> {
  const author = userOf(ctx, "secretariat@example.org").id;
  for (const seed of POLICIES) {
    const firstDay = seed.versions[0]?.createdDay ?? seed.statusDay;
    const [row] = await tx
      .insert(policies)
      .values({
        slug: seed.slug,
        title: seed.title,
        category: seed.category,
        // Created as a draft: the adopted status needs the version, which needs the policy.
        status: "draft",
        createdById: author,
        createdAt: daysFrom(ctx.now, firstDay, 9),
        updatedAt: daysFrom(ctx.now, seed.statusDay, 11),
      })
      .returning({ id: policies.id });
    if (!row) throw new Error("Policy was not created");

    const policy: SeedPolicy = { id: row.id, slug: seed.slug, title: seed.title, versions: [] };
    for (const [i, versionSeed] of seed.versions.entries()) {
      policy.versions.push(await createVersion(tx, ctx, row.id, i + 1, versionSeed, policy.versions.at(-1), author));
    }
    const adopted = seed.adopted ? policy.versions[seed.adopted - 1] : undefined;
    await tx
      .update(policies)
      .set({ status: seed.status, adoptedVersionId: adopted?.id ?? null })
      .where(eq(policies.id, row.id));
    ctx.policies[seed.name] = policy;
  }
}
