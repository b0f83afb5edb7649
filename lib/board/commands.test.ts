import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, boardSeats, notifications, seatTerms, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { violatedConstraint } from "@/lib/errors";
import { toSeatError } from "./constraints";
import { assignSeat, designateOffice, endSeatTerm, vacateSeat } from "./commands";
import { defaultTermEnd } from "./rules";
import { refusal } from "@/lib/testing/refusal";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

async function seatOf(email: string): Promise<string> {
  const [row] = await t.db
    .select({ seatId: seatTerms.seatId })
    .from(seatTerms)
    .innerJoin(users, eq(users.id, seatTerms.holderId))
    .where(and(eq(users.email, email), isNull(seatTerms.endedAt)));
  return row!.seatId;
}

async function seatAudit(seatId: string, action: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "seat"), eq(auditLog.entityId, seatId), eq(auditLog.action, action)));
}

describe(`board seats (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("vacating a seat ends the term with its reason, strips the director role and is audited with before and after", async () => {
    const admin = await t.actor("admin@example.org");
    const seatId = await seatOf("gov4@example.org");
    const gov4 = await t.actor("gov4@example.org");
    await vacateSeat(t.db, admin, { seatId, reason: "Resigned on appointment as ambassador." });
    expect((await loadActor(t.db, gov4.id))!.roles).not.toContain("director");
    const [audit] = await seatAudit(seatId, "seat.vacate");
    expect(audit!.before).toMatchObject({ holderId: gov4.id, holderName: "Erik Lindqvist" });
    expect(audit!.after).toMatchObject({ vacant: true, endedTerm: { holderId: gov4.id, endReason: "Resigned on appointment as ambassador." } });
    expect((await refusal(vacateSeat(t.db, admin, { seatId, reason: "Again." }))).message).toBe("This seat is already vacant.");
  });

  it("assigning a holder of another pillar is refused with a clear message and nothing changes", async () => {
    const admin = await t.actor("admin@example.org");
    const seatId = await seatOf("gov3@example.org");
    await vacateSeat(t.db, admin, { seatId, reason: "Term handed over early." });
    const repPsc = await t.actor("rep.psc@example.org");
    const before = await databaseFingerprint(t.db);
    const error = await refusal(assignSeat(t.db, admin, { seatId, holderId: repPsc.id }));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe(
      "Thabo Nkosi belongs to Kestrel Secure Logistics (Pty) Ltd (Private Security Companies); this seat is for Governments.",
    );
    expect(error.fieldErrors.holderId).toHaveLength(1);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("assigning a holder who already holds a seat is refused, in code and by the database", async () => {
    const admin = await t.actor("admin@example.org");
    const seatId = await seatOf("cso4@example.org");
    await vacateSeat(t.db, admin, { seatId, reason: "Stepped down." });
    const cso2 = await t.actor("cso2@example.org");
    const before = await databaseFingerprint(t.db);
    const error = await refusal(assignSeat(t.db, admin, { seatId, holderId: cso2.id }));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe("Lucía Mendoza already holds seat 2 of Civil Society Organisations; end that term first.");
    expect(await databaseFingerprint(t.db)).toEqual(before);
    // The database refuses it too, whatever the code checks: one current seat per holder.
    const raw = await t.db
      .insert(seatTerms)
      .values({ seatId, holderId: cso2.id, startsOn: "2026-01-01", endsOn: "2029-01-01" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(violatedConstraint(raw)).toBe("seat_terms_one_current_seat_per_holder");
    expect((toSeatError(raw) as AppError).message).toBe("This person already holds a seat; end that term first.");
  });

  it("an occupied seat, an end before the start and bad input are refused and nothing changes", async () => {
    const admin = await t.actor("admin@example.org");
    const occupied = await seatOf("psc1@example.org");
    const repPsc = await t.actor("rep.psc@example.org");
    const before = await databaseFingerprint(t.db);
    const taken = await refusal(assignSeat(t.db, admin, { seatId: occupied, holderId: repPsc.id }));
    expect(taken.message).toBe("This seat is already held by James Whitfield; vacate it or end the term first.");
    const backwards = await refusal(assignSeat(t.db, admin, { seatId: occupied, holderId: repPsc.id, startsOn: "2026-05-01", endsOn: "2026-04-30" }));
    expect(backwards.code).toBe("invalid");
    expect(backwards.fieldErrors.endsOn).toEqual(["The end must be after the start (1 May 2026)."]);
    const endBeforeStart = await refusal(endSeatTerm(t.db, admin, { seatId: occupied, endedOn: "2000-01-01", reason: "x".repeat(10) }));
    expect(endBeforeStart.fieldErrors.endedOn?.[0]).toMatch(/^The end must be after the term's start/);
    const bad = await refusal(assignSeat(t.db, admin, { seatId: "nope", holderId: "<script>", startsOn: "2026-02-30" }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["holderId", "seatId", "startsOn"]);
    expect((await refusal(assignSeat(t.db, admin, { seatId: "00000000-0000-4000-8000-000000000000", holderId: repPsc.id }))).code).toBe("not_found");
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("a valid assignment runs three years by default, notifies the holder and is audited", async () => {
    const admin = await t.actor("admin@example.org");
    const seatId = await seatOf("psc3@example.org");
    await endSeatTerm(t.db, admin, { seatId, reason: "Term completed." });
    const [endAudit] = await seatAudit(seatId, "seat.endTerm");
    expect(endAudit!.before).toMatchObject({ holderName: "Nikos Demetriou" });
    expect(endAudit!.after).toMatchObject({ holderName: "Nikos Demetriou", ended: true, endReason: "Term completed." });
    const rep = await t.actor("rep.psc@example.org");
    await assignSeat(t.db, admin, { seatId, holderId: rep.id, startsOn: "2026-02-01" });
    const [term] = await t.db
      .select()
      .from(seatTerms)
      .where(and(eq(seatTerms.seatId, seatId), isNull(seatTerms.endedAt)));
    expect(term).toMatchObject({ holderId: rep.id, startsOn: "2026-02-01", endsOn: defaultTermEnd("2026-02-01") });
    expect(term!.endsOn).toBe("2029-02-01");
    expect((await loadActor(t.db, rep.id))!.roles.sort()).toEqual(["director", "representative"]);
    const [notice] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, rep.id), eq(notifications.kind, "seat_assigned")));
    expect(notice).toMatchObject({ href: "/board", title: "You hold seat 3 of Private Security Companies" });
    const [audit] = await seatAudit(seatId, "seat.assign");
    expect(audit).toMatchObject({ actorId: admin.id, before: null });
    expect(audit!.after).toMatchObject({ holderId: rep.id, startsOn: "2026-02-01", endsOn: "2029-02-01" });
  });

  it("designating a Chair moves the office, and both seats are audited with before and after", async () => {
    const admin = await t.actor("admin@example.org");
    const gov1Seat = await seatOf("gov1@example.org");
    const gov2Seat = await seatOf("gov2@example.org");
    await designateOffice(t.db, admin, { seatId: gov2Seat, office: "chair" });
    const gov1 = await t.actor("gov1@example.org");
    const gov2 = await t.actor("gov2@example.org");
    expect(gov1.roles).toEqual(["director"]);
    expect(gov2.roles.sort()).toEqual(["chair", "director"]);
    const [passed] = await seatAudit(gov1Seat, "seat.designateOffice");
    expect(passed).toMatchObject({ before: { office: "chair" }, after: { office: null } });
    const [taken] = await seatAudit(gov2Seat, "seat.designateOffice");
    expect(taken).toMatchObject({ before: { office: null }, after: { office: "chair" } });
    // The database keeps one current Chair even if the code were bypassed.
    const cso1Seat = await seatOf("cso1@example.org");
    const raw = await t.db
      .update(seatTerms)
      .set({ office: "chair" })
      .where(and(eq(seatTerms.seatId, cso1Seat), isNull(seatTerms.endedAt)))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((toSeatError(raw) as AppError).message).toBe("Another director already holds this office.");
    await designateOffice(t.db, admin, { seatId: gov1Seat, office: "chair" });
    expect((await t.actor("gov1@example.org")).roles.sort()).toEqual(["chair", "director"]);
  });

  it("no other role may change a seat, and a refusal changes nothing", async () => {
    const seatId = await seatOf("psc4@example.org");
    const [vacant] = await t.db
      .select({ id: boardSeats.id })
      .from(boardSeats)
      .where(sql`not exists (select 1 from seat_terms t where t.seat_id = ${boardSeats.id} and t.ended_at is null)`)
      .limit(1);
    const rep = await t.actor("rep.gov@example.org");
    const before = await databaseFingerprint(t.db);
    for (const email of ["secretariat@example.org", "gov1@example.org", "cso2@example.org", "rep.gov@example.org"]) {
      const actor = await t.actor(email);
      expect((await refusal(vacateSeat(t.db, actor, { seatId, reason: "Not allowed." }))).code).toBe("forbidden");
      expect((await refusal(endSeatTerm(t.db, actor, { seatId }))).code).toBe("forbidden");
      expect((await refusal(designateOffice(t.db, actor, { seatId, office: "chair" }))).code).toBe("forbidden");
      expect((await refusal(assignSeat(t.db, actor, { seatId: vacant!.id, holderId: rep.id }))).code).toBe("forbidden");
    }
    expect((await refusal(vacateSeat(t.db, null, { seatId, reason: "Nobody." }))).code).toBe("unauthenticated");
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });
});
