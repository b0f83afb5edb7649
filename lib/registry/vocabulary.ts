/** The registry's words. A leaf module: no imports, so the schema, rules and client components share it. */
export const MEMBERSHIP_STATUSES = ["applicant", "transitional_member", "certified_member", "affiliate", "suspended", "terminated"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const CERTIFICATION_STANDARDS = ["PSC.1", "ISO 18788", "ISO 28007"] as const;
export type CertificationStandard = (typeof CERTIFICATION_STANDARDS)[number];
