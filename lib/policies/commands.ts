import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { consultations, policies, policyParagraphs, policyVersions } from "@/db/schema";
import { notify } from "@/lib/notifications/notify";
import { lockLiveMotionsOfPolicy, withdrawLockedMotion } from "@/lib/votes/withdraw";
import { lastRound, policyStateOf } from "./state";
import type { PolicyStatus } from "@/lib/policies/vocabulary";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { consultationAudience } from "@/lib/consultations/audience";
import { carryCommentsForward } from "@/lib/consultations/carry-forward";
import { AppError, violatedConstraint } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { alignParagraphs, type KeyedParagraph, newParagraphKey, splitParagraphs } from "./paragraphs";
import { acceptsNewVersions, checkStatusMove, MOTION_MOVES, policyMoveRefusal, secretariatMoves } from "./rules";
import { changeStatusSchema, createPolicySchema, editDraftSchema, policyIdSchema, slugify } from "./schemas";

/** Locks the policy row for the rest of the transaction, so concurrent moves see each other. */
export async function lockPolicy(tx: Tx, policyId: string) {
  const [policy] = await tx.select().from(policies).where(eq(policies.id, policyId)).for("update");
  if (!policy) throw new AppError("not_found", "That policy does not exist.");
  return policy;
}

async function paragraphsOf(tx: Tx, versionId: string): Promise<KeyedParagraph[]> {
  return tx
    .select({ key: policyParagraphs.key, body: policyParagraphs.body })
    .from(policyParagraphs)
    .where(eq(policyParagraphs.versionId, versionId))
    .orderBy(asc(policyParagraphs.position));
}

async function writeParagraphs(tx: Tx, versionId: string, paragraphs: KeyedParagraph[]) {
  await tx.delete(policyParagraphs).where(eq(policyParagraphs.versionId, versionId));
  if (paragraphs.length) {
    await tx.insert(policyParagraphs).values(paragraphs.map((p, position) => ({ versionId, key: p.key, position, body: p.body })));
  }
}

/** Creates a policy in draft with version 1 (a draft) and its keyed paragraphs. */
export async function createPolicy(db: DB, actor: Actor | null, input: unknown): Promise<{ id: string; slug: string }> {
  const staff = authorize(actor, "policy.create");
  const { title, category, bodyMd, ...address } = parseInput(createPolicySchema, input);
  const slug = address.slug || slugify(title);
  if (!slug) throw new AppError("invalid", "Check the highlighted fields.", { slug: ["Give the policy an address made of letters or digits."] });
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: policies.id }).from(policies).where(eq(policies.slug, slug));
      if (existing) throw new AppError("conflict", "Another policy already uses this address.", { slug: ["This address is taken; choose another."] });
      const [policy] = await tx.insert(policies).values({ slug, title, category, createdById: staff.id }).returning({ id: policies.id });
      const [version] = await tx
        .insert(policyVersions)
        .values({ policyId: policy!.id, number: 1, bodyMd, createdById: staff.id })
        .returning({ id: policyVersions.id });
      await writeParagraphs(
        tx,
        version!.id,
        splitParagraphs(bodyMd).map((body) => ({ key: newParagraphKey(), body })),
      );
      await recordAudit(tx, {
        actorId: staff.id,
        action: "policy.create",
        entityType: "policy",
        entityId: policy!.id,
        after: { slug, title, category, status: "draft", version: 1 },
      });
      return { id: policy!.id, slug };
    });
  } catch (error) {
    if (violatedConstraint(error) === "policies_slug_unique") {
      throw new AppError("conflict", "Another policy already uses this address.", { slug: ["This address is taken; choose another."] });
    }
    throw error;
  }
}

/** The latest version of a policy, whatever its state. */
async function latestVersion(tx: Tx, policyId: string) {
  const [latest] = await tx.select().from(policyVersions).where(eq(policyVersions.policyId, policyId)).orderBy(desc(policyVersions.number)).limit(1);
  return latest;
}

async function versionNumbered(tx: Tx, policyId: string, number: number) {
  const [version] = await tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.number, number)));
  return version;
}

/**
 * Saves the title, category and the text of the policy's draft version. Paragraph keys are aligned
 * with the previous version, so an edited paragraph keeps its key however often the draft is saved.
 */
