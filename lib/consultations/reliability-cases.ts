import { insertComment, insertConsultation, insertPolicy } from "@/lib/policies/test-fixtures";
import { defineHttpCases } from "@/lib/testing/http-cases";

/** How the reliability suite (reliability/) reaches the consultation, comment and register endpoints over HTTP. */
const DAY = 24 * 60 * 60 * 1000;
const file = "lib/consultations/actions.ts";

export const httpCases = defineHttpCases([
  {
    name: "open consultation",
    permission: "consultation.open",
    target: { kind: "action", file, exportName: "openConsultationAction" },
    prepare: async (db) => {
      const p = await insertPolicy(db);
      return {
        fields: {
          policyId: p.policyId,
          versionId: p.versionId,
          slug: p.slug,
          opensAt: new Date(Date.now() - 1000).toISOString(),
          closesAt: new Date(Date.now() + 14 * DAY).toISOString(),
          pillarIds: ["government", "industry"],
        },
      };
    },
    writes: ["consultations", "consultation_pillars", "policies", "notifications", "audit_log"],
    addsOneRowTo: ["consultations", "audit_log"],
  },
  {
    name: "close consultation",
    permission: "consultation.close",
    target: { kind: "action", file, exportName: "closeConsultationAction" },
    prepare: async (db) => {
      const c = await insertConsultation(db);
      return { fields: { consultationId: c.consultationId, slug: c.slug, reason: "The text needs a new version first." } };
    },
    writes: ["consultations", "notifications", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
  {
    // Every pillar is invited, so a representative reads it like everyone allowed.
    name: "export consultation register",
    permission: "consultation.read",
    target: { kind: "route", method: "GET", path: "/api/consultations/{id}/register" },
    prepare: async (db) => {
      const c = await insertConsultation(db);
      return { path: `/api/consultations/${c.consultationId}/register`, query: { status: "open" } };
    },
    writes: [],
  },
  {
    name: "create comment",
    permission: "comment.create",
    target: { kind: "action", file, exportName: "createCommentAction" },
    prepare: async (db) => {
      const c = await insertConsultation(db);
      return {
        fields: {
          consultationId: c.consultationId,
          slug: c.slug,
          paragraphKey: c.keys[1]!,
          quote: "",
          body: "Please define incidents.",
          parentId: "",
        },
      };
    },
    writes: ["comments", "audit_log"],
    addsOneRowTo: ["comments", "audit_log"],
  },
  {
    name: "answer comment",
    permission: "comment.answer",
    target: { kind: "action", file, exportName: "answerCommentAction" },
    prepare: async (db) => {
      const c = await insertConsultation(db);
      const commentId = await insertComment(db, { consultationId: c.consultationId, versionId: c.versionId, key: c.keys[0]! });
      return { fields: { commentId, consultationId: c.consultationId, slug: c.slug, status: "noted", response: "Thank you." } };
    },
    writes: ["comments", "notifications", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
]);
