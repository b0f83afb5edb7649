import { z } from "zod";
import { COMMENT_STATUSES } from "@/lib/consultations/vocabulary";

export const MAX_COMMENT = 10_000;

/** A moment typed in a form: either an ISO instant with offset, or a local "YYYY-MM-DDTHH:mm" in the organisation's timezone. */
const moment = z.union([z.date(), z.string().trim()], "Enter a date and time.");

export const openConsultationSchema = z.object({
  policyId: z.uuid("Unknown policy."),
  versionId: z.uuid("Choose a final version."),
  opensAt: moment,
  closesAt: moment,
  pillarIds: z
    .array(z.string().regex(/^[a-z][a-z_]{1,39}$/, "Choose pillars from the list."))
    .min(1, "Invite at least one pillar.")
    .max(20),
});

export const consultationIdSchema = z.object({ consultationId: z.uuid("Unknown consultation.") });

export const closeConsultationSchema = z.object({
  consultationId: z.uuid("Unknown consultation."),
  reason: z
    .string("Give the reason for closing the consultation early.")
    .trim()
    .min(10, "Give the reason for closing the consultation early (at least 10 characters).")
    .max(2000, "Keep the reason under 2,000 characters."),
});

export const createCommentSchema = z.object({
  consultationId: z.uuid("Unknown consultation."),
  paragraphKey: z.string().regex(/^[a-z0-9-]{1,40}$/, "Choose a paragraph."),
  quote: z
    .string()
    .trim()
    .max(500, "Keep the quote under 500 characters.")
    .optional()
    .transform((q) => (q ? q : null)),
  body: z
    .string("Write your comment.")
    .max(MAX_COMMENT, `Keep the comment under ${MAX_COMMENT.toLocaleString("en")} characters.`)
    .refine((b) => b.trim().length > 0, "Write your comment."),
  parentId: z
    .union([z.uuid("Unknown comment."), z.literal(""), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
});

export const ANSWER_STATUSES = COMMENT_STATUSES.filter((s) => s !== "open") as Exclude<(typeof COMMENT_STATUSES)[number], "open">[];

export const answerCommentSchema = z
  .object({
    commentId: z.uuid("Unknown comment."),
    status: z.enum(ANSWER_STATUSES as [string, ...string[]], "Choose an answer."),
    response: z
      .string()
      .trim()
      .max(MAX_COMMENT, `Keep the answer under ${MAX_COMMENT.toLocaleString("en")} characters.`)
      .optional()
      .default(""),
  })
  .superRefine((value, ctx) => {
    if (value.status === "not_accepted" && !value.response) {
      ctx.addIssue({ code: "custom", path: ["response"], message: "Give the reason why the comment is not accepted." });
    }
    if (value.status === "noted" && !value.response) {
      ctx.addIssue({ code: "custom", path: ["response"], message: "Say what was noted and what follows from it." });
    }
  });

export const registerFilterSchema = z.object({
  pillar: z
    .string()
    .regex(/^[a-z][a-z_]{1,39}$/)
    .optional()
    .catch(undefined),
  status: z.enum(COMMENT_STATUSES).optional().catch(undefined),
});
