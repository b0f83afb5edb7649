import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, ballotHistory, ballots, motionResults, motionRoll, motions, notifications, policies, policyVersions, recusals } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { castBallot, closeMotionEarly, declareRecusal, draftMotion, openMotion } from "./commands";
import { openFreshResolution } from "./fixtures";
import { toCsv } from "@/lib/csv";
import { finaliseIfDueAndExportRollCall, finaliseIfDueAndGetMotion, finaliseDueAndListMotions } from "./queries";
import { recordDueNotices } from "@/lib/notifications/due";
import { tallyMotion } from "./tally-input";
import { refusal } from "@/lib/testing/refusal";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

const DIRECTORS = ["gov1", "gov2", "gov3", "gov4", "cso1", "cso2", "cso3", "cso4", "psc1", "psc2", "psc3", "psc4"].map((d) => `${d}@example.org`);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function policyBySlug(slug: string) {
  const [policy] = await t.db.select().from(policies).where(eq(policies.slug, slug));
  return policy!;
}

async function vote(motionId: string, pattern: Record<string, "yes" | "no" | "abstain">) {
  for (const [who, choice] of Object.entries(pattern)) await castBallot(t.db, await t.actor(`${who}@example.org`), { motionId, choice });
}

describe("a motion on a policy, from draft to result", () => {
  it("the Secretariat drafts, the Chair opens: rule and roll snapshotted, version frozen, policy voting, roll notified", async () => {
    const secretariat = await t.actor("secretariat@example.org");
    const chair = await t.actor("gov1@example.org");
    const policy = await policyBySlug("human-rights-impact-assessment-guidance");
    const [version] = await t.db.select().from(policyVersions).where(eq(policyVersions.policyId, policy.id));
    const { id } = await draftMotion(t.db, secretariat, {
      kind: "adopt_policy_version",
      title: "Adopt the HRIA guidance",
      versionId: version!.id,
      closesAt: inDays(3),
    });
    await openMotion(t.db, chair, { motionId: id });

    const [motion] = await t.db.select().from(motions).where(eq(motions.id, id));
    expect(motion).toMatchObject({ status: "open", openedById: chair.id, ruleSnapshot: { quorum: { minTotal: 7, minPerPillar: 2 } } });
    expect(await t.db.select().from(motionRoll).where(eq(motionRoll.motionId, id))).toHaveLength(12);
    expect((await policyBySlug(policy.slug)).status).toBe("voting");
    const [frozen] = await t.db.select().from(policyVersions).where(eq(policyVersions.id, version!.id));
    expect(frozen!.frozenAt).not.toBeNull();
    const opened = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "motion_opened"), eq(notifications.href, `/votes/${id}`)));
    expect(opened).toHaveLength(12);

    // A frozen version cannot change: the database refuses the edit, and nothing moves.
    const before = await databaseFingerprint(t.db);
    await expect(t.db.update(policyVersions).set({ bodyMd: "Changed." }).where(eq(policyVersions.id, version!.id))).rejects.toThrow();
    await expect(t.db.update(policyVersions).set({ frozenAt: null }).where(eq(policyVersions.id, version!.id))).rejects.toThrow();
    expect(await databaseFingerprint(t.db)).toEqual(before);

    // 8 yes but a single industry yes: the motion fails, naming that pillar, and the policy returns to board review.
    await vote(id, {
      gov1: "yes",
      gov2: "yes",
      gov3: "yes",
      gov4: "yes",
      cso1: "yes",
      cso2: "yes",
      cso3: "yes",
      psc1: "yes",
      psc2: "no",
      psc3: "no",
      psc4: "abstain",
    });
    const live = await finaliseIfDueAndGetMotion(t.db, chair, id);
    expect(live!.tally!.decided).toBe("fail");
    expect(live!.tally!.needs).toEqual(["needs 1 more yes from Private Security Companies"]);
    expect(await closeMotionEarly(t.db, chair, { motionId: id })).toEqual({ passed: false });
    const [result] = await t.db.select().from(motionResults).where(eq(motionResults.motionId, id));
    expect(result!.passed).toBe(false);
    expect(result!.closedEarly).toBe(true);
    expect(result!.reasons).toContain("Threshold not met in Private Security Companies: 1 yes of the 2 required from that pillar");
    expect((await policyBySlug(policy.slug)).status).toBe("board_review");
    expect(
      await t.db
        .select()
        .from(notifications)
        .where(eq(notifications.dedupeKey, `motion-result:${id}`)),
    ).toHaveLength(12);
  });

  it("a passed motion adopts the policy at that version", async () => {
    const policy = await policyBySlug("human-rights-impact-assessment-guidance");
    const [version] = await t.db.select().from(policyVersions).where(eq(policyVersions.policyId, policy.id));
    const { id } = await draftMotion(t.db, await t.actor("gov1@example.org"), {
      kind: "adopt_policy_version",
      title: "Adopt the HRIA guidance again",
      versionId: version!.id,
      closesAt: inDays(3),
    });
    await openMotion(t.db, await t.actor("gov1@example.org"), { motionId: id });
    await vote(id, { gov1: "yes", gov2: "yes", cso1: "yes", cso2: "yes", psc1: "yes", psc2: "yes", gov3: "yes", cso3: "yes" });
    const early = await finaliseIfDueAndGetMotion(t.db, await t.actor("cso4@example.org"), id);
    expect(early!.tally!.passes).toBe(true);
    expect(early!.tally!.decided).toBe("pass");
    await closeMotionEarly(t.db, await t.actor("gov1@example.org"), { motionId: id });
    expect(await policyBySlug(policy.slug)).toMatchObject({ status: "adopted", adoptedVersionId: version!.id });
  });
});

