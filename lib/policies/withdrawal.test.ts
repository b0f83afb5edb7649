import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, consultations, motionResults, motions, notifications, policies } from "@/db/schema";
import { closeConsultation, createComment, openConsultation } from "@/lib/consultations/commands";
import { getConsultation } from "@/lib/consultations/queries";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { expectRefused } from "@/lib/testing/refusal";
import { draftMotion, openMotion } from "@/lib/votes/commands";
import { changePolicyStatus, createPolicy, finalizeVersion } from "./commands";
import { getPolicy, listPolicies } from "./queries";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

const TEXT = `**1. Scope.** Applies to every member company.

**2. Reporting.** Companies report incidents within 72 hours.`;
const REASON = "The Board asked for a joint policy with the complaints procedure instead.";

async function policyInRound(title: string) {
  const sec = await t.actor("secretariat@example.org");
  const { id: policyId, slug } = await createPolicy(t.db, sec, { title, category: "procedure", bodyMd: TEXT });
  await finalizeVersion(t.db, sec, { policyId });
  const page = await getPolicy(t.db, sec, { slug });
  const { id: consultationId } = await openConsultation(t.db, sec, {
    policyId,
    versionId: page.current!.id,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    pillarIds: ["government", "civil_society"],
  });
  return { policyId, slug, consultationId, keys: page.paragraphs.map((p) => p.key), versionId: page.current!.id };
}

describe("withdrawing a policy", () => {
  it("needs a reason, closes its open round, tells the invited pillars and the commenters, and a later comment is refused with nothing changed", async () => {
    const sec = await t.actor("secretariat@example.org");
    const rep = await t.actor("rep.gov@example.org");
    const director = await t.actor("cso2@example.org");
    const { policyId, slug, consultationId, keys } = await policyInRound("Withdrawn Consulted Policy");
    await createComment(t.db, director, { consultationId, paragraphKey: keys[0]!, body: "Why not all personnel?" });
    expect((await listPolicies(t.db, sec, {})).rows.find((r) => r.slug === slug)).toMatchObject({ openConsultation: true });

    const refused = await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId, status: "withdrawn", reason: "no" }), "invalid");
    expect(refused.fieldErrors.reason).toEqual(["Give the reason for withdrawing the policy (at least 10 characters)."]);
    await expectRefused(t.db, () => changePolicyStatus(t.db, director, { policyId, status: "withdrawn", reason: REASON }), "forbidden");

    const result = await changePolicyStatus(t.db, sec, { policyId, status: "withdrawn", reason: REASON });
    // rep.gov, rep.cso (invited pillars) and the commenting director.
    expect(result).toEqual({ status: "withdrawn", notified: 3 });
    const [policy] = await t.db.select().from(policies).where(eq(policies.id, policyId));
    expect(policy).toMatchObject({ status: "withdrawn", withdrawnReason: REASON });
    const [round] = await t.db.select().from(consultations).where(eq(consultations.id, consultationId));
    expect(round!.closedEarlyAt).toBeInstanceOf(Date);
    expect(round!.closedReason).toBe(`The policy was withdrawn: ${REASON}`);
    const notices = await t.db
      .select({ userId: notifications.userId, body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.kind, "policy_withdrawn"), eq(notifications.href, `/policies/${slug}`)));
    const repCso = await t.actor("rep.cso@example.org");
    expect(notices.map((n) => n.userId).sort()).toEqual([rep.id, repCso.id, director.id].sort());
    expect(notices[0]!.body).toBe(`Its consultation is closed and comments are no longer accepted. Reason: ${REASON}`);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, policyId), eq(auditLog.action, "policy.changeStatus")));
    expect(audit).toMatchObject({
      before: { status: "consultation" },
      after: { status: "withdrawn", reason: REASON, closedConsultationIds: [consultationId] },
    });

    // The representative's comment is refused and nothing changes in the database.
    const late = await expectRefused(
      t.db,
      () => createComment(t.db, rep, { consultationId, paragraphKey: keys[1]!, body: "Still relevant?" }),
      "conflict",
    );
    expect(late.message).toBe("This policy was withdrawn; comments are no longer accepted.");
    expect((await getConsultation(t.db, rep, { consultationId })).refusal?.reason).toBe(late.message);
    expect((await listPolicies(t.db, sec, {})).rows.find((r) => r.slug === slug)).toMatchObject({ status: "withdrawn", openConsultation: false });
    // Withdrawn is final: no second withdrawal, no return to drafting.
    await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId, status: "withdrawn", reason: REASON }), "conflict");
    await expectRefused(t.db, () => changePolicyStatus(t.db, sec, { policyId, status: "draft" }), "conflict");
  });

  it("withdraws its open motion with no result; the directors on the roll are told, and the motion is off the vote", async () => {
    const sec = await t.actor("secretariat@example.org");
    const chair = await t.actor("gov1@example.org");
    const { policyId, slug, consultationId, versionId } = await policyInRound("Withdrawn Voted Policy");
    await closeConsultation(t.db, sec, { consultationId, reason: "Enough comments were received to proceed." });
    await changePolicyStatus(t.db, sec, { policyId, status: "board_review" });
    const { id: motionId } = await draftMotion(t.db, chair, {
      kind: "adopt_policy_version",
      title: "Adopt the withdrawn voted policy",
      versionId,
      closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    await openMotion(t.db, chair, { motionId });
    expect((await getPolicy(t.db, sec, { slug })).policy.status).toBe("voting");

    const result = await changePolicyStatus(t.db, sec, { policyId, status: "withdrawn", reason: REASON });
    expect(result.status).toBe("withdrawn");
    const [motion] = await t.db.select().from(motions).where(eq(motions.id, motionId));
    expect(motion).toMatchObject({ status: "withdrawn", withdrawnReason: `The policy was withdrawn: ${REASON}`, withdrawnById: sec.id });
    expect(await t.db.select().from(motionResults).where(eq(motionResults.motionId, motionId))).toEqual([]);
    const told = await t.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.kind, "motion_withdrawn"), eq(notifications.href, `/votes/${motionId}`)));
    // Every seated director (12 in the demo board) was on the roll.
    expect(told).toHaveLength(12);
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.entityId, [motionId, policyId]));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["motion.withdraw", "policy.changeStatus"]));
    // The policy stays withdrawn: withdrawing its motion does not send it back to board review.
    expect((await getPolicy(t.db, sec, { slug })).policy.status).toBe("withdrawn");
  });
});
