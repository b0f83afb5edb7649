import { NextResponse, type NextRequest } from "next/server";

/**
 * Refuses two kinds of server-action call with a clear 4xx JSON error before Next handles them; Next
 * refuses both as well, but answers them with an HTTP 500.
 *
 * A body over Next's 1 MB limit for server actions (serverActions.bodySizeLimit): 413.
 *
 * A cross-site call: 403.
 * Next checks that a server action's Origin matches the Host and throws when it does not, which the
 * browser (or a forged form on another site) receives as an HTTP 500. The check and its outcome stay
 * the same here (a foreign origin is refused and nothing runs); only the answer becomes the 403 JSON
 * error that route handlers give. A request without an Origin (old browsers, scripts) is left to Next,
 * which lets it through as it does today: the session cookie is SameSite=Lax, so another site cannot
 * send it along with a cross-site POST.
 */
const ACTION_BODY_LIMIT = 1024 * 1024;

export function proxy(request: NextRequest) {
  if (request.method !== "POST") return NextResponse.next();
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    return NextResponse.json({ error: { code: "too_large", message: "This request is larger than 1 MB and was refused." } }, { status: 413 });
  }
  const origin = request.headers.get("origin");
  if (!origin) return NextResponse.next();
  // The same host Next compares with: the first x-forwarded-host, else the Host header.
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (a sandboxed or privacy-sensitive context) or garbage: not this site.
  }
  if (originHost && originHost === host) return NextResponse.next();
  return NextResponse.json(
    { error: { code: "forbidden", message: "This request came from another site and was refused." } },
    { status: 403 },
  );
}

// Only server-action calls (they carry a Next-Action header) pass through here; pages, assets and
// route handlers never do.
export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
