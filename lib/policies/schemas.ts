import { z } from "zod";
import { POLICY_CATEGORIES, POLICY_STATUSES } from "@/lib/policies/vocabulary";

export const MAX_POLICY_TEXT = 100_000;

const title = z.string().trim().min(3, "Give the policy a title of at least 3 characters.").max(200, "Keep the title under 200 characters.");
const category = z.enum(POLICY_CATEGORIES, "Choose a category.");
// A browser sends a textarea's line ends as CRLF; the limit counts them as the one character typed.
const bodyMd = z
  .string("Write the policy text.")
  .transform((text) => text.replace(/\r\n?/g, "\n"))
  .pipe(
    z
      .string()
      .max(MAX_POLICY_TEXT, `Keep the text under ${MAX_POLICY_TEXT.toLocaleString("en")} characters.`)
      .refine((text) => text.trim().length > 0, "Write the policy text."),
  );
const optionalSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, "Keep the address under 80 characters.")
  .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, "Use lowercase letters, digits and single hyphens.")
  .optional()
  .default("");
const changeSummary = z.string().trim().max(2000, "Keep the summary of changes under 2,000 characters.").optional().default("");

export const createPolicySchema = z.object({ title, slug: optionalSlug, category, bodyMd });
export const editDraftSchema = z.object({
  policyId: z.uuid("Unknown policy."),
  title,
  category,
  bodyMd,
  changeSummary,
});
export const changeStatusSchema = z
  .object({
    policyId: z.uuid("Unknown policy."),
    status: z.enum(POLICY_STATUSES, "Choose a status."),
    /** Why: required to withdraw; for board review, why comments of the last round go unanswered. */
    reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.status === "withdrawn" && value.reason.length < 10) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Give the reason for withdrawing the policy (at least 10 characters)." });
    }
  });
export const policyIdSchema = z.object({ policyId: z.uuid("Unknown policy.") });

export const policyFilterSchema = z.object({
  status: z.enum(POLICY_STATUSES).optional().catch(undefined),
  category: z.enum(POLICY_CATEGORIES).optional().catch(undefined),
});

/** A slug from a title: lowercase words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}
