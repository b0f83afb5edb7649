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
