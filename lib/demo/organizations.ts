import type { Tx } from "@/db/client";
import { organizationStatusHistory, organizations, pillars, settings } from "@/db/schema";
import type { MembershipStatus } from "@/lib/registry/vocabulary";
import { type PillarId, type SeedContext, dateFrom, must, userOf } from "./context";

/** A date a fractional number of years ago (yearsFrom would drop the fraction, putting steps on one day). */
const yearsAgoDate = (now: Date, yearsAgo: number): string => dateFrom(now, -Math.round(yearsAgo * 365.25));

type Standard = "PSC.1" | "ISO 18788" | "ISO 28007";
/** One dated status change: years ago (fractions allowed), new status and why. */
type Step = [yearsAgo: number, to: MembershipStatus, reason: string];

type OrgSeed = {
  slug: string;
  name: string;
  /** Null for the Association itself, which is no pillar. */
  pillar: PillarId | null;
  country: string;
  /** Certification standard and expiry in days from now (negative: expired). */
  cert?: [Standard, number];
  /** Status history, oldest first; the last step is the current status. */
  history?: Step[];
};

const JOIN = "Membership application received with the required declarations and fees.";
const TRANSITION = "Board approved transitional membership after review of the application and policies.";
const CERTIFY = "Certification under a recognised standard verified by the Secretariat.";

