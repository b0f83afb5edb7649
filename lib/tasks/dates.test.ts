import { describe, expect, it } from "vitest";
import { addDays, completedOnTime, isOverdue, weekOf } from "./dates";
import { todayIn } from "@/lib/time";

const ZURICH = "Europe/Zurich";

describe("due dates in the organisation's timezone", () => {
  it("a task due on 14 March becomes overdue at midnight in Zurich, not at midnight UTC", () => {
    const task = { dueOn: "2026-03-14", status: "in_progress" };
    // 23:30 UTC on 14 March is already 00:30 on 15 March in Zurich (UTC+1 in winter).
    expect(isOverdue(task, new Date("2026-03-14T22:59:59Z"), ZURICH)).toBe(false);
    expect(isOverdue(task, new Date("2026-03-14T23:00:00Z"), ZURICH)).toBe(true);
    expect(isOverdue(task, new Date("2026-03-14T23:30:00Z"), "UTC")).toBe(false);
    // In summer Zurich is UTC+2.
    const summer = { dueOn: "2026-07-01", status: "open" };
    expect(isOverdue(summer, new Date("2026-07-01T21:59:00Z"), ZURICH)).toBe(false);
    expect(isOverdue(summer, new Date("2026-07-01T22:00:00Z"), ZURICH)).toBe(true);
  });

  it("a task that is done is never overdue", () => {
    expect(isOverdue({ dueOn: "2020-01-01", status: "done" }, new Date("2026-01-01T12:00:00Z"), ZURICH)).toBe(false);
  });

  it("the week runs Monday to Sunday around today in the timezone", () => {
    // Sunday 22 March 2026, 23:30 UTC is Monday 23 March in Zurich: a new week.
    expect(weekOf(new Date("2026-03-22T22:30:00Z"), ZURICH)).toEqual({ start: "2026-03-16", end: "2026-03-22" });
    expect(weekOf(new Date("2026-03-22T23:30:00Z"), ZURICH)).toEqual({ start: "2026-03-23", end: "2026-03-29" });
    expect(todayIn("UTC", new Date("2026-03-22T23:30:00Z"))).toBe("2026-03-22");
  });

  it("on time means completed on or before the due date, as seen in the timezone", () => {
    expect(completedOnTime(new Date("2026-03-14T22:30:00Z"), "2026-03-14", ZURICH)).toBe(true);
    expect(completedOnTime(new Date("2026-03-14T23:30:00Z"), "2026-03-14", ZURICH)).toBe(false);
    expect(completedOnTime(new Date("2026-03-14T23:30:00Z"), "2026-03-14", "UTC")).toBe(true);
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
