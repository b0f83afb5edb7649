import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, comments, policies, policyVersions } from "@/db/schema";
import { answerComment, closeConsultation, createComment, openConsultation } from "@/lib/consultations/commands";
import { getConsultation } from "@/lib/consultations/queries";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { expectRefused } from "@/lib/testing/refusal";
import { changePolicyStatus, createPolicy, createVersion, editDraft, finalizeVersion } from "./commands";
import { compareVersions } from "./compare";
import { getPolicy, getVersionPair, listPolicies } from "./queries";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

const V1 = `**1. Scope.** This policy applies to every member company and its subcontractors in all countries.

**2. Reporting.** Companies report incidents to the Secretariat within 14 days of becoming aware of them.

**3. Training.** Companies train their personnel on this policy every year.

**4. Review.** The Board reviews this policy every three years.`;

const V2 = `**1. Scope.** This policy applies to every member company and its subcontractors in all countries.

**2. Reporting.** Companies report serious incidents to the Secretariat within 72 hours of becoming aware of them.

**4. Review.** The Board reviews this policy every three years.

**5. Follow-up.** Companies inform affected persons of the outcome of their investigation.`;

describe("drafts, versions and carry-forward", () => {
  it("creates a policy with a draft, edits it, refuses duplicates and edits of a final version", async () => {
    const sec = await t.actor("secretariat@example.org");
    const { id, slug } = await createPolicy(t.db, sec, { title: "Incident Follow-up Rules", category: "procedure", bodyMd: "First draft." });
    expect(slug).toBe("incident-follow-up-rules");
    await editDraft(t.db, sec, { policyId: id, title: "Incident Follow-up Rules", category: "procedure", bodyMd: V1 });
    const page = await getPolicy(t.db, sec, { slug });
    expect(page.paragraphs.map((p) => p.body.slice(0, 15))).toEqual(["**1. Scope.** T", "**2. Reporting.", "**3. Training.*", "**4. Review.** "]);
    const dupe = await expectRefused(t.db, () => createPolicy(t.db, sec, { title: "Another", slug, category: "other", bodyMd: "x" }), "conflict");
    expect(dupe.fieldErrors.slug).toEqual(["This address is taken; choose another."]);
    const bad = await expectRefused(
      t.db,
      () => createPolicy(t.db, sec, { title: "", slug: "Bad Slug!", category: "nonsense", bodyMd: "" }),
      "invalid",
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["bodyMd", "category", "slug", "title"]);

    await finalizeVersion(t.db, sec, { policyId: id });
    const refused = await expectRefused(
      t.db,
      () => editDraft(t.db, sec, { policyId: id, title: "X title", category: "other", bodyMd: "Changed." }),
      "conflict",
    );
    expect(refused.message).toMatch(/final/);
    await expectRefused(t.db, () => finalizeVersion(t.db, sec, { policyId: id }), "conflict");
    // The database refuses too, whatever the code does.
    const [v1] = await t.db.select().from(policyVersions).where(eq(policyVersions.policyId, id));
    await expect(t.db.update(policyVersions).set({ bodyMd: "tampered" }).where(eq(policyVersions.id, v1!.id))).rejects.toThrow();
  });

  it("version 2 edits one paragraph, deletes one and inserts one: keys, open comments and outdated comments follow", async () => {
    const sec = await t.actor("secretariat@example.org");
    const rep = await t.actor("rep.gov@example.org");
    const { id: policyId, slug } = await createPolicy(t.db, sec, { title: "Carry Forward Policy", category: "guidance", bodyMd: V1 });
    await finalizeVersion(t.db, sec, { policyId });
    const v1 = await getPolicy(t.db, sec, { slug });
    const k = v1.paragraphs.map((p) => p.key);
    const { id: consultationId } = await openConsultation(t.db, sec, {
      policyId,
      versionId: v1.current!.id,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      pillarIds: ["government"],
    });
    const onEdited = await createComment(t.db, rep, { consultationId, paragraphKey: k[1], quote: "within 14 days", body: "Too slow." });
    const onKept = await createComment(t.db, rep, {
      consultationId,
      paragraphKey: k[1],
      quote: "Companies report",
      body: "Who reports for a consortium?",
    });
    const onDeleted = await createComment(t.db, rep, { consultationId, paragraphKey: k[2], body: "Training should be twice a year." });
    const reply = await createComment(t.db, sec, { consultationId, paragraphKey: k[2], parentId: onDeleted.id, body: "Noted for discussion." });
    const answered = await createComment(t.db, rep, { consultationId, paragraphKey: k[0], body: "Scope is fine." });
    await answerComment(t.db, sec, { commentId: answered.id, status: "noted", response: "Thank you." });

    expect(await createVersion(t.db, sec, { policyId })).toEqual({ number: 2 });
    await expectRefused(t.db, () => createVersion(t.db, sec, { policyId }), "conflict");
    await editDraft(t.db, sec, {
      policyId,
      title: "Carry Forward Policy",
      category: "guidance",
      bodyMd: V2,
      changeSummary: "72 hours; training moved out; follow-up added.",
    });
    // The round's text is frozen: version 2 cannot be made final while the round on version 1 is open.
    const frozen = await expectRefused(t.db, () => finalizeVersion(t.db, sec, { policyId }), "conflict");
    expect(frozen.message).toMatch(/frozen until the round closes/);
    await closeConsultation(t.db, sec, { consultationId, reason: "Version 2 answers the comments received." });
    const moved = await finalizeVersion(t.db, sec, { policyId });
    // Carried: the comment whose quoted words survive; outdated: the quote that is gone, and the deleted paragraph.
    expect(moved).toEqual({ number: 2, carried: 1, outdated: 2 });

    const v2 = await getPolicy(t.db, sec, { slug });
    expect(v2.current!.number).toBe(2);
    const k2 = v2.paragraphs.map((p) => p.key);
    expect(k2.slice(0, 3)).toEqual([k[0], k[1], k[3]]);
    expect(k).not.toContain(k2[3]);

    const rows = await t.db.select().from(comments).where(eq(comments.consultationId, consultationId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(onKept.id)).toMatchObject({ versionId: v2.current!.id, originalVersionId: v1.current!.id, outdatedAt: null });
    expect(byId.get(onEdited.id)).toMatchObject({ versionId: v1.current!.id, originalVersionId: v1.current!.id });
    expect(byId.get(onEdited.id)!.outdatedAt).toBeInstanceOf(Date);
    expect(byId.get(onDeleted.id)!.outdatedAt).toBeInstanceOf(Date);
    expect(byId.get(onDeleted.id)!.versionId).toBe(v1.current!.id);
    expect(byId.get(reply.id)!.outdatedAt).toBeInstanceOf(Date);
    // Answered comments belong to the register of the version they were made on.
    expect(byId.get(answered.id)!.versionId).toBe(v1.current!.id);

    // The round's page keeps its frozen text (version 1); each comment says the version it was written on and whether it still fits version 2.
    const page = await getConsultation(t.db, rep, { consultationId });
    expect(page.versionNumber).toBe(1);
    expect(page.currentVersion.number).toBe(2);
    expect(page.paragraphs.map((p) => p.key)).toEqual(k);
    const shown = new Map(page.comments.map((c) => [c.id, c]));
    expect(shown.get(onKept.id)).toMatchObject({ originalVersionNumber: 1, outdated: null });
    expect(shown.get(onEdited.id)!.outdated).toBe("Outdated: quoted words no longer in version 2");
    expect(shown.get(answered.id)).toMatchObject({ originalVersionNumber: 1, outdated: null });
    expect(shown.get(onDeleted.id)!.outdated).toBe("Outdated: paragraph removed in version 2");

    const pair = await getVersionPair(t.db, null, { slug, from: 1, to: 2 }).catch((e: AppError) => e);
    expect(pair).toBeInstanceOf(AppError);
    const diff = await getVersionPair(t.db, sec, { slug, from: 1, to: 2 });
    const rowsDiff = compareVersions(diff.fromParagraphs, diff.toParagraphs);
    expect(rowsDiff.map((r) => r.kind)).toEqual(["unchanged", "edited", "deleted", "unchanged", "added"]);
    const edited = rowsDiff[1]!;
    if (edited.kind !== "edited") throw new Error("expected an edit");
    expect(edited.parts.filter((p) => p.change === "added").map((p) => p.text.trim())).toEqual(["serious", "72 hours"]);
    expect(edited.parts.filter((p) => p.change === "removed").map((p) => p.text.trim())).toEqual(["14 days"]);
    await expectRefused(t.db, () => getVersionPair(t.db, sec, { slug, from: 1, to: 9 }), "invalid");
  });

  it("status moves are checked against the current status; motion moves are refused; each move is audited", async () => {
    const sec = await t.actor("secretariat@example.org");
    const { id } = await createPolicy(t.db, sec, { title: "Status Walk Policy", category: "other", bodyMd: V1 });
    await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId: id, status: "board_review" }), "conflict");
    const consult = await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId: id, status: "consultation" }), "conflict");
    expect(consult.message).toMatch(/Open a consultation/);
    await t.db.update(policies).set({ status: "board_review" }).where(eq(policies.id, id));
    const vote = await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId: id, status: "voting" }), "conflict");
    expect(vote.message).toMatch(/board motion/);
    await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId: id, status: "adopted" }), "conflict");
    const noReason = await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId: id, status: "withdrawn" }), "invalid");
    expect(noReason.fieldErrors.reason).toEqual(["Give the reason for withdrawing the policy (at least 10 characters)."]);
    await changePolicyStatus(t.db, sec, { policyId: id, status: "withdrawn", reason: "Superseded by the new incident rules." });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "policy.changeStatus")));
    expect(audit).toMatchObject({
      before: { status: "board_review" },
      after: { status: "withdrawn", reason: "Superseded by the new incident rules." },
    });
    await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId: id, status: "draft" }), "conflict");
    await expectRefused(t.db, () => createVersion(t.db, sec, { policyId: id }), "conflict");
    await expectRefused(
      t.db,
      () =>
        changePolicyStatus(t.db, sec, { policyId: "00000000-0000-4000-8000-000000000000", status: "withdrawn", reason: "No such policy at all." }),
      "not_found",
    );
  });
});

