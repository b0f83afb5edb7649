import { calendarDate } from "@/lib/format";
import { todayIn } from "@/lib/time";

/** Calendar arithmetic on YYYY-MM-DD strings; they carry no timezone, so UTC is only a vehicle. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** A task is overdue once its due date has passed in the organisation's timezone and it is not done. */
export function isOverdue(task: { dueOn: string; status: string }, now: Date, timeZone: string): boolean {
  return task.status !== "done" && task.dueOn < todayIn(timeZone, now);
}

/** Monday to Sunday of the week that holds today, in the organisation's timezone. */
export function weekOf(now: Date, timeZone: string): { start: string; end: string } {
  const today = todayIn(timeZone, now);
  const [y, m, d] = today.split("-").map(Number);
  const weekday = (new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7; // Monday = 0
  const start = addDays(today, -weekday);
  return { start, end: addDays(start, 6) };
}

/** Done on time: completed on or before the due date, as a calendar date in the organisation's timezone. */
export function completedOnTime(completedAt: Date, dueOn: string, timeZone: string): boolean {
  return calendarDate(completedAt, timeZone) <= dueOn;
}
