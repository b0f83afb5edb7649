"use server";

import { formAction, type FormInput } from "@/lib/actions/form-action";
import { answerComment, closeConsultation, createComment, openConsultation } from "./commands";

const consultationPath = (input: FormInput) => `/policies/${input.segment("slug")}/consultations/${input.segment("consultationId")}`;

export const openConsultationAction = formAction(
  ({ db, actor, input }) =>
    openConsultation(db, actor, {
      ...input.pick("policyId", "versionId"),
      opensAt: input.text("opensAt") ?? "",
      closesAt: input.text("closesAt") ?? "",
      pillarIds: input.list("pillarIds"),
    }),
  ({ id }, input) => ({ refresh: [`/policies/${input.segment("slug")}`], redirectTo: `/policies/${input.segment("slug")}/consultations/${id}` }),
);

export const closeConsultationAction = formAction(
  ({ db, actor, input }) => closeConsultation(db, actor, input.pick("consultationId", "reason")),
  ({ notified }, input) => ({
    message: `The consultation is closed; ${notified} ${notified === 1 ? "person was" : "people were"} told.`,
    refresh: [consultationPath(input), `/policies/${input.segment("slug")}`],
  }),
);

export const createCommentAction = formAction(
  ({ db, actor, input }) =>
    createComment(db, actor, {
      ...input.pick("consultationId", "paragraphKey", "body"),
      quote: input.text("quote") ?? "",
      parentId: input.text("parentId") ?? "",
    }),
  (_result, input) => ({ message: input.text("parentId") ? "Reply posted." : "Comment posted.", refresh: [consultationPath(input)] }),
);

export const answerCommentAction = formAction(
  ({ db, actor, input }) => answerComment(db, actor, { ...input.pick("commentId", "status"), response: input.text("response") ?? "" }),
  (_result, input) => ({ message: "Answer saved.", refresh: [`${consultationPath(input)}/register`] }),
);