export async function editDraft(db: DB, actor: Actor | null, input: unknown): Promise<{ versionNumber: number }> {
  const staff = authorize(actor, "policy.editDraft");
  const { policyId, title, category, bodyMd, changeSummary } = parseInput(editDraftSchema, input);
  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, policyId);
    const draft = await latestVersion(tx, policyId);
    if (!draft || draft.state !== "draft") {
      throw new AppError("conflict", "The latest version is final and cannot be edited; start a new version to change the text.");
    }
    const previous = draft.number > 1 ? await versionNumbered(tx, policyId, draft.number - 1) : undefined;
    const reference = await paragraphsOf(tx, previous?.id ?? draft.id);
    const paragraphs = alignParagraphs(reference, splitParagraphs(bodyMd));
    await tx
      .update(policyVersions)
      .set({ bodyMd, changeSummary: changeSummary || null })
      .where(eq(policyVersions.id, draft.id));
    await writeParagraphs(tx, draft.id, paragraphs);
    await tx.update(policies).set({ title, category, updatedAt: new Date() }).where(eq(policies.id, policyId));
    await recordAudit(tx, {
      actorId: staff.id,
      action: "policy.editDraft",
      entityType: "policy",
      entityId: policyId,
      before: { title: policy.title, category: policy.category, version: draft.number, bodyLength: draft.bodyMd.length },
      after: { title, category, version: draft.number, bodyLength: bodyMd.length },
    });
    return { versionNumber: draft.number };
  });
}

/** Starts the next version as a draft copy of the latest (final) one, keeping its paragraph keys. */
export async function createVersion(db: DB, actor: Actor | null, input: unknown): Promise<{ number: number }> {
  const staff = authorize(actor, "version.create");
  const { policyId } = parseInput(policyIdSchema, input);
  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, policyId);
    if (!acceptsNewVersions(policy.status)) throw new AppError("conflict", "This policy no longer takes new versions.");
    const latest = await latestVersion(tx, policyId);
    if (!latest) throw new AppError("conflict", "This policy has no version to start from.");
    if (latest.state === "draft") throw new AppError("conflict", `Version ${latest.number} is still a draft; edit it or make it final first.`);
    const number = latest.number + 1;
    const [version] = await tx
      .insert(policyVersions)
      .values({ policyId, number, bodyMd: latest.bodyMd, createdById: staff.id })
      .returning({ id: policyVersions.id });
    await writeParagraphs(tx, version!.id, await paragraphsOf(tx, latest.id));
    await recordAudit(tx, {
      actorId: staff.id,
      action: "version.create",
      entityType: "policy",
      entityId: policyId,
      after: { version: number, from: latest.number },
    });
    return { number };
  });
}

/**
 * Makes the draft version final: from now on its text cannot change. Open comments follow their
 * paragraph to it by key; those whose paragraph was deleted are marked outdated (see carry-forward).
 */
export async function finalizeVersion(db: DB, actor: Actor | null, input: unknown): Promise<{ number: number; carried: number; outdated: number }> {
  const staff = authorize(actor, "version.finalize");
  const { policyId } = parseInput(policyIdSchema, input);
  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, policyId);
    const refusal = policyMoveRefusal("finalise_version", staff.roles, await policyStateOf(tx, policy));
    if (refusal) throw new AppError("conflict", refusal);
    const draft = await latestVersion(tx, policyId);
    if (!draft || draft.state !== "draft") throw new AppError("conflict", "There is no draft version to make final.");
    const paragraphs = await paragraphsOf(tx, draft.id);
    if (paragraphs.length === 0) throw new AppError("conflict", "The draft has no text; write it before making it final.");
    const now = new Date();
    await tx.update(policyVersions).set({ state: "final", finalizedAt: now }).where(eq(policyVersions.id, draft.id));
    const moved = { carried: 0, outdated: 0 };
    const previous = draft.number > 1 ? await versionNumbered(tx, policyId, draft.number - 1) : undefined;
    if (previous) Object.assign(moved, await carryCommentsForward(tx, { policyId, toVersionId: draft.id, keys: paragraphs.map((p) => p.key), now }));
    await recordAudit(tx, {
      actorId: staff.id,
      action: "version.finalize",
      entityType: "policy",
      entityId: policyId,
      before: { version: draft.number, state: "draft" },
      after: { version: draft.number, state: "final", ...moved },
    });
    return { number: draft.number, ...moved };
  });
}

/**
 * Moves a policy along its lifecycle by hand: to board review (once the last round is closed and
 * every comment of it answered, or the reason recorded), back to drafting, or withdrawn. Opening a
 * consultation and the moves that belong to motions (voting, adopted, rejected) are refused here:
 * they have their own commands.
 */
