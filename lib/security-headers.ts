/**
 * The headers every response carries. Pages get a Content-Security-Policy with a nonce made for the
 * request: scripts run only when Next rendered them with that nonce (or a nonced script loaded
 * them), so an injected <script> or inline handler never runs; no plugins, no <base> elsewhere, and
 * no framing by another site. Everything else (JSON, CSV, calendars, refusals) gets a policy that
 * allows nothing at all, since none of it is meant to run in a browser.
 */
export function contentSecurityPolicy(nonce: string | null, path: string): string {
  if (nonce === null || path.startsWith("/api/")) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  // Next's development server evaluates modules as it reloads them; the built app never does.
  const evaluate = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evaluate}`,
    // React writes style attributes (widths of bars and the like): styles may be inline, scripts never.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The other security headers; Strict-Transport-Security only when the request came over https. */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
