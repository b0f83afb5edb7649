import { and, eq, inArray, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import {
  comments,
  consultationPillars,
  consultations,
  organizations,
  pillars,
  policies,
  policyParagraphs,
  policyVersions,
  userRoles,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { formatDateTime } from "@/lib/format";
import { notify } from "@/lib/notifications/notify";
import { lockPolicy } from "@/lib/policies/commands";
import { policyStateOf } from "@/lib/policies/state";
import { policyMoveRefusal } from "@/lib/policies/rules";
import { getTimezone } from "@/lib/settings";
import { consultationAudience } from "./audience";
import { commentRefusal } from "./rules";
import { answerCommentSchema, closeConsultationSchema, createCommentSchema, openConsultationSchema } from "./schemas";
import { parseMoment } from "@/lib/time";

/**
 * Opens a consultation round on a final version to the chosen pillars; the policy moves to (or stays
 * in) consultation and the representatives of the invited pillars are notified. A policy may go
 * through several rounds, one at a time: a new round waits until the last one has closed.
 */
export async function openConsultation(db: DB, actor: Actor | null, input: unknown, now = new Date()): Promise<{ id: string }> {
  const staff = authorize(actor, "consultation.open");
  const data = parseInput(openConsultationSchema, input);
  const timeZone = await getTimezone(db);
  const opensAt = parseMoment(data.opensAt, timeZone);
  const closesAt = parseMoment(data.closesAt, timeZone);
  const fieldErrors: Record<string, string[]> = {};
  if (!opensAt) fieldErrors.opensAt = ["Enter the opening date and time."];
  if (!closesAt) fieldErrors.closesAt = ["Enter the closing date and time."];
  else if (opensAt && closesAt <= opensAt) fieldErrors.closesAt = ["The consultation must close after it opens."];
  else if (closesAt <= now) fieldErrors.closesAt = ["The closing time must be in the future."];
  if (Object.keys(fieldErrors).length) throw new AppError("invalid", "Check the highlighted fields.", fieldErrors);
  const { policyId, versionId } = data;
  const pillarIds = [...new Set(data.pillarIds)].sort();

  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, policyId);
    const refusal = policyMoveRefusal("open_round", staff.roles, await policyStateOf(tx, policy, now));
    if (refusal) throw new AppError("conflict", refusal);
    const [version] = await tx
      .select({ id: policyVersions.id, number: policyVersions.number, state: policyVersions.state })
      .from(policyVersions)
      .where(and(eq(policyVersions.id, versionId), eq(policyVersions.policyId, policyId)));
    if (!version) throw new AppError("invalid", "Check the highlighted fields.", { versionId: ["Choose a version of this policy."] });
    if (version.state !== "final")
      throw new AppError("invalid", "Check the highlighted fields.", { versionId: ["Only a final version can be put out for consultation."] });
    const [latestFinal] = await tx
      .select({ number: policyVersions.number })
      .from(policyVersions)
      .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.state, "final")))
      .orderBy(sql`${policyVersions.number} desc`)
      .limit(1);
    if (latestFinal && latestFinal.number !== version.number) {
      throw new AppError("invalid", "Check the highlighted fields.", {
        versionId: [`Version ${latestFinal.number} is the latest final version; a new round consults on it.`],
      });
    }
    const known = await tx.select({ id: pillars.id }).from(pillars).where(inArray(pillars.id, pillarIds));
    if (known.length !== pillarIds.length)
      throw new AppError("invalid", "Check the highlighted fields.", { pillarIds: ["Choose pillars from the list."] });

    const [consultation] = await tx
      .insert(consultations)
      .values({ policyId, versionId, opensAt: opensAt!, closesAt: closesAt!, openedById: staff.id })
      .returning({ id: consultations.id });
    const id = consultation!.id;
    await tx.insert(consultationPillars).values(pillarIds.map((pillarId) => ({ consultationId: id, pillarId })));
    await tx.update(policies).set({ status: "consultation", updatedAt: now }).where(eq(policies.id, policyId));

    const representatives = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "representative")))
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(inArray(organizations.pillarId, pillarIds));
    await notify(
      tx,
      representatives.map((r) => ({
        userId: r.id,
        kind: "consultation_opened" as const,
        title: `Consultation open: ${policy.title}`,
        body: `Version ${version.number} is open for comment by your pillar until ${formatDateTime(closesAt!, timeZone)} (${timeZone}).`,
        href: `/policies/${policy.slug}/consultations/${id}`,
        dedupeKey: `consultation_opened:${id}`,
      })),
    );
    await recordAudit(tx, {
      actorId: staff.id,
      action: "consultation.open",
      entityType: "policy",
      entityId: policyId,
      before: { status: policy.status },
      after: { status: "consultation", consultationId: id, version: version.number, opensAt, closesAt, pillarIds },
    });
    return { id };
  });
}

