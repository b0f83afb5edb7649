/** The organisation's timezone until a setting overrides it (SPEC: default Europe/Zurich). */
export const DEFAULT_TIMEZONE = "Europe/Zurich";

export function formatDateTime(value: Date | string, timeZone = DEFAULT_TIMEZONE): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));
}

/** A calendar date (YYYY-MM-DD) is shown as it is, with no timezone shift. */
export function formatDate(value: string): string {
  const [y, m, d] = value.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** The calendar date of an instant in a timezone, as YYYY-MM-DD. */
export function calendarDate(instant: Date, timeZone = DEFAULT_TIMEZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

export function humanize(value: string): string {
  const text = value.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
