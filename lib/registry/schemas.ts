import { z } from "zod";
import { CERTIFICATION_STANDARDS, MEMBERSHIP_STATUSES } from "@/lib/registry/vocabulary";
import { calendarDateSchema, optionalCalendarDateSchema, reasonSchema } from "@/lib/board/schemas";

/** Form fields arrive as "" when left empty; treat that as not given. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const REGISTRY_PAGE_SIZE = 20;

export const registrySearchSchema = z.object({
  // PostgreSQL stores no NUL character, and would refuse the whole query for one.
  q: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(100, "Keep the search under 100 characters.")
      .regex(/^[^\0]*$/, "The search cannot contain a NUL (\\0) character.")
      .optional(),
  ),
  country: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "Use a two-letter country code such as CH.")
      .transform((v) => v.toUpperCase())
      .optional(),
  ),
  pillar: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^[a-z][a-z_]{1,39}$/, "Unknown pillar.")
      .optional(),
  ),
  status: z.preprocess(blank, z.enum(MEMBERSHIP_STATUSES, `Use one of: ${MEMBERSHIP_STATUSES.join(", ")}.`).optional()),
  goodStanding: z.preprocess(
    blank,
    z
      .enum(["true", "false"], "Use true or false.")
      .transform((v) => v === "true")
      .optional(),
  ),
  page: z.preprocess(
    blank,
    z.coerce
      .number("The page must be a whole number from 1.")
      .int("The page must be a whole number from 1.")
      .min(1, "The page must be a whole number from 1.")
      .max(10_000, "That page is too far.")
      .default(1),
  ),
});
export type RegistrySearch = z.infer<typeof registrySearchSchema>;

const name = z.string().trim().min(2, "Enter the organisation's name.").max(200, "Keep the name under 200 characters.");
const country = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "Use a two-letter country code such as CH.")
    .transform((v) => v.toUpperCase())
    .optional(),
);
const website = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .max(300, "Keep the address under 300 characters.")
    .check(z.url("Enter a full web address, starting with https://."))
    .refine((v) => /^https?:\/\//i.test(v), "Enter a full web address, starting with https://.")
    .optional(),
);
const standard = z.preprocess(blank, z.enum(CERTIFICATION_STANDARDS, "Choose a recognised standard.").optional());

export const createOrganizationSchema = z.object({
  name,
  slug: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .toLowerCase()
      .max(80, "Keep the short name under 80 characters.")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens.")
      .optional(),
  ),
  pillarId: z.string("Choose a pillar.").regex(/^[a-z][a-z_]{1,39}$/, "Choose a pillar."),
  country,
  website,
  certificationStandard: standard,
  certificationExpiresOn: optionalCalendarDateSchema("Enter the expiry as a date."),
});

export const updateOrganizationSchema = z.object({
  organizationId: z.uuid("Unknown organisation."),
  name,
  country,
  website,
  certificationStandard: standard,
  certificationExpiresOn: optionalCalendarDateSchema("Enter the expiry as a date."),
});

export const changeStatusSchema = z.object({
  organizationId: z.uuid("Unknown organisation."),
  toStatus: z.enum(MEMBERSHIP_STATUSES, "Choose a status."),
  reason: reasonSchema,
  effectiveOn: optionalCalendarDateSchema("Enter the effective date as a date."),
});

export { calendarDateSchema };

/** A URL-safe short name from an organisation's name. */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}
