import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/errors";
import { authorizeTopics } from "@/lib/live/access";
import { LiveBusFull } from "@/lib/live/bus";
import { EVENT_STREAM_HEADERS, openLiveStream } from "@/lib/live/stream";

/**
 * Server-sent events telling an open page that what it shows changed (a motion's tally, a
 * consultation's comments, the reader's inbox): `?topic=motion:<id>&topic=inbox`. Each event names
 * only the topic; the page re-reads itself through its own checks. Refusals answer as JSON.
 */
export async function GET(request: Request) {
  try {
    const topics = new URL(request.url).searchParams.getAll("topic");
    const keys = await authorizeTopics(await getDb(), await currentActor(), topics);
    return new Response(await openLiveStream(keys, request.signal), { headers: EVENT_STREAM_HEADERS });
  } catch (error) {
    if (error instanceof LiveBusFull)
      return Response.json({ error: { code: "unavailable", message: error.message } }, { status: 503, headers: { "retry-after": "30" } });
    return toErrorResponse(error);
  }
}

export const dynamic = "force-dynamic";
