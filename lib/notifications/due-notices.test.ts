import { and, eq, inArray, isNull, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { motions, notifications, tasks } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { recordDueNotices, UNREAD_COUNT_CAP } from "./due";
import { markNotificationsRead } from "./commands";
import { recordDueNoticesAndCountUnread } from "./queries";

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
    await t.db
      .update(motions)
      .set({ closesAt: new Date(now.getTime() + 6 * 3600_000) })
      .where(eq(motions.status, "open"));
    const director = await t.actor("gov3@example.org");
    const reminders = () =>
      t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, director.id), eq(notifications.kind, "motion_closing_soon")));

    expect((await reminders())[0]!.n).toBe(0);
    const first = await recordDueNoticesAndCountUnread(t.db, director, now);
    expect((await reminders())[0]!.n).toBe(1);
    expect(await recordDueNoticesAndCountUnread(t.db, director, now)).toBe(first);
    expect((await reminders())[0]!.n).toBe(1);

    // The Secretariat is not on the roll and gets no reminder.
    const staff = await t.actor("secretariat@example.org");
    await recordDueNoticesAndCountUnread(t.db, staff, now);
    const staffReminders = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, staff.id), eq(notifications.kind, "motion_closing_soon")));
    expect(staffReminders).toEqual([]);
  });

  it("an overdue task reassigned to someone else is news to them, and only to them", async () => {
    const staff2 = await t.actor("staff2@example.org");
    const secretariat = await t.actor("secretariat@example.org");
    await recordDueNoticesAndCountUnread(t.db, staff2);
    await recordDueNoticesAndCountUnread(t.db, secretariat);
    const [task] = await t.db
      .insert(tasks)
      .values({ title: "Reassigned late", assigneeId: staff2.id, creatorId: secretariat.id, dueOn: "2021-05-01" })
      .returning({ id: tasks.id });
    const noticesFor = async (userId: string) =>
      (
        await t.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.dedupeKey, `task_overdue:${task!.id}`)))
      ).length;

    expect((await recordDueNotices(t.db, staff2)).written).toBe(1);
    expect(await noticesFor(staff2.id)).toBe(1);
    const [told] = await t.db.select({ to: tasks.overdueNoticeTo }).from(tasks).where(eq(tasks.id, task!.id));
    expect(told!.to).toBe(staff2.id);

    await t.db.update(tasks).set({ assigneeId: secretariat.id }).where(eq(tasks.id, task!.id));
    expect((await recordDueNotices(t.db, secretariat)).written).toBe(1);
    expect((await recordDueNotices(t.db, secretariat)).written).toBe(0);
    expect((await recordDueNotices(t.db, staff2)).written).toBe(0);
    expect([await noticesFor(staff2.id), await noticesFor(secretariat.id)]).toEqual([1, 1]);
    const [notice] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, secretariat.id), eq(notifications.dedupeKey, `task_overdue:${task!.id}`)));
    expect([notice!.kind, notice!.title, notice!.body, notice!.href]).toEqual([
      "task_overdue",
      "Overdue: Reassigned late",
      "It was due on 2021-05-01.",
      `/tasks/${task!.id}`,
    ]);
  });

  it("writes a long backlog in batches of 200 and caps the count at 100, while done and future tasks stay quiet", async () => {
    const staff2 = await t.actor("staff2@example.org");
    await recordDueNoticesAndCountUnread(t.db, staff2);
    await markNotificationsRead(t.db, staff2, { all: true });
    const rows = Array.from({ length: 250 }, (_, i) => ({ title: `Backlog ${i}`, assigneeId: staff2.id, creatorId: staff2.id, dueOn: "2022-01-01" }));
    await t.db.insert(tasks).values(rows);
    await t.db.insert(tasks).values([
      {
        title: "Backlog done",
        assigneeId: staff2.id,
        creatorId: staff2.id,
        dueOn: "2022-01-01",
        status: "done",
        completedAt: new Date("2022-01-02"),
      },
      { title: "Backlog future", assigneeId: staff2.id, creatorId: staff2.id, dueOn: "2999-01-01" },
    ]);
    const unreadRows = async () =>
      (
        await t.db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .where(and(eq(notifications.userId, staff2.id), isNull(notifications.readAt)))
      )[0]!.n;

    expect(await recordDueNotices(t.db, staff2)).toEqual({ written: 200, unread: UNREAD_COUNT_CAP });
    expect(await unreadRows()).toBe(200);
    expect(await recordDueNotices(t.db, staff2)).toEqual({ written: 50, unread: UNREAD_COUNT_CAP });
    expect(await recordDueNotices(t.db, staff2)).toEqual({ written: 0, unread: UNREAD_COUNT_CAP });
    expect(await unreadRows()).toBe(250);
    const quiet = await t.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, staff2.id), inArray(notifications.title, ["Overdue: Backlog done", "Overdue: Backlog future"])));
    expect(quiet).toEqual([]);

    await markNotificationsRead(t.db, staff2, { all: true });
    expect(await recordDueNoticesAndCountUnread(t.db, staff2)).toBe(0);
    const backlog = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, staff2.id), like(notifications.title, "Overdue: Backlog %")));
    expect(backlog[0]!.n).toBe(250);
  });
});
