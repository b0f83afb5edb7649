import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { currentActor } from "@/lib/auth/session";
import { BUSY_MESSAGE, signInSlotsFull } from "@/lib/auth/sign-in-slots";

/**
 * Auth.js, except that `/api/auth/session` answers `null` for a cookie whose session has ended (signed
 * out, ended elsewhere, the account deactivated), as every page does.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/session") && !(await currentActor())) {
    return Response.json(null, { headers: { "Cache-Control": "no-store" } });
  }
  return handlers.GET(request);
}

/**
 * Auth.js, except that a credentials sign-in arriving while every sign-in slot and place in the queue
 * is taken gets 429 at once, before any work (lib/auth/sign-in-slots.ts).
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/callback/credentials") && signInSlotsFull()) {
    return Response.json(
      { error: { code: "throttled", message: BUSY_MESSAGE } },
      { status: 429, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
    );
  }
  return handlers.POST(request);
}
