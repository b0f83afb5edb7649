import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, tasks } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { markNotificationsRead } from "./commands";
import { recordDueNoticesAndCountUnread, recordDueNoticesAndListInbox } from "./queries";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

describe("the inbox", () => {
  it("lists the caller's own notices from every domain, newest first", async () => {
    const gov3 = await t.actor("gov3@example.org");
    const inbox = await recordDueNoticesAndListInbox(t.db, gov3, {});
    expect(inbox.rows.length).toBeGreaterThan(0);
    const times = inbox.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const kinds = new Set(inbox.rows.map((r) => r.kind));
    expect(kinds.has("motion_opened") && kinds.has("motion_result")).toBe(true);
    const mine = await t.db.select().from(notifications).where(eq(notifications.userId, gov3.id));
    expect(inbox.total).toBe(mine.length);
  });

  it("writes 'your task is overdue' when read, once per task", async () => {
    const staff2 = await t.actor("staff2@example.org");
    const overdueKeys = () =>
      t.db
        .select({ key: notifications.dedupeKey })
        .from(notifications)
        .where(and(eq(notifications.userId, staff2.id), like(notifications.dedupeKey, "task_overdue:%")));
    const before = (await overdueKeys()).length;
    const [task] = await t.db
      .insert(tasks)
      .values({ title: "Late filing", assigneeId: staff2.id, creatorId: staff2.id, dueOn: "2020-01-01" })
      .returning({ id: tasks.id });
    const unread = await recordDueNoticesAndCountUnread(t.db, staff2);
    const after = await overdueKeys();
    expect(after.map((r) => r.key)).toContain(`task_overdue:${task!.id}`);
    expect(after.length).toBeGreaterThan(before);
    await recordDueNoticesAndListInbox(t.db, staff2, {});
    await recordDueNoticesAndCountUnread(t.db, staff2);
    expect((await overdueKeys()).length).toBe(after.length);
    expect(await recordDueNoticesAndCountUnread(t.db, staff2)).toBe(unread);
  });

  it("marks one, then all, read; never someone else's", async () => {
    const staff2 = await t.actor("staff2@example.org");
    const sec = await t.actor("secretariat@example.org");
    const secUnread = await recordDueNoticesAndCountUnread(t.db, sec);
    const unread = await recordDueNoticesAndCountUnread(t.db, staff2);
    expect(unread).toBeGreaterThan(1);
    const [first] = (await recordDueNoticesAndListInbox(t.db, staff2, {})).rows.filter((r) => !r.readAt);
    expect(await markNotificationsRead(t.db, staff2, { ids: [first!.id] })).toBe(1);
    expect(await recordDueNoticesAndCountUnread(t.db, staff2)).toBe(unread - 1);
    expect(await markNotificationsRead(t.db, staff2, { all: true })).toBe(unread - 1);
    expect(await recordDueNoticesAndCountUnread(t.db, staff2)).toBe(0);
    expect(await recordDueNoticesAndCountUnread(t.db, sec)).toBe(secUnread);
  });
});
