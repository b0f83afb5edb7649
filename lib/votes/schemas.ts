import { z } from "zod";
import { BALLOT_CHOICES } from "@/lib/votes/vocabulary";

const uuid = (message: string) => z.uuid(message);
const count = (label: string) =>
  z.coerce
    .number(`Enter a whole number for ${label}.`)
    .int(`Enter a whole number for ${label}.`)
    .min(0, `${label} cannot be negative.`)
    .max(1000, `${label} is too large.`);

/** `closesAt` arrives as a form's local date and time (YYYY-MM-DDTHH:mm) in the organisation's timezone, or as an ISO instant. */
export const draftMotionSchema = z
  .object({
    kind: z.enum(["adopt_policy_version", "resolution"], "Choose what the motion is about."),
    title: z.string("Enter a title.").trim().min(5, "Enter a title of at least 5 characters.").max(200, "Keep the title under 200 characters."),
    versionId: z.string().optional().nullable(),
    resolutionText: z.string().trim().max(20_000, "Keep the resolution under 20,000 characters.").optional().nullable(),
    ruleId: z.string().optional().nullable(),
    closesAt: z.string("Enter a closing time.").trim().min(1, "Enter a closing time.").max(40, "Enter a valid closing time."),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "adopt_policy_version" && !z.uuid().safeParse(value.versionId).success) {
      ctx.addIssue({ code: "custom", path: ["versionId"], message: "Choose the policy version to adopt." });
    }
    if (value.kind === "resolution" && (value.resolutionText ?? "").length < 10) {
      ctx.addIssue({ code: "custom", path: ["resolutionText"], message: "Enter the resolution text (at least 10 characters)." });
    }
    if (value.ruleId && !z.uuid().safeParse(value.ruleId).success) {
      ctx.addIssue({ code: "custom", path: ["ruleId"], message: "Choose a decision rule." });
    }
  });

export const motionIdSchema = z.object({ motionId: uuid("Unknown motion.") });

export const castBallotSchema = z.object({
  motionId: uuid("Unknown motion."),
  choice: z.enum(BALLOT_CHOICES, "Choose yes, no or abstain."),
});

export const declareRecusalSchema = z.object({
  motionId: uuid("Unknown motion."),
  reason: z
    .string("Give the reason for the conflict of interest.")
    .trim()
    .min(10, "Give the reason for the conflict of interest (at least 10 characters).")
    .max(2000, "Keep the reason under 2,000 characters."),
});

export const ruleSchema = z.object({
  ruleId: z.uuid("Unknown rule.").optional().nullable(),
  name: z.string("Enter a name.").trim().min(3, "Enter a name of at least 3 characters.").max(120, "Keep the name under 120 characters."),
  description: z.string().trim().max(1000, "Keep the description under 1,000 characters.").default(""),
  quorumMinTotal: count("The quorum in total"),
  quorumMinPerPillar: count("The quorum per pillar"),
  passMinYesTotal: count("The yes minimum in total"),
  passMinYesPerPillar: count("The yes minimum per pillar"),
  passMinYesShare: z.coerce
    .number("Enter the share as a number from 0 to 1, for example 0.5.")
    .min(0, "Enter a share from 0 up to (not including) 1.")
    .lt(1, "Enter a share from 0 up to (not including) 1."),
});

export const ruleIdSchema = z.object({ ruleId: uuid("Unknown rule.") });

const title = z.string("Enter a title.").trim().min(5, "Enter a title of at least 5 characters.").max(200, "Keep the title under 200 characters.");
const reason = (what: string) =>
  z
    .string(`Give the reason ${what}.`)
    .trim()
    .min(10, `Give the reason ${what} (at least 10 characters).`)
    .max(2000, "Keep the reason under 2,000 characters.");

export const editMotionSchema = z.object({
  motionId: uuid("Unknown motion."),
  title,
  resolutionText: z.string().trim().max(20_000, "Keep the resolution under 20,000 characters.").optional().nullable(),
  closesAt: z.string("Enter a closing time.").trim().min(1, "Enter a closing time.").max(40, "Enter a valid closing time."),
});

export const withdrawMotionSchema = z.object({ motionId: uuid("Unknown motion."), reason: reason("for withdrawing the motion") });

export const proposeAmendmentSchema = z.object({
  motionId: uuid("Unknown motion."),
  title,
  resolutionText: z.string().trim().max(20_000, "Keep the resolution under 20,000 characters.").optional().nullable(),
  rationale: reason("for the amendment"),
});

export const chooseAmendmentSchema = z.object({
  motionId: uuid("Unknown motion."),
  /** An amendment's id, or "original" for the text as drafted. */
  amendmentId: z.union([z.uuid("Choose a version."), z.literal("original")], "Choose a version."),
});
