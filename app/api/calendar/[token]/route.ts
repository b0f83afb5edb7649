import { getDb } from "@/db";
import { toErrorResponse } from "@/lib/errors";
import { getCalendarFeed } from "@/lib/tasks/calendar";

/** A user's due dates as an iCalendar feed; the secret token in the address is the only credential. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await params;
    const body = await getCalendarFeed(await getDb(), token.replace(/\.ics$/, ""));
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="pillars-tasks.ics"',
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
