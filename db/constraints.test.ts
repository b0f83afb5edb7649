import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { auditLog, ballots, boardSeats, motionRoll, motions, seatTerms, users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";

/** The database itself, not only the code, refuses what must never happen. */
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as { message?: string; cause?: { message?: string } };
    return `${e.message ?? ""} ${e.cause?.message ?? ""}`;
  }
  return "no error";
}

describe(`database constraints`, () => {
  it("refuses UPDATE, DELETE and TRUNCATE on the audit log, and keeps the row", async () => {
    const [row] = await t.db
      .insert(auditLog)
      .values({ action: "test.write", entityType: "test", entityId: "1", after: { value: 1 } })
      .returning();
    expect(row?.id).toBeGreaterThan(0);

    expect(await errorOf(t.db.update(auditLog).set({ action: "test.rewritten" }).where(eq(auditLog.id, row!.id)))).toMatch(/append-only/);
    expect(await errorOf(t.db.delete(auditLog).where(eq(auditLog.id, row!.id)))).toMatch(/append-only/);
    expect(await errorOf(t.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);

    const [after] = await t.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(after?.action).toBe("test.write");
  });

  it("refuses a second current ballot for one (motion, director)", async () => {
    const [open] = await t.db.select({ id: motions.id }).from(motions).where(eq(motions.status, "open")).limit(1);
    expect(open).toBeDefined();
    // A director on the roll who has not voted yet.
    const [voter] = await t.db
      .select({ directorId: motionRoll.directorId })
      .from(motionRoll)
      .where(
        and(
          eq(motionRoll.motionId, open!.id),
          sql`not exists (select 1 from ballots b where b.motion_id = ${motionRoll.motionId} and b.director_id = ${motionRoll.directorId})`,
          sql`not exists (select 1 from recusals r where r.motion_id = ${motionRoll.motionId} and r.director_id = ${motionRoll.directorId})`,
        ),
      )
      .limit(1);
    expect(voter).toBeDefined();
    await t.db.insert(ballots).values({ motionId: open!.id, directorId: voter!.directorId, choice: "yes" });

    const message = await errorOf(t.db.insert(ballots).values({ motionId: open!.id, directorId: voter!.directorId, choice: "no" }));
    expect(message).toMatch(/ballots_one_current_per_director|duplicate key/);

    const current = await t.db
      .select({ choice: ballots.choice })
      .from(ballots)
      .where(and(eq(ballots.motionId, open!.id), eq(ballots.directorId, voter!.directorId)));
    expect(current).toEqual([{ choice: "yes" }]);
  });

  it("refuses a ballot from someone who is not on the motion's roll", async () => {
    const [open] = await t.db.select({ id: motions.id }).from(motions).where(eq(motions.status, "open")).limit(1);
    const [staff] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "secretariat@example.org"));
    const message = await errorOf(t.db.insert(ballots).values({ motionId: open!.id, directorId: staff!.id, choice: "yes" }));
    expect(message).toMatch(/ballots_on_roll_fk|foreign key/);
  });

  it("refuses a second current seat for one holder", async () => {
    const [held] = await t.db
      .select({ holderId: seatTerms.holderId, seatId: seatTerms.seatId })
      .from(seatTerms)
      .where(isNull(seatTerms.endedAt))
      .limit(1);
    const [otherSeat] = await t.db
      .select({ id: boardSeats.id })
      .from(boardSeats)
      .where(sql`${boardSeats.id} <> ${held!.seatId}`)
      .limit(1);
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(seatTerms);

    const message = await errorOf(
      t.db.insert(seatTerms).values({ seatId: otherSeat!.id, holderId: held!.holderId, startsOn: "2026-01-01", endsOn: "2029-01-01" }),
    );
    expect(message).toMatch(/seat_terms_one_current_seat_per_holder|duplicate key/);
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(seatTerms);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("refuses an edit of a version that left draft", async () => {
    const result = await t.db.execute(sql`select id from policy_versions where state = 'final' limit 1`);
    const rows = rowsOf<{ id: string }>(result);
    const message = await errorOf(t.db.execute(sql`update policy_versions set body_md = 'rewritten' where id = ${rows[0]!.id}`));
    expect(message).toMatch(/final and cannot be edited/);
  });

  it("refuses a status outside the lifecycle", async () => {
    const message = await errorOf(t.db.execute(sql`update policies set status = 'approved' where true`));
    expect(message).toMatch(/policies_status_valid|check constraint/);
  });
});
