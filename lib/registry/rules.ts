import type { MembershipStatus } from "@/lib/registry/vocabulary";

/** The facts good standing is derived from. */
export type StandingFacts = { membershipStatus: MembershipStatus | null; certificationExpiresOn: string | null };

/** The membership statuses that make an organisation a member (affiliates and applicants are not members). */
export const MEMBER_STATUSES = ["transitional_member", "certified_member"] as const satisfies readonly MembershipStatus[];

/**
 * Whether an organisation is a member in good standing on `today` (YYYY-MM-DD in the organisation's
 * timezone). A certificate is valid through its expiry date inclusive.
 *
 * - A certified member needs an expiry date that has not passed: a certification nobody can date
 *   cannot be verified by a buyer.
 * - A transitional member may have no certificate yet: transitional members are working towards
 *   certification within the transition period the Board granted, and that is exactly the standing
 *   the status expresses. If they do carry a certificate, it must not have expired.
 * - Every other status (applicant, affiliate, suspended, terminated, or none at all, as for
 *   governments and civil society organisations) is not membership in good standing.
 *
 * The SQL in lib/registry/queries.ts (`goodStandingSql`) mirrors this; a test checks both agree.
 */
export function isInGoodStanding(facts: StandingFacts, today: string): boolean {
  const expires = facts.certificationExpiresOn;
  switch (facts.membershipStatus) {
    case "certified_member":
      return expires !== null && expires >= today;
    case "transitional_member":
      return expires === null || expires >= today;
    default:
      return false;
  }
}

/**
 * The membership state machine. `null` is an organisation with no membership status yet (a new
 * organisation, a government or a civil society organisation).
 *
 * - applicant → transitional_member → certified_member is the path into membership.
 * - Members can be suspended, and a suspension can be lifted back to either member status
 *   (certified only with a valid certificate, which the command checks).
 * - Any status may be terminated; a terminated organisation can only start again as an applicant,
 *   so it cannot become certified again without a new application.
 * - Affiliates (for example training providers) are not members: an applicant may be admitted as an
 *   affiliate, and an affiliate may apply for membership, which makes it an applicant. An affiliate
 *   cannot be suspended, because suspension is a sanction of membership it does not hold.
 */
const TRANSITIONS: Record<MembershipStatus | "none", readonly MembershipStatus[]> = {
  none: ["applicant", "affiliate"],
  applicant: ["transitional_member", "affiliate", "terminated"],
  transitional_member: ["certified_member", "suspended", "terminated"],
  certified_member: ["suspended", "terminated"],
  suspended: ["transitional_member", "certified_member", "terminated"],
  affiliate: ["applicant", "terminated"],
  terminated: ["applicant"],
};

/** The statuses an organisation may move to from its current one. */
export function allowedTransitions(from: MembershipStatus | null): readonly MembershipStatus[] {
  return TRANSITIONS[from ?? "none"];
}

export function canTransition(from: MembershipStatus | null, to: MembershipStatus): boolean {
  return allowedTransitions(from).includes(to);
}

export const STATUS_LABELS: Record<MembershipStatus, string> = {
  applicant: "Applicant",
  transitional_member: "Transitional member",
  certified_member: "Certified member",
  affiliate: "Affiliate",
  suspended: "Suspended",
  terminated: "Terminated",
};

export function describeStatus(status: MembershipStatus | null): string {
  return status ? STATUS_LABELS[status] : "No membership status";
}