export const ORGANIZATIONS: OrgSeed[] = [
  // Governments. Their membership status stays NULL: the membership statuses describe companies.
  { slug: "us-department-of-state", name: "United States Department of State", pillar: "government", country: "US" },
  { slug: "swiss-fdfa", name: "Swiss Federal Department of Foreign Affairs", pillar: "government", country: "CH" },
  { slug: "uk-fcdo", name: "UK Foreign, Commonwealth & Development Office", pillar: "government", country: "GB" },
  { slug: "swedish-mfa", name: "Swedish Ministry for Foreign Affairs", pillar: "government", country: "SE" },
  { slug: "australia-dfat", name: "Australian Department of Foreign Affairs and Trade", pillar: "government", country: "AU" },
  { slug: "global-affairs-canada", name: "Global Affairs Canada", pillar: "government", country: "CA" },
  { slug: "norway-mfa", name: "Norwegian Ministry of Foreign Affairs", pillar: "government", country: "NO" },
  // Civil society organisations (fictional), also without a membership status.
  { slug: "open-frontiers-legal-aid", name: "Open Frontiers Legal Aid", pillar: "civil_society", country: "KE" },
  { slug: "andean-rights-observatory", name: "Andean Rights Observatory", pillar: "civil_society", country: "PE" },
  { slug: "coalition-accountable-security", name: "Coalition for Accountable Security", pillar: "civil_society", country: "GB" },
  { slug: "delta-community-justice", name: "Delta Community Justice Initiative", pillar: "civil_society", country: "NG" },
  { slug: "mekong-labour-rights-watch", name: "Mekong Labour Rights Watch", pillar: "civil_society", country: "TH" },
  { slug: "sahel-civic-forum", name: "Sahel Civic Forum", pillar: "civil_society", country: "SN" },
  { slug: "centre-security-human-rights", name: "Centre for Security and Human Rights", pillar: "civil_society", country: "CH" },
  // The Association itself, where the Secretariat and the administrators work: no pillar, no
  // registry entry, no seat; its people never count towards a pillar.
  { slug: "association-secretariat", name: "Association Secretariat", pillar: null, country: "CH" },
  // Private security companies (fictional), covering every membership status.
  {
    slug: "meridian-protective-services",
    name: "Meridian Protective Services Ltd",
    pillar: "industry",
    country: "GB",
    cert: ["ISO 18788", 540],
    history: [
      [7.2, "applicant", JOIN],
      [6.6, "transitional_member", TRANSITION],
      [5.1, "certified_member", CERTIFY],
    ],
  },
  {
    slug: "alpine-guard-solutions",
    name: "Alpine Guard Solutions AG",
    pillar: "industry",
    country: "CH",
    cert: ["ISO 18788", 820],
    history: [
      [6.4, "applicant", JOIN],
      [5.9, "transitional_member", TRANSITION],
      [4.2, "certified_member", CERTIFY],
    ],
  },
  {
    slug: "bluewater-maritime-security",
    name: "Bluewater Maritime Security",
    pillar: "industry",
    country: "CY",
    cert: ["ISO 28007", 300],
    history: [
      [5.8, "applicant", JOIN],
      [5.3, "transitional_member", TRANSITION],
      [3.9, "certified_member", "ISO 28007 certification for maritime operations verified by the Secretariat."],
    ],
  },
  {
    slug: "sentinel-risk-partners",
    name: "Sentinel Risk Partners LLC",
    pillar: "industry",
    country: "US",
    cert: ["PSC.1", 410],
    history: [
      [8.1, "applicant", JOIN],
      [7.5, "transitional_member", TRANSITION],
      [6.0, "certified_member", "ANSI/ASIS PSC.1 certification verified by the Secretariat."],
    ],
  },
  {
    slug: "kestrel-secure-logistics",
    name: "Kestrel Secure Logistics (Pty) Ltd",
    pillar: "industry",
    country: "ZA",
    cert: ["ISO 18788", 650],
    history: [
      [4.9, "applicant", JOIN],
      [4.4, "transitional_member", TRANSITION],
      [2.8, "certified_member", CERTIFY],
    ],
  },
  {
    slug: "harbourline-escort-services",
    name: "Harbourline Escort Services Pte Ltd",
    pillar: "industry",
    country: "SG",
    cert: ["ISO 28007", 210],
    history: [
      [4.1, "applicant", JOIN],
      [3.6, "transitional_member", TRANSITION],
      [2.2, "certified_member", "ISO 28007 certification for maritime operations verified by the Secretariat."],
    ],
  },
  {
    slug: "cedar-shield-security",
    name: "Cedar Shield Security SAL",
    pillar: "industry",
    country: "LB",
    cert: ["ISO 18788", 95],
    history: [
      [3.7, "applicant", JOIN],
      [3.2, "transitional_member", TRANSITION],
      [1.4, "certified_member", CERTIFY],
    ],
  },
  {
    slug: "atlas-perimeter-group",
    name: "Atlas Perimeter Group FZE",
    pillar: "industry",
    country: "AE",
    cert: ["ISO 18788", 700],
    history: [
      [1.6, "applicant", JOIN],
      [1.1, "transitional_member", "Board approved transitional membership; certification obtained, onboarding assessment pending."],
    ],
  },
  {
    slug: "savannah-site-protection",
    name: "Savannah Site Protection Ltd",
    pillar: "industry",
    country: "KE",
    history: [
      [1.9, "applicant", JOIN],
      [1.3, "transitional_member", "Board approved transitional membership; certification expected within the transition period."],
    ],
  },
  {
    slug: "orion-integrated-security",
    name: "Orion Integrated Security SAS",
    pillar: "industry",
    country: "CO",
    history: [
      [1.2, "applicant", JOIN],
      [0.6, "transitional_member", TRANSITION],
    ],
  },
  {
    slug: "northgate-protective-services",
    name: "Northgate Protective Services",
    pillar: "industry",
    country: "IQ",
    history: [[0.3, "applicant", JOIN]],
  },
  { slug: "aegean-vessel-protection", name: "Aegean Vessel Protection SA", pillar: "industry", country: "GR", history: [[0.15, "applicant", JOIN]] },
  {
    slug: "vigil-training-academy",
    name: "Vigil Training Academy",
    pillar: "industry",
    country: "FR",
    history: [[2.5, "affiliate", "Admitted as an affiliate: a training provider that does not itself deliver security services."]],
  },
  {
    slug: "ironbridge-security-services",
    name: "Ironbridge Security Services",
    pillar: "industry",
    country: "MZ",
    cert: ["ISO 18788", 380],
    history: [
      [4.6, "applicant", JOIN],
      [4.1, "transitional_member", TRANSITION],
      [2.9, "certified_member", CERTIFY],
      [0.4, "suspended", "Failure to address complaint findings within the period set by the Board."],
    ],
  },
  {
    slug: "blackthorn-tactical-solutions",
    name: "Blackthorn Tactical Solutions Ltd",
    pillar: "industry",
    country: "MT",
    history: [
      [5.5, "applicant", JOIN],
      [5.0, "transitional_member", TRANSITION],
      [3.0, "suspended", "Certification not obtained within the transitional period."],
      [2.4, "terminated", "Membership terminated by the Board after the suspension period ended without remedy."],
    ],
  },
  {
    // Certified on paper, but the certificate has lapsed: not in good standing.
    slug: "cobalt-maritime-protection",
    name: "Cobalt Maritime Protection SL",
    pillar: "industry",
    country: "ES",
    cert: ["ISO 28007", -62],
    history: [
      [6.2, "applicant", JOIN],
      [5.7, "transitional_member", TRANSITION],
      [3.1, "certified_member", "ISO 28007 certification for maritime operations verified by the Secretariat."],
    ],
  },
];

