import { desc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { organizationStatusHistory, organizations, pillars } from "@/db/schema";
import type { MembershipStatus } from "@/lib/registry/vocabulary";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError, violatedConstraint } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { formatDate } from "@/lib/format";
import { getTimezone } from "@/lib/settings";
import { canTransition, describeStatus, STATUS_LABELS } from "./rules";
import { changeStatusSchema, createOrganizationSchema, slugify, updateOrganizationSchema } from "./schemas";
import { todayIn } from "@/lib/time";

const EDITABLE = {
  name: organizations.name,
  country: organizations.country,
  website: organizations.website,
  certificationStandard: organizations.certificationStandard,
  certificationExpiresOn: organizations.certificationExpiresOn,
};

/** Adds an organisation to the registry. It starts without a membership status; a status change gives it one. */
export async function createOrganization(db: DB, actor: Actor | null, input: unknown): Promise<{ id: string; slug: string }> {
  const staff = authorize(actor, "organization.manage");
  const data = parseInput(createOrganizationSchema, input);
  const slug = data.slug ?? slugify(data.name);
  if (!slug) throw new AppError("invalid", "Check the highlighted fields.", { slug: ["Give a short name of letters and digits."] });
  try {
    return await db.transaction(async (tx) => {
      const [pillar] = await tx.select({ id: pillars.id }).from(pillars).where(eq(pillars.id, data.pillarId));
      if (!pillar) throw new AppError("invalid", "Check the highlighted fields.", { pillarId: ["Choose a pillar."] });
      const [taken] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
      if (taken) throw new AppError("conflict", "That short name is taken.", { slug: [`"${slug}" is already used by another organisation.`] });
      const values = {
        slug,
        name: data.name,
        pillarId: data.pillarId,
        country: data.country ?? null,
        website: data.website ?? null,
        certificationStandard: data.certificationStandard ?? null,
        certificationExpiresOn: data.certificationExpiresOn ?? null,
      };
      const [created] = await tx.insert(organizations).values(values).returning({ id: organizations.id });
      await recordAudit(tx, {
        actorId: staff.id,
        action: "organization.create",
        entityType: "organization",
        entityId: created!.id,
        before: null,
        after: values,
      });
      return { id: created!.id, slug };
    });
  } catch (error) {
    if (violatedConstraint(error) === "organizations_slug_unique") {
      throw new AppError("conflict", "That short name is taken.", { slug: [`"${slug}" is already used by another organisation.`] });
    }
    throw error;
  }
}

/** Edits an organisation's details. Its slug (the public address) and pillar stay as they are. */
export async function updateOrganization(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const staff = authorize(actor, "organization.manage");
  const data = parseInput(updateOrganizationSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select(EDITABLE).from(organizations).where(eq(organizations.id, data.organizationId)).for("update");
    if (!before) throw new AppError("not_found", "That organisation does not exist.");
    const after = {
      name: data.name,
      country: data.country ?? null,
      website: data.website ?? null,
      certificationStandard: data.certificationStandard ?? null,
      certificationExpiresOn: data.certificationExpiresOn ?? null,
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await tx
      .update(organizations)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(organizations.id, data.organizationId));
    await recordAudit(tx, {
      actorId: staff.id,
      action: "organization.update",
      entityType: "organization",
      entityId: data.organizationId,
      before,
      after,
    });
  });
}

/** Moves an organisation along the membership state machine, with a reason and a dated history row. */
export async function changeOrganizationStatus(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const staff = authorize(actor, "organization.changeStatus");
  const data = parseInput(changeStatusSchema, input);
  const today = todayIn(await getTimezone(db));
  const effectiveOn = data.effectiveOn ?? today;
  if (effectiveOn > today)
    throw new AppError("invalid", "A status change cannot take effect in the future.", { effectiveOn: ["Choose today or an earlier date."] });
  await db.transaction(async (tx) => {
    const [org] = await tx
      .select({
        id: organizations.id,
        membershipStatus: organizations.membershipStatus,
        standard: organizations.certificationStandard,
        expiresOn: organizations.certificationExpiresOn,
      })
      .from(organizations)
      .where(eq(organizations.id, data.organizationId))
      .for("update");
    if (!org) throw new AppError("not_found", "That organisation does not exist.");
    const from: MembershipStatus | null = org.membershipStatus;
    const to = data.toStatus;
    if (!canTransition(from, to)) {
      const hint = from === "terminated" ? " A terminated organisation must apply again: change it to Applicant first." : "";
      const message = `${describeStatus(from)} cannot change to ${STATUS_LABELS[to]}.${hint}`;
      throw new AppError("conflict", message, { toStatus: [message] });
    }
    if (to === "certified_member" && (!org.standard || !org.expiresOn || org.expiresOn < effectiveOn)) {
      const message = "Record a valid certification (standard and expiry date) before certifying this member.";
      throw new AppError("conflict", message, { toStatus: [message] });
    }
    const [last] = await tx
      .select({ effectiveOn: organizationStatusHistory.effectiveOn })
      .from(organizationStatusHistory)
      .where(eq(organizationStatusHistory.organizationId, org.id))
      .orderBy(desc(organizationStatusHistory.effectiveOn))
      .limit(1);
    if (last && effectiveOn < last.effectiveOn) {
      const message = `The previous change took effect on ${formatDate(last.effectiveOn)}; choose that date or a later one.`;
      throw new AppError("invalid", message, { effectiveOn: [message] });
    }
    await tx.update(organizations).set({ membershipStatus: to, updatedAt: new Date() }).where(eq(organizations.id, org.id));
    await tx
      .insert(organizationStatusHistory)
      .values({ organizationId: org.id, fromStatus: from, toStatus: to, reason: data.reason, effectiveOn, changedById: staff.id });
    await recordAudit(tx, {
      actorId: staff.id,
      action: "organization.changeStatus",
      entityType: "organization",
      entityId: org.id,
      before: { membershipStatus: from },
      after: { membershipStatus: to, reason: data.reason, effectiveOn },
    });
  });
}