/** Closes a consultation round now, before its closing time, with a reason; everyone invited and every commenter is told. */
export async function closeConsultation(db: DB, actor: Actor | null, input: unknown, now = new Date()): Promise<{ notified: number }> {
  const staff = authorize(actor, "consultation.close");
  const { consultationId, reason } = parseInput(closeConsultationSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ c: consultations, title: policies.title, slug: policies.slug })
      .from(consultations)
      .innerJoin(policies, eq(policies.id, consultations.policyId))
      .where(eq(consultations.id, consultationId))
      .for("update", { of: consultations });
    if (!row) throw new AppError("not_found", "That consultation does not exist.");
    if (row.c.closedEarlyAt || row.c.closesAt <= now) throw new AppError("conflict", "This consultation is already closed.");
    await tx.update(consultations).set({ closedEarlyAt: now, closedReason: reason }).where(eq(consultations.id, consultationId));
    const people = await consultationAudience(tx, [consultationId], staff.id);
    const ids = await notify(
      tx,
      people.map((userId) => ({
        userId,
        kind: "consultation_closed" as const,
        title: `Consultation closed early: ${row.title}`,
        body: `Comments are no longer accepted. Reason: ${reason.slice(0, 300)}`,
        href: `/policies/${row.slug}/consultations/${consultationId}`,
        dedupeKey: `consultation-closed:${consultationId}`,
      })),
    );
    await recordAudit(tx, {
      actorId: staff.id,
      action: "consultation.close",
      entityType: "consultation",
      entityId: consultationId,
      before: { closesAt: row.c.closesAt, closedEarlyAt: null },
      after: { closesAt: row.c.closesAt, closedEarlyAt: now, reason, notified: ids.length },
    });
    return { notified: ids.length };
  });
}

/**
 * Comments on a paragraph of an open consultation, or replies to a top-level comment. Who may, and
 * when, is decided by `commentRefusal`, the same rule that tells the page why the box is missing.
 */
export async function createComment(db: DB, actor: Actor | null, input: unknown, now = new Date()): Promise<{ id: string }> {
  const author = authorize(actor, "comment.create");
  const { consultationId, body, parentId, ...anchor } = parseInput(createCommentSchema, input);
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ consultation: consultations, policyStatus: policies.status })
      .from(consultations)
      .innerJoin(policies, eq(policies.id, consultations.policyId))
      .where(eq(consultations.id, consultationId));
    if (!found) throw new AppError("not_found", "That consultation does not exist.");
    const { consultation, policyStatus } = found;
    const invited = await tx
      .select({ id: consultationPillars.pillarId })
      .from(consultationPillars)
      .where(eq(consultationPillars.consultationId, consultationId));
    const refusal = commentRefusal(author, { ...consultation, policyStatus, invitedPillarIds: invited.map((p) => p.id) }, now);
    if (refusal) throw new AppError(refusal.code, refusal.reason);

    let versionId: string;
    let { paragraphKey, quote } = anchor;
    if (parentId) {
      const [parent] = await tx
        .select()
        .from(comments)
        .where(and(eq(comments.id, parentId), eq(comments.consultationId, consultationId)));
      if (!parent) throw new AppError("invalid", "Check the highlighted fields.", { parentId: ["Reply to a comment of this consultation."] });
      if (parent.parentId)
        throw new AppError("invalid", "Replies are threaded one level deep: reply to the original comment.", {
          parentId: ["Reply to the original comment."],
        });
      versionId = parent.versionId;
      paragraphKey = parent.paragraphKey;
      quote = null;
    } else {
      // A round's text is frozen: comments are written on the version it consults on.
      versionId = consultation.versionId;
      const [paragraph] = await tx
        .select({ body: policyParagraphs.body })
        .from(policyParagraphs)
        .where(and(eq(policyParagraphs.versionId, versionId), eq(policyParagraphs.key, paragraphKey)));
      if (!paragraph)
        throw new AppError("invalid", "Check the highlighted fields.", { paragraphKey: ["Choose a paragraph of the current version."] });
      if (quote && !paragraph.body.includes(quote)) {
        throw new AppError("invalid", "Check the highlighted fields.", {
          quote: ["Quote words exactly as they appear in the paragraph, or leave the quote empty."],
        });
      }
    }
    const [created] = await tx
      .insert(comments)
      .values({ consultationId, versionId, originalVersionId: versionId, paragraphKey, quote, body, authorId: author.id, parentId })
      .returning({ id: comments.id });
    await recordAudit(tx, {
      actorId: author.id,
      action: "comment.create",
      entityType: "comment",
      entityId: created!.id,
      after: { consultationId, versionId, paragraphKey, quote, parentId },
    });
    return { id: created!.id };
  });
}

/**
 * The Secretariat's answer to a top-level comment, for the register. `not_accepted` needs a reason.
 * The author is notified; an answer may be revised, and each answer writes an audit row.
 */
export async function answerComment(db: DB, actor: Actor | null, input: unknown, now = new Date()): Promise<void> {
  const staff = authorize(actor, "comment.answer");
  const { commentId, response, ...answer } = parseInput(answerCommentSchema, input);
  const status = answer.status as "accepted" | "partly_accepted" | "not_accepted" | "noted";
  await db.transaction(async (tx) => {
    const [comment] = await tx
      .select({ c: comments, slug: policies.slug, title: policies.title })
      .from(comments)
      .innerJoin(consultations, eq(consultations.id, comments.consultationId))
      .innerJoin(policies, eq(policies.id, consultations.policyId))
      .where(eq(comments.id, commentId))
      .for("update", { of: comments });
    if (!comment) throw new AppError("not_found", "That comment does not exist.");
    const c = comment.c;
    if (c.parentId) throw new AppError("conflict", "Only top-level comments are answered; replies are part of their thread.");
    await tx
      .update(comments)
      .set({ status, response: response || null, respondedById: staff.id, respondedAt: now })
      .where(eq(comments.id, commentId));
    if (c.authorId !== staff.id) {
      await notify(tx, [
        {
          userId: c.authorId,
          kind: "comment_answered",
          title: `Your comment on ${comment.title} was answered`,
          body: `Answer: ${status.replace(/_/g, " ")}.${response ? ` ${response.slice(0, 300)}` : ""}`,
          href: `/policies/${comment.slug}`,
        },
      ]);
    }
    await recordAudit(tx, {
      actorId: staff.id,
      action: "comment.answer",
      entityType: "comment",
      entityId: commentId,
      before: { status: c.status, response: c.response },
      after: { status, response: response || null },
    });
  });
}
