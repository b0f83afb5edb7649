import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { changePolicyStatus, createPolicy, createVersion, editDraft, finalizeVersion } from "./commands";
import { getPolicy } from "./queries";
import { insertPolicy, SAMPLE_TEXT } from "./test-fixtures";

let sequence = 0;

export const cases = defineAuthzCases({
  "policy.readInternal": authzCase({
    // A draft that no consultation has shared yet: internal readers only.
    prepare: async (db) => insertPolicy(db, { draft: true }),
    run: (db, actor, p) => getPolicy(db, actor, { slug: p.slug }),
  }),
  "policy.create": authzCase({
    run: (db, actor) => createPolicy(db, actor, { title: `Authorisation case policy ${++sequence}`, category: "guidance", bodyMd: SAMPLE_TEXT }),
  }),
  "policy.editDraft": authzCase({
    prepare: async (db) => insertPolicy(db, { draft: true }),
    run: (db, actor, p) =>
      editDraft(db, actor, {
        policyId: p.policyId,
        title: "Edited title",
        category: "procedure",
        bodyMd: `${SAMPLE_TEXT}\n\nA new closing paragraph.`,
      }),
  }),
  "policy.changeStatus": authzCase({
    prepare: async (db) => insertPolicy(db, { status: "consultation" }),
    run: (db, actor, p) => changePolicyStatus(db, actor, { policyId: p.policyId, status: "board_review" }),
  }),
  "version.create": authzCase({
    prepare: async (db) => insertPolicy(db, { status: "consultation" }),
    run: (db, actor, p) => createVersion(db, actor, { policyId: p.policyId }),
  }),
  "version.finalize": authzCase({
    prepare: async (db) => insertPolicy(db, { draft: true }),
    run: (db, actor, p) => finalizeVersion(db, actor, { policyId: p.policyId }),
  }),
});
