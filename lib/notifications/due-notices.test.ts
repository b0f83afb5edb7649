import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { motions, notifications } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { countUnread } from "./queries";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

describe("notices that fall due with time", () => {
  it("a director who has not voted on a motion closing within 24 hours is reminded once, when their notices are read", async () => {
    const now = new Date();
    await t.db.update(motions).set({ closesAt: new Date(now.getTime() + 6 * 3600_000) }).where(eq(motions.status, "open"));
    const director = await t.actor("gov3@example.org");
    const reminders = () =>
      t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, director.id), eq(notifications.kind, "motion_closing_soon")));

    expect((await reminders())[0]!.n).toBe(0);
    const first = await countUnread(t.db, director, now);
    expect((await reminders())[0]!.n).toBe(1);
    expect(await countUnread(t.db, director, now)).toBe(first);
    expect((await reminders())[0]!.n).toBe(1);

    // The Secretariat is not on the roll and gets no reminder.
    const staff = await t.actor("secretariat@example.org");
    await countUnread(t.db, staff, now);
    const staffReminders = await t.db.select().from(notifications).where(and(eq(notifications.userId, staff.id), eq(notifications.kind, "motion_closing_soon")));
    expect(staffReminders).toEqual([]);
  });
});
