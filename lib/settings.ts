import { eq } from "drizzle-orm";
import { cache } from "react";
import type { DB } from "@/db/client";
import { settings } from "@/db/schema";
import { DEFAULT_TIMEZONE } from "@/lib/format";

/**
 * The organisation's timezone (setting `timezone`), used for due dates, expiries and "today".
 * Read once per request: the header, the page and its queries all ask for it.
 */
export const getTimezone = cache(async function getTimezone(db: DB): Promise<string> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "timezone"));
  const zone = row?.value ?? DEFAULT_TIMEZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return DEFAULT_TIMEZONE;
  }
});
