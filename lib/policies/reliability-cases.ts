import { defineHttpCases } from "@/lib/testing/http-cases";
import { insertPolicy, SAMPLE_TEXT } from "./test-fixtures";

/** How the reliability suite (reliability/) reaches the policy and version actions over HTTP. */
let sequence = 0;
const file = "lib/policies/actions.ts";

export const httpCases = defineHttpCases([
  {
    name: "new policy page",
    permission: "policy.create",
    target: { kind: "page", path: "/policies/new" },
    prepare: async () => ({}),
    // The header's inbox count records the viewer's overdue-task notices (lib/notifications/due.ts).
    writes: ["notifications", "tasks"],
  },
  {
    name: "draft policy page",
    permission: "policy.readInternal",
    target: { kind: "page", path: "/policies" },
    // Others get 404: no consultation has invited anyone to the draft, so it is not theirs to know of.
    prepare: async (db) => ({ path: `/policies/${(await insertPolicy(db, { draft: true })).slug}`, shows: "Version 1 (draft)" }),
    writes: ["notifications", "tasks"],
  },
  {
    name: "create policy",
    permission: "policy.create",
    target: { kind: "action", file, exportName: "createPolicyAction" },
    prepare: async () => ({
      fields: {
        title: `Reliability policy ${process.pid} ${++sequence}`,
        slug: `reliability-policy-${process.pid}-${sequence}`,
        category: "guidance",
        bodyMd: SAMPLE_TEXT,
      },
    }),
    writes: ["policies", "policy_versions", "policy_paragraphs", "audit_log"],
    addsOneRowTo: ["policies", "policy_versions", "audit_log"],
  },
  {
    name: "edit policy draft",
    permission: "policy.editDraft",
    target: { kind: "action", file, exportName: "editDraftAction" },
    prepare: async (db) => {
      const p = await insertPolicy(db, { draft: true });
      return {
        fields: {
          policyId: p.policyId,
          slug: p.slug,
          title: "Edited title",
          category: "procedure",
          bodyMd: `${SAMPLE_TEXT}\n\nA new closing paragraph.`,
          changeSummary: "",
        },
      };
    },
    writes: ["policies", "policy_versions", "policy_paragraphs", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "change policy status",
    permission: "policy.changeStatus",
    target: { kind: "action", file, exportName: "changePolicyStatusAction" },
    prepare: async (db) => {
      const p = await insertPolicy(db, { status: "consultation" });
      return { fields: { policyId: p.policyId, slug: p.slug, status: "board_review" } };
    },
    writes: ["policies", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "create version",
    permission: "version.create",
    target: { kind: "action", file, exportName: "createVersionAction" },
    prepare: async (db) => {
      const p = await insertPolicy(db, { status: "consultation" });
      return { fields: { policyId: p.policyId, slug: p.slug } };
    },
    writes: ["policy_versions", "policy_paragraphs", "audit_log"],
    addsOneRowTo: ["policy_versions", "audit_log"],
  },
  {
    name: "finalize version",
    permission: "version.finalize",
    target: { kind: "action", file, exportName: "finalizeVersionAction" },
    prepare: async (db) => {
      const p = await insertPolicy(db, { draft: true });
      return { fields: { policyId: p.policyId, slug: p.slug } };
    },
    // Open comments on the previous final version move to the new one, or are marked outdated.
    writes: ["policy_versions", "comments", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
]);
