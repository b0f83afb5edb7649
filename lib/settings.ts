import { eq } from "drizzle-orm";
import { cache } from "react";
import type { DB } from "@/db/client";
import { settings } from "@/db/schema";
import { DEFAULT_TIMEZONE } from "@/lib/format";

/** The stored zone if the runtime knows it, else the default. */
export function validTimezone(stored: string | null | undefined): string {
  const zone = stored ?? DEFAULT_TIMEZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return DEFAULT_TIMEZONE;
  }
}

/** One slot per request (outside a request, a fresh one per call). */
const requestTimezone = cache((): { zone?: Promise<string> } => ({}));

/**
 * The organisation's timezone (setting `timezone`), used for due dates, expiries and "today".
 * Read once per request: the header, the page and its queries all ask for it, and the signed-in
 * user's statement reads it along (`rememberTimezone`).
 */
export function getTimezone(db: DB): Promise<string> {
  const slot = requestTimezone();
  slot.zone ??= db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, "timezone"))
    .then(([row]) => validTimezone(row?.value));
  return slot.zone;
}

/** Keeps a timezone setting already read in this request, so `getTimezone` need not read it again. */
export function rememberTimezone(stored: string | null | undefined): void {
  requestTimezone().zone ??= Promise.resolve(validTimezone(stored));
}
