import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, ballots, motionAmendments, motionResults, motions, notifications, recusals, seatTerms } from "@/db/schema";
import { assignSeat, vacateSeat } from "@/lib/board/commands";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { expectRefused } from "@/lib/testing/refusal";
import { castBallot, declareRecusal, openMotion } from "./commands";
import { insertDraftResolution, openFreshResolution } from "./fixtures";
import { chooseAmendment, deleteMotion, editMotion, proposeAmendment, withdrawMotion, withdrawRecusal } from "./motion-commands";
import { finaliseIfDueAndGetMotion, finaliseIfDueAndGetRollCall } from "./queries";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const TEXT = "The Board resolves to hold its next ordinary meeting in Geneva.";

describe("draft motions: edited, amended, chosen, deleted", () => {
  it("the Secretariat edits a draft; a wrong role, a wrong state and bad input are refused and change nothing", async () => {
    const sec = await t.actor("secretariat@example.org");
    const director = await t.actor("gov2@example.org");
    const motionId = await insertDraftResolution(t.db);
    const edit = { motionId, title: "Meeting in Geneva in spring", resolutionText: `${TEXT} In March.`, closesAt: inDays(10) };
    await expectRefused(t.db, () => editMotion(t.db, director, edit), "forbidden");
    const bad = await expectRefused(t.db, () => editMotion(t.db, sec, { ...edit, title: "x", resolutionText: "short" }), "invalid");
    expect(bad.fieldErrors.title).toEqual(["Enter a title of at least 5 characters."]);
    const short = await expectRefused(t.db, () => editMotion(t.db, sec, { ...edit, resolutionText: "short" }), "invalid");
    expect(short.fieldErrors.resolutionText).toEqual(["Enter the resolution text (at least 10 characters)."]);
    await editMotion(t.db, sec, edit);
    const [row] = await t.db.select().from(motions).where(eq(motions.id, motionId));
    expect(row).toMatchObject({ title: "Meeting in Geneva in spring", resolutionText: `${TEXT} In March.`, status: "draft" });
    const openId = await openFreshResolution(t.db);
    const refused = await expectRefused(t.db, () => editMotion(t.db, sec, { ...edit, motionId: openId }), "conflict");
    expect(refused.message).toBe("The motion is open; only a draft can be edited.");
    await expectRefused(t.db, () => deleteMotion(t.db, sec, { motionId: openId }), "conflict");
    await expectRefused(t.db, () => deleteMotion(t.db, director, { motionId }), "forbidden");
    await expectRefused(t.db, () => deleteMotion(t.db, sec, { motionId: "nope" }), "invalid");
    await deleteMotion(t.db, sec, { motionId });
    expect(await t.db.select().from(motions).where(eq(motions.id, motionId))).toEqual([]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, motionId), eq(auditLog.action, "motion.delete")));
    expect(audit!.before).toMatchObject({ title: "Meeting in Geneva in spring" });
  });

  it("a director proposes an amendment; the Chair chooses the version put to the vote, and may go back to the text as drafted", async () => {
    const chair = await t.actor("gov1@example.org");
    const director = await t.actor("cso3@example.org");
    const sec = await t.actor("secretariat@example.org");
    const motionId = await insertDraftResolution(t.db);
    const [drafted] = await t.db.select().from(motions).where(eq(motions.id, motionId));
    const amendment = {
      motionId,
      title: "Meeting in Nairobi",
      resolutionText: TEXT.replace("Geneva", "Nairobi"),
      rationale: "Half the Board is based in Africa.",
    };
    await expectRefused(t.db, () => proposeAmendment(t.db, sec, amendment), "forbidden");
    const same = await expectRefused(
      t.db,
      () => proposeAmendment(t.db, director, { ...amendment, title: drafted!.title, resolutionText: drafted!.resolutionText }),
      "invalid",
    );
    expect(same.fieldErrors.title).toEqual(["The amendment must change the title or the text."]);
    expect(await proposeAmendment(t.db, director, amendment)).toMatchObject({ number: 1 });
    await expectRefused(t.db, () => chooseAmendment(t.db, director, { motionId, amendmentId: "original" }), "forbidden");
    const [a1] = await t.db.select().from(motionAmendments).where(eq(motionAmendments.motionId, motionId));
    await chooseAmendment(t.db, chair, { motionId, amendmentId: a1!.id });
    expect((await t.db.select().from(motions).where(eq(motions.id, motionId)))[0]).toMatchObject({
      title: "Meeting in Nairobi",
      resolutionText: amendment.resolutionText,
    });
    await chooseAmendment(t.db, chair, { motionId, amendmentId: "original" });
    expect((await t.db.select().from(motions).where(eq(motions.id, motionId)))[0]).toMatchObject({
      title: drafted!.title,
      resolutionText: drafted!.resolutionText,
    });
    await chooseAmendment(t.db, chair, { motionId, amendmentId: a1!.id });
    await openMotion(t.db, chair, { motionId });
    const page = await finaliseIfDueAndGetMotion(t.db, chair, motionId);
    expect(page).toMatchObject({ status: "open", title: "Meeting in Nairobi" });
    // Once open, the text can no longer be amended or chosen.
    await expectRefused(t.db, () => proposeAmendment(t.db, director, { ...amendment, title: "Meeting in Lima" }), "conflict");
    await expectRefused(t.db, () => chooseAmendment(t.db, chair, { motionId, amendmentId: "original" }), "conflict");
  });
});

