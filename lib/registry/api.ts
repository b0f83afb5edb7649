import type { RegistryEntry } from "./queries";

/**
 * The public JSON shape of one organisation. These field names are documented in the README and are
 * a contract with procurement systems: add fields, never rename or remove them.
 */
export function toApiEntry(entry: RegistryEntry, origin: string) {
  return {
    slug: entry.slug,
    name: entry.name,
    pillar: entry.pillar,
    pillarName: entry.pillarName,
    country: entry.country,
    membershipStatus: entry.membershipStatus,
    goodStanding: entry.goodStanding,
    certification: { standard: entry.certification.standard, expiresOn: entry.certification.expiresOn },
    url: `${origin}/registry/${entry.slug}`,
  };
}

export const API_HEADERS = { "cache-control": "no-store" };

/**
 * The public origin the request came to, for absolute links. Behind a proxy the Host and
 * X-Forwarded-* headers say where the client is; the request's own URL names the internal listener.
 */
export function publicOrigin(request: Request): string {
  const own = new URL(request.url);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || own.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || own.protocol.replace(":", "");
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host) || !/^https?$/.test(proto)) return own.origin;
  return `${proto}://${host}`;
}
