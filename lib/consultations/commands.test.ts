import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, comments, notifications, policies, users } from "@/db/schema";
import { createPolicy, finalizeVersion } from "@/lib/policies/commands";
import { getPolicy } from "@/lib/policies/queries";
import { insertConsultation } from "@/lib/policies/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { answerComment, closeConsultation, createComment, openConsultation } from "./commands";
import { parseCsv } from "./csv-parse";
import { getConsultation, listRegister } from "./queries";
import { REGISTER_HEADER, registerCsv } from "./register-csv";
import { expectRefused, refusal } from "@/lib/testing/refusal";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

const TEXT = `**1. Scope.** This policy applies to every member company and its subcontractors.

**2. Reporting.** Companies report incidents to the Secretariat within 72 hours.

**3. Review.** The Board reviews this policy every three years.`;
const DAY = 24 * 60 * 60 * 1000;

describe("a consultation, from opening to the register", () => {
  let policyId: string;
  let slug: string;
  let consultationId: string;
  let keys: string[];
  let closesAt: Date;
  let commentId: string;

  it("the Secretariat opens a consultation on version 1 to two of the three pillars, and their representatives are told", async () => {
    const sec = await t.actor("secretariat@example.org");
    ({ id: policyId, slug } = await createPolicy(t.db, sec, { title: "Use of Force Reporting", category: "procedure", bodyMd: TEXT }));
    await finalizeVersion(t.db, sec, { policyId });
    const page = await getPolicy(t.db, sec, { slug });
    keys = page.paragraphs.map((p) => p.key);
    closesAt = new Date(Date.now() + 14 * DAY);
    ({ id: consultationId } = await openConsultation(t.db, sec, {
      policyId,
      versionId: page.current!.id,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: closesAt.toISOString(),
      pillarIds: ["government", "civil_society"],
    }));
    const [policy] = await t.db.select().from(policies).where(eq(policies.id, policyId));
    expect(policy!.status).toBe("consultation");
    const notified = await t.db
      .select({ email: users.email, href: notifications.href })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.kind, "consultation_opened"));
    const emails = notified
      .filter((n) => n.href?.includes(consultationId))
      .map((n) => n.email)
      .sort();
    expect(emails).toEqual(["rep.cso@example.org", "rep.gov@example.org"]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, policyId), eq(auditLog.action, "consultation.open")));
    expect(audit).toMatchObject({ before: { status: "draft" }, after: { status: "consultation" } });
  });

  it("a representative of an invited pillar comments on a chosen paragraph, quoting it; the comment shows author, organisation and pillar", async () => {
    const rep = await t.actor("rep.cso@example.org");
    ({ id: commentId } = await createComment(t.db, rep, {
      consultationId,
      paragraphKey: keys[1],
      quote: "within 72 hours",
      body: "72 hours is right; say **calendar** hours.",
    }));
    const page = await getConsultation(t.db, rep, { consultationId });
    const mine = page.comments.find((c) => c.id === commentId)!;
    expect(mine).toMatchObject({
      paragraphKey: keys[1],
      quote: "within 72 hours",
      authorName: rep.name,
      organizationName: rep.organizationName,
      pillarName: rep.pillarName,
    });
    expect(page.refusal).toBeNull();
    expect(page.coverage.silentInvited).toEqual(["Governments"]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, commentId), eq(auditLog.action, "comment.create")));
    expect(audit).toMatchObject({ actorId: rep.id, after: { consultationId, paragraphKey: keys[1], quote: "within 72 hours", parentId: null } });
  });

  it("the representative of the third pillar cannot comment: the page says why and a crafted request is refused", async () => {
    const psc = await t.actor("rep.psc@example.org");
    // The consultation does not invite their pillar, so they cannot even open it.
    expect((await refusal(getConsultation(t.db, psc, { consultationId }))).code).toBe("forbidden");
    const error = await expectRefused(
      t.db,
      () => createComment(t.db, psc, { consultationId, paragraphKey: keys[0], body: "Let me in." }),
      "forbidden",
    );
    expect(error.message).toMatch(/does not invite Private Security Companies/);
    // A director of that pillar sees the page and may comment; the administrator may not.
    const director = await t.actor("psc2@example.org");
    expect((await getConsultation(t.db, director, { consultationId })).refusal).toBeNull();
    const admin = await t.actor("admin@example.org");
    expect((await getConsultation(t.db, admin, { consultationId })).refusal?.code).toBe("forbidden");
    await expectRefused(t.db, () => createComment(t.db, admin, { consultationId, paragraphKey: keys[0], body: "Admin view." }), "forbidden");
    await expectRefused(t.db, () => createComment(t.db, null, { consultationId, paragraphKey: keys[0], body: "Anonymous." }), "unauthenticated");
  });

  it("bad comments get field errors and write nothing", async () => {
    const rep = await t.actor("rep.gov@example.org");
    const blank = await expectRefused(t.db, () => createComment(t.db, rep, { consultationId, paragraphKey: keys[0], body: "   " }), "invalid");
    expect(blank.fieldErrors.body).toEqual(["Write your comment."]);
    const huge = await expectRefused(
      t.db,
      () => createComment(t.db, rep, { consultationId, paragraphKey: keys[0], body: "x".repeat(20_000) }),
      "invalid",
    );
    expect(huge.fieldErrors.body?.[0]).toMatch(/under 10,000/);
    const unknown = await expectRefused(t.db, () => createComment(t.db, rep, { consultationId, paragraphKey: "p-nothere", body: "Hm." }), "invalid");
    expect(unknown.fieldErrors.paragraphKey).toBeDefined();
    const misquote = await expectRefused(
      t.db,
      () => createComment(t.db, rep, { consultationId, paragraphKey: keys[0], quote: "not in the text", body: "Hm." }),
      "invalid",
    );
    expect(misquote.fieldErrors.quote).toBeDefined();
    await expectRefused(t.db, () => createComment(t.db, rep, { consultationId: "not-a-uuid", paragraphKey: keys[0], body: "Hm." }), "invalid");
    await expectRefused(
      t.db,
      () => createComment(t.db, rep, { consultationId: "00000000-0000-4000-8000-000000000000", paragraphKey: keys[0], body: "Hm." }),
      "not_found",
    );
  });

  it("replies thread one level deep", async () => {
    const gov = await t.actor("rep.gov@example.org");
    const { id: replyId } = await createComment(t.db, gov, { consultationId, paragraphKey: keys[0], parentId: commentId, body: "Agreed." });
    const [reply] = await t.db.select().from(comments).where(eq(comments.id, replyId));
    expect(reply).toMatchObject({ parentId: commentId, paragraphKey: keys[1] });
    await expectRefused(
      t.db,
      () => createComment(t.db, gov, { consultationId, paragraphKey: keys[0], parentId: replyId, body: "Deeper." }),
      "invalid",
    );
  });

  it("after the closing time, and after closing early, every comment is refused", async () => {
    const sec = await t.actor("secretariat@example.org");
    const rep = await t.actor("rep.cso@example.org");
    const later = new Date(closesAt.getTime() + 1000);
    const late = await expectRefused(
      t.db,
      () => createComment(t.db, rep, { consultationId, paragraphKey: keys[0], body: "Late." }, later),
      "conflict",
    );
    expect(late.message).toMatch(/closed/);
    await expectRefused(t.db, () => createComment(t.db, sec, { consultationId, paragraphKey: keys[0], body: "Late too." }, later), "conflict");
    expect((await getConsultation(t.db, rep, { consultationId }, later)).refusal?.reason).toMatch(/closed/);
    await expectRefused(
      t.db,
      () => closeConsultation(t.db, sec, { consultationId, reason: "The text needs another version first." }, later),
      "conflict",
    );
    // Closed early by the Secretariat: refused at once, and the closing is audited.
    const early = await insertConsultation(t.db);
    const noReason = await expectRefused(t.db, () => closeConsultation(t.db, sec, { consultationId: early.consultationId, reason: " " }), "invalid");
    expect(noReason.fieldErrors.reason).toEqual(["Give the reason for closing the consultation early (at least 10 characters)."]);
    expect(await closeConsultation(t.db, sec, { consultationId: early.consultationId, reason: "The text needs another version first." })).toEqual({
      notified: 3,
    });
    await expectRefused(
      t.db,
      () => createComment(t.db, rep, { consultationId: early.consultationId, paragraphKey: early.keys[0], body: "Too late." }),
      "conflict",
    );
    const [closing] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, early.consultationId), eq(auditLog.action, "consultation.close")));
    expect(closing!.actorId).toBe(sec.id);
    expect(closing!.after).toMatchObject({ reason: "The text needs another version first.", notified: 3 });
    // Every representative of the invited pillars is told why.
    const told = await t.db
      .select({ body: notifications.body })
      .from(notifications)
      .where(
        and(eq(notifications.kind, "consultation_closed"), eq(notifications.href, `/policies/${early.slug}/consultations/${early.consultationId}`)),
      );
    expect(told.map((n) => n.body)).toEqual(Array(3).fill("Comments are no longer accepted. Reason: The text needs another version first."));
    await expectRefused(t.db, () => closeConsultation(t.db, sec, { consultationId: "nope" }), "invalid");
    await expectRefused(
      t.db,
      () => closeConsultation(t.db, sec, { consultationId: "00000000-0000-4000-8000-000000000000", reason: "The text needs another version first." }),
      "not_found",
    );
  });

  it("the Secretariat answers: not accepted needs a reason; the author is notified and the answer audited", async () => {
    const sec = await t.actor("secretariat@example.org");
    const noReason = await expectRefused(t.db, () => answerComment(t.db, sec, { commentId, status: "not_accepted", response: "  " }), "invalid");
    expect(noReason.fieldErrors.response).toEqual(["Give the reason why the comment is not accepted."]);
    await expectRefused(t.db, () => answerComment(t.db, sec, { commentId, status: "open", response: "" }), "invalid");
    const emptyNote = await expectRefused(t.db, () => answerComment(t.db, sec, { commentId, status: "noted", response: "" }), "invalid");
    expect(emptyNote.fieldErrors.response).toEqual(["Say what was noted and what follows from it."]);
    await expectRefused(
      t.db,
      () => answerComment(t.db, sec, { commentId: "00000000-0000-4000-8000-000000000000", status: "noted", response: "Thank you." }),
      "not_found",
    );
    await answerComment(t.db, sec, { commentId, status: "not_accepted", response: "Working hours are clearer for companies." });
    const rep = await t.actor("rep.cso@example.org");
    const notices = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, rep.id), eq(notifications.kind, "comment_answered"), eq(notifications.href, `/policies/${slug}`)));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toMatch(/^Answer: not accepted\. Working hours/);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, commentId), eq(auditLog.action, "comment.answer")));
    expect(audit).toMatchObject({
      before: { status: "open" },
      after: { status: "not_accepted", response: "Working hours are clearer for companies." },
    });
    const [reply] = await t.db.select().from(comments).where(eq(comments.parentId, commentId));
    await expectRefused(t.db, () => answerComment(t.db, sec, { commentId: reply!.id, status: "noted", response: "Thank you." }), "conflict");
  });

  it("the register filters by pillar and status", async () => {
    const sec = await t.actor("secretariat@example.org");
    const dir = await t.actor("gov2@example.org");
    await createComment(t.db, dir, { consultationId, paragraphKey: keys[2], body: "Three years is long." });
    const all = await listRegister(t.db, sec, { consultationId });
    expect(all.rows).toHaveLength(2);
    const cso = await listRegister(t.db, sec, { consultationId, pillar: "civil_society" });
    expect(cso.rows.map((r) => r.id)).toEqual([commentId]);
    const open = await listRegister(t.db, sec, { consultationId, status: "open" });
    expect(open.rows.map((r) => r.pillarId)).toEqual(["government"]);
    expect((await listRegister(t.db, sec, { consultationId, status: "not_accepted", pillar: "government" })).rows).toEqual([]);
    // The CSV export reads back exactly, with formula-like text neutralised.
    await createComment(t.db, dir, {
      consultationId,
      paragraphKey: keys[0],
      quote: "every member company",
      body: '=HYPERLINK("http://evil.example","click"), then\n"quoted" text',
    });
    const exported = await listRegister(t.db, sec, { consultationId });
    const parsed = parseCsv(registerCsv(exported.rows));
    expect(parsed[0]).toEqual(REGISTER_HEADER);
    expect(parsed).toHaveLength(exported.rows.length + 1);
    // In paragraph order: the new comment on paragraph 1 comes first.
    expect(exported.rows.map((r) => r.paragraphNumber)).toEqual([1, 2, 3]);
    const last = parsed[1]!;
    expect(last.slice(0, 7)).toEqual([
      "1",
      "every member company",
      `'=HYPERLINK("http://evil.example","click"), then\n"quoted" text`,
      dir.name,
      dir.organizationName,
      dir.pillarName,
      "open",
    ]);
    expect(parsed[2]!.slice(0, 3)).toEqual(["2", "within 72 hours", "72 hours is right; say **calendar** hours."]);
    expect(parsed[2]!.slice(6, 9)).toEqual(["not_accepted", "Working hours are clearer for companies.", sec.name]);
    // Unknown filter values are ignored rather than failing.
    expect((await listRegister(t.db, sec, { consultationId, status: "bogus", pillar: "'; drop" })).rows).toHaveLength(3);
  });

  it("opening needs a final version, a sensible window and a draft policy", async () => {
    const sec = await t.actor("secretariat@example.org");
    const { id } = await createPolicy(t.db, sec, { title: "Draft only policy", category: "other", bodyMd: TEXT });
    const draftPage = await getPolicy(t.db, sec, { slug: "draft-only-policy" });
    const base = {
      policyId: id,
      versionId: draftPage.current!.id,
      opensAt: "2030-01-10T09:00",
      closesAt: "2030-01-20T17:00",
      pillarIds: ["industry"],
    };
    const draft = await expectRefused(t.db, () => openConsultation(t.db, sec, base), "invalid");
    expect(draft.fieldErrors.versionId).toEqual(["Only a final version can be put out for consultation."]);
    await finalizeVersion(t.db, sec, { policyId: id });
    const backwards = await expectRefused(t.db, () => openConsultation(t.db, sec, { ...base, closesAt: "2030-01-01T09:00" }), "invalid");
    expect(backwards.fieldErrors.closesAt).toEqual(["The consultation must close after it opens."]);
    const noPillar = await expectRefused(t.db, () => openConsultation(t.db, sec, { ...base, pillarIds: [] }), "invalid");
    expect(noPillar.fieldErrors.pillarIds).toBeDefined();
    await expectRefused(t.db, () => openConsultation(t.db, sec, { ...base, pillarIds: ["martians"] }), "invalid");
    await expectRefused(t.db, () => openConsultation(t.db, sec, { ...base, opensAt: "soon" }), "invalid");
    // The first policy is already in consultation.
    const first = await getPolicy(t.db, sec, { slug });
    await expectRefused(t.db, () => openConsultation(t.db, sec, { ...base, policyId, versionId: first.current!.id }), "conflict");
  });
});
