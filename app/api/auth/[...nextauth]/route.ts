import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { BUSY_MESSAGE, signInSlotsFull } from "@/lib/auth/sign-in-slots";

export const { GET } = handlers;

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
