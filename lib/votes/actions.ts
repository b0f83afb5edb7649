"use server";

import { formAction, type FormInput } from "@/lib/actions/form-action";
import { castBallot, closeMotionEarly, declareRecusal, draftMotion, openMotion } from "./commands";
import { chooseAmendment, deleteMotion, editMotion, proposeAmendment, withdrawMotion, withdrawRecusal } from "./motion-commands";
import { saveRule, setDefaultRule } from "./rule-commands";

/** A motion's own page and the list, after a change to it. */
const motionPages = (input: FormInput) => [`/votes/${input.segment("motionId")}`, "/votes"];

export const draftMotionAction = formAction(
  ({ db, actor, input }) =>
    draftMotion(db, actor, {
      ...input.pick("kind", "title", "closesAt"),
      versionId: input.text("versionId") || null,
      resolutionText: input.text("resolutionText") || null,
      ruleId: input.text("ruleId") || null,
    }),
  ({ id }) => ({ refresh: ["/votes"], redirectTo: `/votes/${id}` }),
);

export const openMotionAction = formAction(
  ({ db, actor, input }) => openMotion(db, actor, input.pick("motionId")),
  (_result, input) => ({ message: "The motion is open for ballots.", refresh: motionPages(input) }),
);

export const castBallotAction = formAction(
  ({ db, actor, input }) => castBallot(db, actor, input.pick("motionId", "choice")),
  (_result, input) => ({ message: `Your ballot is recorded: ${input.text("choice")}.`, refresh: motionPages(input) }),
);

export const declareRecusalAction = formAction(
  ({ db, actor, input }) => declareRecusal(db, actor, input.pick("motionId", "reason")),
  (_result, input) => ({
    message: "Your conflict of interest is recorded; you are off the roll for this motion, and a ballot you cast is set aside.",
    refresh: motionPages(input),
  }),
);

export const closeMotionEarlyAction = formAction(
  ({ db, actor, input }) => closeMotionEarly(db, actor, input.pick("motionId")),
  (_result, input) => ({ message: "The motion is closed.", refresh: motionPages(input) }),
);

export const editMotionAction = formAction(
  ({ db, actor, input }) =>
    editMotion(db, actor, { ...input.pick("motionId", "title", "closesAt"), resolutionText: input.text("resolutionText") || null }),
  (_result, input) => ({ message: "The draft is saved.", refresh: motionPages(input) }),
);

export const deleteMotionAction = formAction(
  ({ db, actor, input }) => deleteMotion(db, actor, input.pick("motionId")),
  () => ({ refresh: ["/votes"], redirectTo: "/votes" }),
);

export const withdrawMotionAction = formAction(
  ({ db, actor, input }) => withdrawMotion(db, actor, input.pick("motionId", "reason")),
  ({ notified }, input) => ({
    message: `The motion is withdrawn with no result; ${notified} ${notified === 1 ? "director was" : "directors were"} told.`,
    refresh: motionPages(input),
  }),
);

export const proposeAmendmentAction = formAction(
  ({ db, actor, input }) =>
    proposeAmendment(db, actor, { ...input.pick("motionId", "title", "rationale"), resolutionText: input.text("resolutionText") || null }),
  ({ number }, input) => ({
    message: `Amendment ${number} is proposed; the Chair chooses the version put to the vote.`,
    refresh: motionPages(input),
  }),
);

export const chooseAmendmentAction = formAction(
  ({ db, actor, input }) => chooseAmendment(db, actor, input.pick("motionId", "amendmentId")),
  ({ title }, input) => ({ message: `The version put to the vote is now: ${title}.`, refresh: motionPages(input) }),
);

export const withdrawRecusalAction = formAction(
  ({ db, actor, input }) => withdrawRecusal(db, actor, input.pick("motionId")),
  (_result, input) => ({ message: "Your conflict of interest is withdrawn; you are back on the roll.", refresh: motionPages(input) }),
);

const RULE_NUMBERS = ["quorumMinTotal", "quorumMinPerPillar", "passMinYesTotal", "passMinYesPerPillar", "passMinYesShare"] as const;

export const saveRuleAction = formAction(
  ({ db, actor, input }) =>
    saveRule(db, actor, {
      ruleId: input.text("ruleId") || null,
      name: input.text("name"),
      description: input.text("description") ?? "",
      ...Object.fromEntries(RULE_NUMBERS.map((name) => [name, input.text(name) || undefined])),
    }),
  () => ({ message: "Rule saved.", refresh: ["/admin/rules"] }),
);

export const setDefaultRuleAction = formAction(
  ({ db, actor, input }) => setDefaultRule(db, actor, input.pick("ruleId")),
  () => ({ message: "Default rule changed.", refresh: ["/admin/rules"] }),
);