export async function changePolicyStatus(
  db: DB,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<{ status: PolicyStatus; notified: number }> {
  const staff = authorize(actor, "policy.changeStatus");
  const { policyId, status, reason } = parseInput(changeStatusSchema, input);
  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, policyId);
    const move = checkStatusMove(policy.status, status);
    if (!move.ok) throw new AppError("conflict", move.reason, { status: [move.reason] });
    if (!secretariatMoves(policy.status).includes(status)) {
      const reason = MOTION_MOVES.includes(status)
        ? "Only a board motion can open a vote on a policy or record its result."
        : "Open a consultation to put the policy out for comment.";
      throw new AppError("conflict", reason, { status: [reason] });
    }
    const state = await policyStateOf(tx, policy, now);
    const round = await lastRound(tx, policyId);
    if (status === "board_review") {
      // A reason typed now counts as recorded for the unanswered comments.
      const refusal = policyMoveRefusal("send_to_board_review", staff.roles, {
        ...state,
        unansweredReason: state.unansweredReason || reason.length > 0,
      });
      if (refusal) throw new AppError("conflict", refusal, state.unanswered > 0 && !state.roundOpen ? { reason: [refusal] } : undefined);
      if (reason && state.unanswered > 0 && round)
        await tx.update(consultations).set({ unansweredReason: reason }).where(eq(consultations.id, round.id));
    }
    if (status === "draft") {
      const refusal = policyMoveRefusal("return_to_drafting", staff.roles, state);
      if (refusal) throw new AppError("conflict", refusal);
    }
    let notified = 0;
    const effects: Record<string, unknown> = {};
    if (status === "withdrawn") {
      const refusal = policyMoveRefusal("withdraw", staff.roles, state);
      if (refusal) throw new AppError("conflict", refusal);
      const result = await withdrawalEffects(tx, policy, { actorId: staff.id, reason, now });
      notified = result.notified;
      Object.assign(effects, { closedConsultationIds: result.closedConsultationIds, withdrawnMotionIds: result.withdrawnMotionIds });
    }
    await tx
      .update(policies)
      .set({ status, updatedAt: now, ...(status === "withdrawn" ? { withdrawnAt: now, withdrawnReason: reason } : {}) })
      .where(eq(policies.id, policyId));
    await recordAudit(tx, {
      actorId: staff.id,
      action: "policy.changeStatus",
      entityType: "policy",
      entityId: policyId,
      before: { status: policy.status },
      after: { status, ...(reason ? { reason } : {}), ...effects },
    });
    return { status, notified };
  });
}

/**
 * What withdrawing a policy does besides its status: closes its open or scheduled consultation
 * round, withdraws its draft and open motions, and tells everyone concerned (the representatives of
 * every pillar it was put out to, everyone who commented, the directors on an open motion's roll).
 */
async function withdrawalEffects(tx: Tx, policy: typeof policies.$inferSelect, options: { actorId: string; reason: string; now: Date }) {
  const { now, reason } = options;
  const closed = await tx
    .update(consultations)
    .set({ closedEarlyAt: now, closedReason: `The policy was withdrawn: ${reason}` })
    .where(and(eq(consultations.policyId, policy.id), isNull(consultations.closedEarlyAt), gt(consultations.closesAt, now)))
    .returning({ id: consultations.id });
  const motionsToWithdraw = await lockLiveMotionsOfPolicy(tx, policy.id);
  let notified = 0;
  for (const motion of motionsToWithdraw) {
    notified += (await withdrawLockedMotion(tx, motion, { ...options, reason: `The policy was withdrawn: ${reason}`, policyFollows: false }))
      .notified;
  }
  const rounds = await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.policyId, policy.id));
  const people = await consultationAudience(
    tx,
    rounds.map((round) => round.id),
    options.actorId,
  );
  const ids = await notify(
    tx,
    people.map((userId) => ({
      userId,
      kind: "policy_withdrawn" as const,
      title: `Policy withdrawn: ${policy.title}`,
      body: `${closed.length ? "Its consultation is closed and comments are no longer accepted. " : ""}Reason: ${reason.slice(0, 300)}`,
      href: `/policies/${policy.slug}`,
      dedupeKey: `policy-withdrawn:${policy.id}`,
    })),
  );
  return { notified: notified + ids.length, closedConsultationIds: closed.map((c) => c.id), withdrawnMotionIds: motionsToWithdraw.map((m) => m.id) };
}