/** Pillars, settings and organisations. Status history needs users, so it comes later. */
export async function seedOrganizations(tx: Tx, ctx: SeedContext): Promise<void> {
  await tx
    .insert(pillars)
    .values([
      { id: "government", name: "Governments", shortName: "Governments", sortOrder: 1 },
      { id: "civil_society", name: "Civil Society Organisations", shortName: "Civil Society", sortOrder: 2 },
      { id: "industry", name: "Private Security Companies", shortName: "Industry", sortOrder: 3 },
    ])
    .onConflictDoNothing();
  await tx.insert(settings).values({ key: "timezone", value: "Europe/Zurich" }).onConflictDoNothing();

  const created = ctx.now;
  const rows = await tx
    .insert(organizations)
    .values(
      ORGANIZATIONS.map((org) => {
        const last = org.history?.at(-1);
        return {
          slug: org.slug,
          name: org.name,
          pillarId: org.pillar,
          country: org.country,
          website: `https://${org.slug}.example`,
          membershipStatus: last ? last[1] : null,
          certificationStandard: org.cert ? org.cert[0] : null,
          certificationExpiresOn: org.cert ? dateFrom(ctx.now, org.cert[1]) : null,
          createdAt: org.history?.[0] ? new Date(`${yearsAgoDate(ctx.now, org.history[0][0])}T09:00:00Z`) : created,
          updatedAt: last ? new Date(`${yearsAgoDate(ctx.now, last[0])}T09:00:00Z`) : created,
        };
      }),
    )
    .returning({ id: organizations.id, slug: organizations.slug });
  for (const row of rows) ctx.orgs[row.slug] = row.id;
}

/** The dated membership history of every company; the last row matches the current status. */
export async function seedStatusHistory(tx: Tx, ctx: SeedContext): Promise<void> {
  const secretariat = userOf(ctx, "secretariat@example.org").id;
  const values = ORGANIZATIONS.flatMap((org) =>
    (org.history ?? []).map(([yearsAgo, to, reason], i, steps) => {
      const effectiveOn = yearsAgoDate(ctx.now, yearsAgo);
      return {
        organizationId: must(ctx.orgs, org.slug, "organisation"),
        fromStatus: i > 0 ? (steps[i - 1]?.[1] ?? null) : null,
        toStatus: to,
        reason,
        effectiveOn,
        // Recorded by the Secretariat; the oldest rows predate the app and carry no author.
        changedById: yearsAgo < 3 ? secretariat : null,
        changedAt: new Date(`${effectiveOn}T10:00:00Z`),
      };
    }),
  );
  await tx.insert(organizationStatusHistory).values(values);
}