describe("open motions: withdrawn by the Chair, rolls by seat, conflicts after voting", () => {
  it("the Chair withdraws an open motion with a reason: no result, the roll is told, ballots stay in the record", async () => {
    const chair = await t.actor("gov1@example.org");
    const director = await t.actor("gov2@example.org");
    const motionId = await openFreshResolution(t.db);
    await castBallot(t.db, director, { motionId, choice: "yes" });
    await expectRefused(t.db, () => withdrawMotion(t.db, director, { motionId, reason: "I would rather not." }), "forbidden");
    const noReason = await expectRefused(t.db, () => withdrawMotion(t.db, chair, { motionId, reason: "" }), "invalid");
    expect(noReason.fieldErrors.reason).toEqual(["Give the reason for withdrawing the motion (at least 10 characters)."]);
    expect(await withdrawMotion(t.db, chair, { motionId, reason: "The venue is no longer available." })).toEqual({ notified: 12 });
    const [row] = await t.db.select().from(motions).where(eq(motions.id, motionId));
    expect(row).toMatchObject({ status: "withdrawn", withdrawnReason: "The venue is no longer available.", withdrawnById: chair.id });
    expect(await t.db.select().from(motionResults).where(eq(motionResults.motionId, motionId))).toEqual([]);
    expect(await t.db.select().from(ballots).where(eq(ballots.motionId, motionId))).toHaveLength(1);
    const [notice] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, director.id), eq(notifications.kind, "motion_withdrawn"), eq(notifications.href, `/votes/${motionId}`)));
    expect(notice!.body).toBe("No result is recorded. Reason: The venue is no longer available.");
    await expectRefused(t.db, () => castBallot(t.db, director, { motionId, choice: "no" }), "conflict");
    await expectRefused(t.db, () => withdrawMotion(t.db, chair, { motionId, reason: "The venue is no longer available." }), "conflict");
    expect(await finaliseIfDueAndGetMotion(t.db, chair, motionId)).toMatchObject({ status: "withdrawn", result: null });
  });

  it("a seat changes holder mid-vote: the successor votes for the seat if the old holder had not; a ballot cast stays", async () => {
    const admin = await t.actor("admin@example.org");
    const motionId = await openFreshResolution(t.db);
    const gov3 = await t.actor("gov3@example.org");
    const gov4 = await t.actor("gov4@example.org");
    await castBallot(t.db, gov4, { motionId, choice: "no" });
    const seatOf = async (holderId: string) =>
      (
        await t.db
          .select({ seatId: seatTerms.seatId })
          .from(seatTerms)
          .where(and(eq(seatTerms.holderId, holderId), isNull(seatTerms.endedAt)))
      )[0]!.seatId;
    const seat3 = await seatOf(gov3.id);
    const seat4 = await seatOf(gov4.id);
    await vacateSeat(t.db, admin, { seatId: seat3, reason: "Posted abroad." });
    await vacateSeat(t.db, admin, { seatId: seat4, reason: "Resigned." });
    const successor = await t.actor("rep.gov@example.org");
    await assignSeat(t.db, admin, { seatId: seat3, holderId: successor.id });
    const voter = await t.actor("rep.gov@example.org");
    expect(voter.roles).toContain("director");
    await castBallot(t.db, voter, { motionId, choice: "yes" });
    const roll = await finaliseIfDueAndGetRollCall(t.db, admin, motionId);
    const byName = new Map(roll.map((r) => [r.name, r]));
    expect(byName.get(gov3.name)).toMatchObject({ choice: null });
    expect(byName.get(gov3.name)!.endedAt).toBeInstanceOf(Date);
    expect(byName.get(successor.name)).toMatchObject({ choice: "yes", endedAt: null });
    // gov4 had voted: the ballot stays and counts, and the seat is voted.
    expect(byName.get(gov4.name)).toMatchObject({ choice: "no", endedAt: null });
    const page = await finaliseIfDueAndGetMotion(t.db, admin, motionId);
    expect(page!.tally!.total).toMatchObject({ roll: 12, yes: 1, no: 1, cast: 2 });
    // gov3, who left, can no longer vote for the seat.
    await expectRefused(t.db, () => castBallot(t.db, gov3, { motionId, choice: "no" }), "forbidden");
    // Seat 4's holder had voted, so whoever takes seat 4 now does not vote on this motion: the seat is voted.
    await assignSeat(t.db, admin, { seatId: seat4, holderId: gov3.id });
    await expectRefused(t.db, () => castBallot(t.db, gov3, { motionId, choice: "no" }), "forbidden");
    expect((await finaliseIfDueAndGetMotion(t.db, admin, motionId))!.tally!.total).toMatchObject({ roll: 12, cast: 2 });
  });

  it("a holder who left without voting and takes the seat back before the close serves on the roll again", async () => {
    const admin = await t.actor("admin@example.org");
    const motionId = await openFreshResolution(t.db);
    const psc4 = await t.actor("psc4@example.org");
    const [term] = await t.db
      .select({ seatId: seatTerms.seatId })
      .from(seatTerms)
      .where(and(eq(seatTerms.holderId, psc4.id), isNull(seatTerms.endedAt)));
    await vacateSeat(t.db, admin, { seatId: term!.seatId, reason: "Interim leave." });
    const interim = await t.actor("rep.psc@example.org");
    await assignSeat(t.db, admin, { seatId: term!.seatId, holderId: interim.id });
    await vacateSeat(t.db, admin, { seatId: term!.seatId, reason: "Interim ended." });
    await assignSeat(t.db, admin, { seatId: term!.seatId, holderId: psc4.id });
    await castBallot(t.db, await t.actor("psc4@example.org"), { motionId, choice: "yes" });
    const roll = await finaliseIfDueAndGetRollCall(t.db, admin, motionId);
    expect(roll.find((r) => r.directorId === psc4.id)).toMatchObject({ choice: "yes", endedAt: null });
    expect(roll.find((r) => r.directorId === interim.id)!.endedAt).toBeInstanceOf(Date);
    expect((await finaliseIfDueAndGetMotion(t.db, admin, motionId))!.tally!.total).toMatchObject({ roll: 12, yes: 1 });
  });

  it("a conflict declared after voting sets the ballot aside; withdrawn before the close, it counts again; the roll call shows the ballot history", async () => {
    const admin = await t.actor("admin@example.org");
    const director = await t.actor("psc2@example.org");
    const motionId = await openFreshResolution(t.db);
    await castBallot(t.db, director, { motionId, choice: "yes" });
    await castBallot(t.db, director, { motionId, choice: "no" });
    await castBallot(t.db, director, { motionId, choice: "abstain" });
    await declareRecusal(t.db, director, { motionId, reason: "My company bids for the security contract." });
    const [recusal] = await t.db
      .select()
      .from(recusals)
      .where(and(eq(recusals.motionId, motionId), eq(recusals.directorId, director.id)));
    expect(recusal).toMatchObject({ afterVoting: true, withdrawnAt: null });
    let page = await finaliseIfDueAndGetMotion(t.db, admin, motionId);
    expect(page!.tally!.total).toMatchObject({ recused: 1, abstain: 0, cast: 0 });
    await expectRefused(t.db, () => castBallot(t.db, director, { motionId, choice: "yes" }), "forbidden");
    await expectRefused(t.db, () => declareRecusal(t.db, director, { motionId, reason: "Declared a second time here." }), "conflict");
    const roll = await finaliseIfDueAndGetRollCall(t.db, admin, motionId);
    const mine = roll.find((r) => r.directorId === director.id)!;
    expect(mine).toMatchObject({ choice: "abstain", recusedReason: "My company bids for the security contract.", recusedAfterVoting: true });
    expect(mine.history.map((h) => h.choice)).toEqual(["yes", "no", "abstain"]);
    await withdrawRecusal(t.db, director, { motionId });
    page = await finaliseIfDueAndGetMotion(t.db, admin, motionId);
    expect(page!.tally!.total).toMatchObject({ recused: 0, abstain: 1, cast: 1 });
    await expectRefused(t.db, () => withdrawRecusal(t.db, director, { motionId }), "conflict");
    const other = await t.actor("psc3@example.org");
    await expectRefused(t.db, () => withdrawRecusal(t.db, other, { motionId }), "conflict");
    await expectRefused(t.db, () => withdrawRecusal(t.db, admin, { motionId }), "forbidden");
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, motionId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["recusal.declare", "recusal.withdraw"]));
  });
});