describe("ballots", () => {
  it("a director changes their ballot until close; every change is kept and the tally follows", async () => {
    const motionId = await openFreshResolution(t.db);
    const cso3 = await t.actor("cso3@example.org");
    for (const choice of ["no", "abstain", "abstain", "yes"] as const) await castBallot(t.db, cso3, { motionId, choice });
    const current = await t.db.select().from(ballots).where(eq(ballots.motionId, motionId));
    expect(current.map((b) => b.choice)).toEqual(["yes"]);
    const history = await t.db.select().from(ballotHistory).where(eq(ballotHistory.motionId, motionId));
    expect(history.map((h) => h.choice).sort()).toEqual(["abstain", "no", "yes"]);
    const detail = await finaliseIfDueAndGetMotion(t.db, cso3, motionId);
    expect(detail!.tally!.total).toMatchObject({ yes: 1, cast: 1 });
    expect(detail!.mine).toMatchObject({ onRoll: true, choice: "yes" });
  });

  it("refusals leave the database unchanged", async () => {
    const [closed] = await t.db.select().from(motions).where(eq(motions.status, "closed")).limit(1);
    const [open] = await t.db
      .select()
      .from(motions)
      .where(and(eq(motions.status, "open"), eq(motions.kind, "adopt_policy_version")));
    const openId = open!.id;
    const before = await databaseFingerprint(t.db);
    const cases: [string, () => Promise<unknown>, string][] = [
      ["a ballot after close", async () => castBallot(t.db, await t.actor("gov2@example.org"), { motionId: closed!.id, choice: "no" }), "conflict"],
      [
        "a ballot from a non-director",
        async () => castBallot(t.db, await t.actor("secretariat@example.org"), { motionId: openId, choice: "yes" }),
        "forbidden",
      ],
      [
        "a ballot from a representative",
        async () => castBallot(t.db, await t.actor("rep.cso@example.org"), { motionId: openId, choice: "yes" }),
        "forbidden",
      ],
      [
        "a ballot from a recused director",
        async () => castBallot(t.db, await t.actor("psc3@example.org"), { motionId: openId, choice: "yes" }),
        "forbidden",
      ],
      ["a bad choice", async () => castBallot(t.db, await t.actor("gov3@example.org"), { motionId: openId, choice: "maybe" }), "invalid"],
      [
        "an unknown motion",
        async () => castBallot(t.db, await t.actor("gov3@example.org"), { motionId: "00000000-0000-4000-8000-000000000000", choice: "yes" }),
        "not_found",
      ],
      [
        "a second recusal from a recused director",
        async () => declareRecusal(t.db, await t.actor("psc3@example.org"), { motionId: openId, reason: "A second conflict of interest." }),
        "conflict",
      ],
      [
        "a recusal without a reason",
        async () => declareRecusal(t.db, await t.actor("cso4@example.org"), { motionId: openId, reason: "  " }),
        "invalid",
      ],
      ["closing early while undecided", async () => closeMotionEarly(t.db, await t.actor("gov1@example.org"), { motionId: openId }), "conflict"],
      ["opening an open motion", async () => openMotion(t.db, await t.actor("gov1@example.org"), { motionId: openId }), "conflict"],
      [
        "a draft closing in the past",
        async () =>
          draftMotion(t.db, await t.actor("gov1@example.org"), {
            kind: "resolution",
            title: "Too late",
            resolutionText: "The Board resolves.",
            closesAt: inDays(-1),
          }),
        "invalid",
      ],
      [
        "a draft on a policy not in board review",
        async () =>
          draftMotion(t.db, await t.actor("gov1@example.org"), {
            kind: "adopt_policy_version",
            title: "Adopt it",
            versionId: open!.versionId,
            closesAt: inDays(2),
          }),
        "invalid",
      ],
    ];
    for (const [what, attempt, code] of cases) expect((await refusal(attempt())).code, what).toBe(code);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("a director who took a seat after the motion opened is not on its roll", async () => {
    const motionId = await openFreshResolution(t.db);
    // The industry seat 4 changes hands after the vote opened.
    const rep = await t.actor("rep.psc@example.org");
    const psc4 = await t.actor("psc4@example.org");
    await t.db.execute(sql`update seat_terms set ended_at = now(), end_reason = 'Resigned' where holder_id = ${psc4.id}::uuid and ended_at is null`);
    await t.db.execute(sql`insert into seat_terms (seat_id, holder_id, starts_on, ends_on)
      select r.seat_id, ${rep.id}::uuid, current_date, current_date + 1000 from motion_roll r where r.motion_id = ${motionId}::uuid and r.director_id = ${psc4.id}::uuid`);
    const newcomer = await t.actor("rep.psc@example.org");
    expect(newcomer.roles).toContain("director");
    const before = await databaseFingerprint(t.db);
    expect((await refusal(castBallot(t.db, newcomer, { motionId, choice: "yes" }))).code).toBe("forbidden");
    expect((await refusal(declareRecusal(t.db, newcomer, { motionId, reason: "Not on the roll anyway." }))).code).toBe("forbidden");
    expect(await databaseFingerprint(t.db)).toEqual(before);
    // Restore the seat for the tests that follow.
    await t.db.execute(sql`update seat_terms set ended_at = now() where holder_id = ${rep.id}::uuid and ended_at is null`);
    await t.db.execute(sql`insert into seat_terms (seat_id, holder_id, starts_on, ends_on)
      select r.seat_id, ${psc4.id}::uuid, current_date, current_date + 1000 from motion_roll r where r.motion_id = ${motionId}::uuid and r.director_id = ${psc4.id}::uuid`);
  });

  it("a recusal takes the director off the roll and the tally recomputes", async () => {
    const motionId = await openFreshResolution(t.db);
    const psc2 = await t.actor("psc2@example.org");
    await declareRecusal(t.db, psc2, { motionId, reason: "My company is named in the resolution." });
    const detail = await finaliseIfDueAndGetMotion(t.db, psc2, motionId);
    expect(detail!.tally!.pillars.find((p) => p.pillarId === "industry")).toMatchObject({ recused: 1, eligible: 3 });
    expect(detail!.mine!.recusedReason).toBe("My company is named in the resolution.");
    expect(detail!.rollCall!.find((r) => r.directorId === psc2.id)!.recusedReason).toBe("My company is named in the resolution.");
    expect((await refusal(declareRecusal(t.db, psc2, { motionId, reason: "Twice over, to be sure." }))).code).toBe("conflict");
  });

  it(`20 concurrent submissions from each of the 12 directors leave exactly 12 current ballots and a correct tally`, async () => {
    const motionId = await openFreshResolution(t.db);
    const actors = await Promise.all(DIRECTORS.map((email) => t.actor(email)));
    const choices = ["yes", "no", "abstain"] as const;
    const submissions = actors.flatMap((actor, a) =>
      Array.from({ length: 20 }, (_, i) => castBallot(t.db, actor, { motionId, choice: choices[(a + i) % 3] })),
    );
    const outcomes = await Promise.allSettled(submissions);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    const current = await t.db.select().from(ballots).where(eq(ballots.motionId, motionId));
    expect(current).toHaveLength(12);
    expect(new Set(current.map((b) => b.directorId)).size).toBe(12);
    const detail = await finaliseIfDueAndGetMotion(t.db, actors[0]!, motionId);
    const count = (c: string) => current.filter((b) => b.choice === c).length;
    expect(detail!.tally!.total).toMatchObject({ cast: 12, yes: count("yes"), no: count("no"), abstain: count("abstain") });
    // Each director's current ballot is the last one in their history.
    const history = await t.db.select().from(ballotHistory).where(eq(ballotHistory.motionId, motionId)).orderBy(ballotHistory.castAt);
    for (const b of current) expect(history.filter((h) => h.directorId === b.directorId).at(-1)!.choice).toBe(b.choice);
    console.log(`concurrency (${t.label}): 240 submissions, ${current.length} current ballots, ${history.length} history rows`);
  });
});

describe("closing by itself", () => {
  it("concurrent reads after the deadline produce exactly one result, one audit row and one set of notifications", async () => {
    const motionId = await openFreshResolution(t.db);
    await vote(motionId, { gov1: "yes", gov2: "yes", cso1: "yes", cso2: "yes", psc1: "yes", psc2: "yes", gov3: "yes", cso3: "yes" });
    await t.db
      .update(motions)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(motions.id, motionId));
    const public_ = null;
    const director = await t.actor("cso4@example.org");
    const late = await Promise.all(DIRECTORS.slice(0, 6).map(async (email) => t.actor(email)));
    const [reads, writes] = await Promise.all([
      Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          i % 3 === 0
            ? finaliseDueAndListMotions(t.db, public_)
            : i % 3 === 1
              ? finaliseIfDueAndGetMotion(t.db, director, motionId)
              : finaliseIfDueAndGetMotion(t.db, public_, motionId),
        ),
      ),
      Promise.all(late.map((actor) => refusal(castBallot(t.db, actor, { motionId, choice: "no" })))),
    ]);
    expect(reads.filter(Boolean)).toHaveLength(16);
    // Writes after the deadline finalise too, and are then refused: the late "no" votes count for nothing.
    expect(writes.map((e) => e.code)).toEqual(Array(6).fill("conflict"));
    expect(await t.db.select().from(motionResults).where(eq(motionResults.motionId, motionId))).toHaveLength(1);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, motionId), eq(auditLog.action, "motion.close")));
    expect(audits).toHaveLength(1);
    expect(
      await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, "motion_result"), eq(notifications.href, `/votes/${motionId}`))),
    ).toHaveLength(12);
    const [motion] = await t.db.select().from(motions).where(eq(motions.id, motionId));
    expect(motion!.status).toBe("closed");

    // The public sees the totals per pillar, never the roll call; a ballot now is refused and changes nothing.
    const seen = await finaliseIfDueAndGetMotion(t.db, null, motionId);
    expect(seen!.rollCall).toBeNull();
    expect(seen!.result!.passed).toBe(true);
    expect(seen!.tally!.pillars.map((p) => p.yes)).toEqual([3, 3, 2]);
    expect(JSON.stringify(seen!.tally)).not.toContain(director.id);
    const before = await databaseFingerprint(t.db);
    expect((await refusal(castBallot(t.db, director, { motionId, choice: "no" }))).code).toBe("conflict");
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("the public cannot see an open motion, a representative is refused it; a closing-soon reminder goes out once to those who have not voted", async () => {
    const motionId = await openFreshResolution(t.db, { closesAt: new Date(Date.now() + 3 * 3_600_000) });
    expect(await finaliseIfDueAndGetMotion(t.db, null, motionId)).toBeNull();
    expect((await refusal(finaliseIfDueAndGetMotion(t.db, await t.actor("rep.gov@example.org"), motionId))).code).toBe("forbidden");
    const gov4 = await t.actor("gov4@example.org");
    const gov2 = await t.actor("gov2@example.org");
    await castBallot(t.db, gov2, { motionId, choice: "yes" });
    expect((await recordDueNotices(t.db, gov4)).written).toBe(1);
    expect((await recordDueNotices(t.db, gov4)).written).toBe(0);
    expect((await recordDueNotices(t.db, gov2)).written).toBe(0);
    const reminders = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `motion-closing:${motionId}`));
    expect(reminders.map((n) => n.userId)).toEqual([gov4.id]);
  });

  it("the roll call of a closed motion exports as CSV that no spreadsheet runs as a formula", async () => {
    const [closed] = await t.db.select().from(motions).where(eq(motions.status, "closed")).limit(1);
    const secretariat = await t.actor("secretariat@example.org");
    const cso3 = await t.actor("cso3@example.org");
    await t.db.execute(sql`update users set name = '=HYPERLINK("http://evil.example","x")' where id = ${cso3.id}::uuid`);
    const { rows } = await finaliseIfDueAndExportRollCall(t.db, secretariat, closed!.id);
    const csv = toCsv(rows);
    expect(csv.split("\r\n")[0]).toBe("Motion,Director,Organisation,Pillar,Seat,Ballot,Last changed,Conflict of interest");
    expect(rows).toHaveLength(13);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    await t.db.execute(sql`update users set name = ${cso3.name} where id = ${cso3.id}::uuid`);
    const open = await openFreshResolution(t.db);
    expect((await refusal(finaliseIfDueAndExportRollCall(t.db, secretariat, open))).code).toBe("conflict");
  });

  it("the seeded closed motion stores exactly what the engine returns", async () => {
    const [closed] = await t.db.select().from(motions).where(eq(motions.status, "closed")).limit(1);
    const detail = await finaliseIfDueAndGetMotion(t.db, null, closed!.id);
    expect(detail!.tally).toMatchObject({ passes: true, decided: "pass", total: { yes: 10, no: 1, abstain: 1, cast: 12 } });
    expect(detail!.result!.reasons).toEqual(detail!.tally!.reasons);
    expect(detail!.tally).toEqual(await tallyMotion(t.db, closed!.id, closed!.ruleSnapshot!));
    const recusedOpen = await t.db.select().from(recusals);
    expect(recusedOpen.length).toBeGreaterThan(0);
  });
});
