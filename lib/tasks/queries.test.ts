import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/lib/demo";
import { SEED_TASKS } from "@/lib/demo/tasks";
import { settings, tasks, userRoles, users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getCalendarFeed, regenerateCalendarToken } from "./calendar";
import { completedOnTime } from "./dates";
import { getOversight } from "./oversight";
import { listTasks, listTasksForExport } from "./queries";
import { todayIn } from "@/lib/time";

// The demo data is written relative to this instant, so every figure below is fixed.
const NOW = new Date("2026-05-20T10:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const ZURICH = "Europe/Zurich";

let t: TestDatabase;
let chair: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { now: NOW });
  chair = await t.actor("gov1@example.org");
});
afterAll(async () => {
  await t?.close();
});

describe("the oversight view matches the demo tasks", () => {
  it("counts open and overdue tasks per assignee and completion on time over 90 days", async () => {
    const today = todayIn(ZURICH, NOW);
    const dueOf = (day: number) => new Date(NOW.getTime() + day * DAY).toISOString().slice(0, 10);
    const expected = new Map<string, { open: number; overdue: number; doneRecently: number; doneOnTime: number }>();
    for (const seed of SEED_TASKS) {
      const row = expected.get(seed.assignee) ?? { open: 0, overdue: 0, doneRecently: 0, doneOnTime: 0 };
      const dueOn = dueOf(seed.dueDay);
      if (seed.status !== "done") {
        row.open++;
        if (dueOn < today) row.overdue++;
      } else {
        const completedAt = new Date(NOW.getTime() + seed.events.at(-1)!.day * DAY);
        if (completedAt.getTime() >= NOW.getTime() - 90 * DAY) {
          row.doneRecently++;
          if (completedOnTime(completedAt, dueOn, ZURICH)) row.doneOnTime++;
        }
      }
      expected.set(seed.assignee, row);
    }
    const oversight = await getOversight(t.db, chair, NOW);
    const emails = Object.fromEntries((await t.db.select({ name: users.name, email: users.email }).from(users)).map((u) => [u.name, u.email]));
    const actual = new Map(
      oversight.assignees.map((a) => [emails[a.name]!, { open: a.open, overdue: a.overdue, doneRecently: a.doneRecently, doneOnTime: a.doneOnTime }]),
    );
    expect(actual).toEqual(expected);
    // The demo data is meant to show something on every line.
    expect(SEED_TASKS.length).toBeGreaterThanOrEqual(25);
    expect(oversight.totals.overdue).toBeGreaterThanOrEqual(5);
    expect(oversight.totals.doneRecently).toBeGreaterThan(oversight.totals.doneOnTime);
    expect(oversight.totals.doneOnTime).toBeGreaterThan(0);
    expect(oversight.onTimeShare).toBeCloseTo(oversight.totals.doneOnTime / oversight.totals.doneRecently);
    for (const status of ["open", "in_progress", "in_review", "done", "blocked"]) {
      expect(SEED_TASKS.filter((s) => s.status === status).length, status).toBeGreaterThanOrEqual(3);
    }
  });

  it("is for the Board and the Secretariat only", async () => {
    await expect(getOversight(t.db, await t.actor("rep.cso@example.org"), NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getOversight(t.db, await t.actor("admin@example.org"), NOW)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("task lists", () => {
  let newcomer: Actor;
  beforeAll(async () => {
    const [org] = await t.db.select({ id: users.organizationId }).from(users).where(eq(users.email, "staff2@example.org"));
    const [row] = await t.db
      .insert(users)
      .values({ email: "newcomer@example.org", name: "New Comer", passwordHash: "x", organizationId: org!.id })
      .returning();
    await t.db.insert(userRoles).values({ userId: row!.id, role: "secretariat" });
    newcomer = (await loadActor(t.db, row!.id))!;
    await t.db.insert(tasks).values(
      ["2026-03-13", "2026-03-14", "2026-03-15", "2026-03-16"].map((dueOn) => ({
        title: `Due ${dueOn}`,
        assigneeId: newcomer.id,
        creatorId: chair.id,
        dueOn,
      })),
    );
  });

  const titles = async (input: Record<string, string>, now: Date) =>
    (await listTasks(t.db, newcomer, { mine: "1", ...input }, now)).rows.map((r) => r.title);

  it("overdue starts at midnight in the organisation's timezone", async () => {
    // 22:59:59 UTC on 14 March is 23:59:59 in Zurich: the 14th is still today.
    expect(await titles({ overdue: "1" }, new Date("2026-03-14T22:59:59Z"))).toEqual(["Due 2026-03-13"]);
    // One second later it is the 15th in Zurich, though still the 14th in UTC.
    expect(await titles({ overdue: "1" }, new Date("2026-03-14T23:00:00Z"))).toEqual(["Due 2026-03-13", "Due 2026-03-14"]);
    await t.db
      .insert(settings)
      .values({ key: "timezone", value: "UTC" })
      .onConflictDoUpdate({ target: settings.key, set: { value: "UTC" } });
    try {
      expect(await titles({ overdue: "1" }, new Date("2026-03-14T23:00:00Z"))).toEqual(["Due 2026-03-13"]);
    } finally {
      await t.db.delete(settings).where(eq(settings.key, "timezone"));
    }
  });

  it("'due this week' runs Monday to Sunday in the timezone", async () => {
    // Sunday 15 March 2026, 23:30 UTC is already Monday 16 March in Zurich.
    expect(await titles({ week: "1" }, new Date("2026-03-15T22:30:00Z"))).toEqual(["Due 2026-03-13", "Due 2026-03-14", "Due 2026-03-15"]);
    expect(await titles({ week: "1" }, new Date("2026-03-15T23:30:00Z"))).toEqual(["Due 2026-03-16"]);
  });

  it("filters by assignee, creator, status and policy, sorted by due date and paged", async () => {
    const staff2 = await t.actor("staff2@example.org");
    const mine = await listTasks(t.db, staff2, { mine: "1", status: "any" }, NOW);
    expect(mine.total).toBe(SEED_TASKS.filter((s) => s.assignee === "staff2@example.org").length);
    // The list opens on what is still to do, by due date; "any" adds the done tasks.
    const opening = await listTasks(t.db, chair, {}, NOW);
    expect(opening.filter.status).toBe("unfinished");
    expect(opening.total).toBe(SEED_TASKS.filter((s) => s.status !== "done").length + 4);
    expect(opening.rows.filter((r) => r.status === "done")).toEqual([]);
    expect(opening.rows.map((r) => r.dueOn)).toEqual(opening.rows.map((r) => r.dueOn).sort());
    const all = await listTasks(t.db, chair, { status: "any" }, NOW);
    expect(all.total).toBe(SEED_TASKS.length + 4);
    expect(all.rows).toHaveLength(20);
    expect(all.pages).toBe(2);
    const dues = all.rows.map((r) => r.dueOn);
    expect(dues).toEqual([...dues].sort());
    const page2 = await listTasks(t.db, chair, { status: "any", page: "2" }, NOW);
    expect(page2.rows).toHaveLength(all.total - 20);
    const created = await listTasks(t.db, chair, { created: "1", status: "done" }, NOW);
    expect(created.total).toBe(SEED_TASKS.filter((s) => s.creator === "gov1@example.org" && s.status === "done").length);
    const [task] = await t.db
      .select({ policyId: tasks.policyId })
      .from(tasks)
      .where(eq(tasks.title, "Draft the 2027 budget for the Board's first reading"));
    const byPolicy = await listTasksForExport(t.db, chair, { policyId: task!.policyId! }, NOW);
    expect(byPolicy.map((r) => r.title)).toEqual(["Draft the 2027 budget for the Board's first reading"]);
    expect(byPolicy[0]!.overdue).toBe(true);
  });

  it("refuses a bad filter with a clear error", async () => {
    await expect(listTasks(t.db, chair, { status: "finished" }, NOW)).rejects.toBeInstanceOf(AppError);
    await expect(listTasks(t.db, chair, { policyId: "1; drop table tasks" }, NOW)).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("the calendar feed", () => {
  it("parses as iCalendar, holds the user's due dates, and a regenerated token revokes the old address", async () => {
    const staff2 = await t.actor("staff2@example.org");
    await t.db.insert(tasks).values({
      title: "Reply to the Ministry; agree dates, venue & budget — «déjà» 日本語 and a very long title that needs folding across lines",
      assigneeId: staff2.id,
      creatorId: chair.id,
      dueOn: "2026-06-30",
    });
    const { token } = await regenerateCalendarToken(t.db, staff2);
    const text = await getCalendarFeed(t.db, token, NOW);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toContain("Pillars");
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const expected = await t.db.select().from(tasks);
    const mineNotDone = expected.filter((x) => (x.assigneeId === staff2.id || x.creatorId === staff2.id) && x.status !== "done");
    expect(events).toHaveLength(mineNotDone.length);
    expect(new Set(events.map((e) => e.uid))).toEqual(new Set(mineNotDone.map((x) => `task-${x.id}@pillars`)));
    for (const event of events) {
      const task = mineNotDone.find((x) => event.uid === `task-${x.id}@pillars`)!;
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(task.dueOn);
      expect(event.summary).toContain(task.title);
    }
    const special = events.find((e) => e.summary.includes("Ministry"))!;
    expect(special.summary).toBe(
      "Due: Reply to the Ministry; agree dates, venue & budget — «déjà» 日本語 and a very long title that needs folding across lines",
    );

    const { token: renewed } = await regenerateCalendarToken(t.db, staff2);
    await expect(getCalendarFeed(t.db, token, NOW)).rejects.toMatchObject({ code: "not_found" });
    expect(await getCalendarFeed(t.db, renewed, NOW)).toContain("BEGIN:VCALENDAR");
    await expect(getCalendarFeed(t.db, "short", NOW)).rejects.toMatchObject({ code: "not_found" });
  });
});
