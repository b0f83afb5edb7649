import { NextResponse, type NextRequest } from "next/server";
import { appOrigin } from "@/lib/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

/**
 * Runs before every request for a page, a server action or a route handler (static files are left
 * out by the matcher). It gives every response the security headers, and every page a fresh nonce
 * for its scripts; and it refuses with a clear 4xx, before Next sees them, two kinds of write that
 * Next would refuse with an HTTP 500:
 *
 * - A server action over 1 MB (Next's serverActions.bodySizeLimit): 413, whether the body declares
 *   its length or comes in chunks without one (then it is counted here; Next buffers the body for
 *   the proxy up to experimental.proxyClientMaxBodySize, set just above the limit).
 * - A write from another site: 403. The Origin a browser sends must be this site's, scheme, host and
 *   port alike: the configured public origin (APP_URL) or the origin the request itself came to.
 *   A request without an Origin (old browsers, scripts) is let through: the session cookie is
 *   SameSite=Lax, so another site cannot send it along with a cross-site POST.
 */
const ACTION_BODY_LIMIT = 1024 * 1024;

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A control character in an address (a NUL, a line break, escape codes): no page, filter or id ever
 * takes one, and PostgreSQL refuses a whole query over a NUL. Refused here for every route at once,
 * so no search, filter or route parameter can carry one to the database.
 */
const CONTROL_IN_ADDRESS = /%(?:[01][0-9a-f]|7f)|[\u0000-\u001f\u007f]/i;

export async function proxy(request: NextRequest) {
  const address = request.nextUrl.pathname + request.nextUrl.search;
  if (CONTROL_IN_ADDRESS.test(address) || !decodes(request.nextUrl.pathname)) {
    return withHeaders(
      refuse(request, 400, "invalid", "This address contains a control character or a broken escape (such as %00 or %ff) and was refused."),
      request,
    );
  }
  if (WRITES.has(request.method)) {
    const refusal = (await refuseWrite(request)) ?? null;
    if (refusal) return withHeaders(refusal, request);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, request.nextUrl.pathname);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  // The server gave the request its id already (lib/ops/http-observer.ts); the handler reads it from here.
  requestHeaders.set(REQUEST_ID_HEADER, requestIdFrom(request.headers.get(REQUEST_ID_HEADER)));
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return withHeaders(response, request);
}

/** Whether a path's escapes are valid UTF-8 (`%ff` is not, and Next would fail on it with a 500). */
function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

async function refuseWrite(request: NextRequest): Promise<Response | undefined> {
  const isAction = !request.nextUrl.pathname.startsWith("/api/");
  if (isAction && (await bodyLength(request, ACTION_BODY_LIMIT)) > ACTION_BODY_LIMIT) {
    return refuse(request, 413, "too_large", "This request is larger than 1 MB and was refused.");
  }
  const origin = request.headers.get("origin");
  if (origin !== null && !sameSite(request, origin)) {
    return refuse(request, 403, "forbidden", "This request came from another site and was refused.");
  }
  return undefined;
}

/** The declared length, or for a chunked body the bytes counted up to just past `limit`. */
async function bodyLength(request: NextRequest, limit: number): Promise<number> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) || 0;
  if (!request.body) return 0;
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return total;
    }
  }
}

/** Whether a browser's Origin is this site: the public origin, or the one this request came to. */
function sameSite(request: NextRequest, origin: string): boolean {
  let sent: string;
  try {
    sent = new URL(origin).origin;
  } catch {
    return false; // "null" (a sandboxed or privacy-sensitive context) or garbage: not this site.
  }
  // The same host Next compares with: the first x-forwarded-host, else the Host header.
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  const scheme = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || request.nextUrl.protocol.replace(":", "");
  return sent === appOrigin() || (host !== null && /^https?$/.test(scheme) && sent === `${scheme}://${host}`);
}

/** A refusal a script can read (JSON) or a person can (text), as the request asked. */
function refuse(request: NextRequest, status: number, code: string, message: string): Response {
  const wantsJson = request.headers.has("next-action") || request.nextUrl.pathname.startsWith("/api/");
  return wantsJson
    ? NextResponse.json({ error: { code, message } }, { status })
    : new NextResponse(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function withHeaders(response: Response, request: NextRequest): Response {
  const https = (request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || request.nextUrl.protocol.replace(":", "")) === "https";
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  if (!response.headers.has("content-security-policy"))
    response.headers.set("content-security-policy", contentSecurityPolicy(null, request.nextUrl.pathname));
  return response;
}

export const config = {
  // Everything but the build's static files, which carry their own headers (next.config.mjs).
  matcher: ["/((?!_next/static|_next/image|favicon.svg).*)"],
};
