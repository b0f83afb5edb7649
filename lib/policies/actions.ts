"use server";

import { formAction } from "@/lib/actions/form-action";
import { changePolicyStatus, createPolicy, createVersion, editDraft, finalizeVersion } from "./commands";

export const createPolicyAction = formAction(
  ({ db, actor, input }) => createPolicy(db, actor, { ...input.pick("title", "category", "bodyMd"), slug: input.text("slug") ?? "" }),
  ({ slug }) => ({ refresh: ["/policies"], redirectTo: `/policies/${slug}` }),
);

export const editDraftAction = formAction(
  ({ db, actor, input }) =>
    editDraft(db, actor, { ...input.pick("policyId", "title", "category", "bodyMd"), changeSummary: input.text("changeSummary") ?? "" }),
  ({ versionNumber }, input) => ({ message: `Draft of version ${versionNumber} saved.`, refresh: [`/policies/${input.segment("slug")}`] }),
);

export const createVersionAction = formAction(
  ({ db, actor, input }) => createVersion(db, actor, input.pick("policyId")),
  (_result, input) => ({ refresh: [`/policies/${input.segment("slug")}`], redirectTo: `/policies/${input.segment("slug")}/edit` }),
);

export const finalizeVersionAction = formAction(
  ({ db, actor, input }) => finalizeVersion(db, actor, input.pick("policyId")),
  (result, input) => {
    const moved = result.carried + result.outdated ? ` ${result.carried} open comment(s) carried forward, ${result.outdated} marked outdated.` : "";
    return { message: `Version ${result.number} is final.${moved}`, refresh: [`/policies/${input.segment("slug")}`] };
  },
);

export const changePolicyStatusAction = formAction(
  ({ db, actor, input }) => changePolicyStatus(db, actor, { ...input.pick("policyId", "status"), reason: input.text("reason") ?? "" }),
  ({ status, notified }, input) => ({
    message:
      status === "withdrawn" ? `The policy is withdrawn; ${notified} ${notified === 1 ? "person was" : "people were"} told.` : "Status changed.",
    refresh: [`/policies/${input.segment("slug")}`, "/policies", "/votes"],
  }),
);