describe("bad input to every command", () => {
  it("is refused with field errors or not found, and nothing changes", async () => {
    const sec = await t.actor("secretariat@example.org");
    const { id } = await createPolicy(t.db, sec, { title: "Bad Input Policy", category: "other", bodyMd: V1 });
    const edit = await expectRefused(
      t.db,
      () => editDraft(t.db, sec, { policyId: id, title: "x", category: "poetry", bodyMd: "y".repeat(200_001) }),
      "invalid",
    );
    expect(Object.keys(edit.fieldErrors).sort()).toEqual(["bodyMd", "category", "title"]);
    await expectRefused(
      t.db,
      () => editDraft(t.db, sec, { policyId: "00000000-0000-4000-8000-000000000000", title: "Fine title", category: "other", bodyMd: "Text." }),
      "not_found",
    );
    const status = await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId: id, status: "published" }), "invalid");
    expect(status.fieldErrors.status).toEqual(["Choose a status."]);
    await expectRefused(t.db, () => createVersion(t.db, sec, { policyId: "1; drop table policies" }), "invalid");
    await expectRefused(t.db, () => finalizeVersion(t.db, sec, {}), "invalid");
    await expectRefused(t.db, () => finalizeVersion(t.db, sec, { policyId: "00000000-0000-4000-8000-000000000000" }), "not_found");
  });
});

