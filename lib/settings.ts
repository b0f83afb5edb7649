import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { settings } from "@/db/schema";
import { DEFAULT_TIMEZONE } from "@/lib/format";

/** The organisation's timezone (setting `timezone`), used for due dates, expiries and "today". */
export async function getTimezone(db: DB): Promise<string> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "timezone"));
  const zone = row?.value ?? DEFAULT_TIMEZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return DEFAULT_TIMEZONE;
  }
}
