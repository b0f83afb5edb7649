import { calendarDate } from "@/lib/format";

/** "Today" as a calendar date (YYYY-MM-DD) in a timezone: the organisation's day for due dates and expiries. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return calendarDate(now, timeZone);
}

/** The offset of a timezone from UTC at an instant, in milliseconds. */
function zoneOffset(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a moment from a form: an ISO instant with an offset, or a wall-clock "YYYY-MM-DDTHH:mm"
 * (what a datetime-local input sends) in the organisation's timezone. Null when it is not one.
 */
export function parseMoment(value: Date | string, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (WITH_OFFSET.test(value) && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  let instant = wall - zoneOffset(wall, timeZone);
  const second = wall - zoneOffset(instant, timeZone);
  if (second !== instant) instant = second;
  // Refuse impossible dates (31 February) rather than roll them over.
  return toLocalInput(new Date(instant), timeZone) === `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` ? new Date(instant) : null;
}

/** An instant as "YYYY-MM-DDTHH:mm" wall-clock time in a timezone, for a datetime-local input. */
export function toLocalInput(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + zoneOffset(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}