describe("who sees which policies", () => {
  it("visitors see adopted policies only; drafts need a signed-in internal reader", async () => {
    const visitor = await listPolicies(t.db, null, {});
    expect(visitor.rows.length).toBeGreaterThan(0);
    expect(new Set(visitor.rows.map((r) => r.status))).toEqual(new Set(["adopted"]));
    expect(
      (await expectRefused(t.db, () => getPolicy(t.db, null, { slug: "whistleblower-protection-guidance" }), "unauthenticated")).message,
    ).toMatch(/Sign in/);
    await expectRefused(t.db, () => getPolicy(t.db, null, { slug: "no-such-policy" }), "not_found");
    await expectRefused(t.db, () => getPolicy(t.db, null, { slug: "../etc" }), "not_found");
    const adopted = await getPolicy(t.db, null, { slug: "certification-procedure" });
    expect(adopted.current!.number).toBe(2);
    expect(adopted.consultations).toEqual([]);
  });

  it("open and draft motions on a policy are internal: a representative sees only closed ones", async () => {
    const rep = await t.actor("rep.psc@example.org");
    const director = await t.actor("cso2@example.org");
    const asDirector = await getPolicy(t.db, director, { slug: "incident-reporting-requirements" });
    expect(asDirector.policy.status).toBe("voting");
    expect(asDirector.motions.map((m) => m.status)).toContain("open");
    const asRep = await getPolicy(t.db, rep, { slug: "incident-reporting-requirements" });
    expect(asRep.paragraphs.length).toBeGreaterThan(0);
    expect(asRep.motions.filter((m) => m.status !== "closed")).toEqual([]);
    expect(asRep.motions.map((m) => m.id)).not.toContain(asDirector.motions.find((m) => m.status === "open")!.id);
  });

  it("a representative sees adopted policies and those consulted with their pillar, never a draft", async () => {
    const rep = await t.actor("rep.psc@example.org");
    const seen = (await listPolicies(t.db, rep, {})).rows.map((r) => r.slug);
    expect(seen).toContain("complaints-procedure-affected-persons");
    expect(seen).not.toContain("whistleblower-protection-guidance");
    await expectRefused(t.db, () => getPolicy(t.db, rep, { slug: "whistleblower-protection-guidance" }), "forbidden");
    const director = await t.actor("cso2@example.org");
    const all = await listPolicies(t.db, director, { status: "draft" });
    expect(all.rows.map((r) => r.slug)).toContain("whistleblower-protection-guidance");
    expect(all.rows.every((r) => r.status === "draft")).toBe(true);
    const filtered = await listPolicies(t.db, director, { category: "budget", status: "nonsense" });
    expect(filtered.rows.map((r) => r.category)).toEqual(["budget"]);
  });

  it("the list shows each policy's latest version the reader may see and whether it is open for comment now", async () => {
    const sec = await t.actor("secretariat@example.org");
    const rep = await t.actor("rep.gov@example.org");
    const { id: policyId, slug } = await createPolicy(t.db, sec, { title: "Listed Version Policy", category: "guidance", bodyMd: V1 });
    await finalizeVersion(t.db, sec, { policyId });
    const { id: quietId, slug: quietSlug } = await createPolicy(t.db, sec, { title: "Quiet Listed Policy", category: "guidance", bodyMd: V1 });
    const row = async (actor: typeof sec | null, wanted: string) => (await listPolicies(t.db, actor, {})).rows.find((r) => r.slug === wanted);
    expect(await row(sec, slug)).toMatchObject({ latestVersion: 1, openConsultation: false });
    expect(await row(sec, quietSlug)).toMatchObject({ latestVersion: 1, openConsultation: false });
    const v1 = await getPolicy(t.db, sec, { slug });
    await openConsultation(t.db, sec, {
      policyId,
      versionId: v1.current!.id,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      pillarIds: ["government"],
    });
    await createVersion(t.db, sec, { policyId });
    // The Secretariat sees the draft version 2; the representative only final versions.
    expect(await row(sec, slug)).toMatchObject({ latestVersion: 2, openConsultation: true });
    expect(await row(rep, slug)).toMatchObject({ latestVersion: 1, openConsultation: true });
    expect(await row(sec, quietSlug)).toMatchObject({ latestVersion: 1, openConsultation: false });
    expect(quietId).not.toBe(policyId);
  });
});
