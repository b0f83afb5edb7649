import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { insertComment, insertConsultation, insertPolicy } from "@/lib/policies/test-fixtures";
import { answerComment, closeConsultation, createComment, openConsultation } from "./commands";
import { getConsultation, listRegister } from "./queries";

const DAY = 24 * 60 * 60 * 1000;

export const cases = defineAuthzCases({
  "consultation.open": authzCase({
    prepare: async (db) => insertPolicy(db),
    run: (db, actor, p) =>
      openConsultation(db, actor, {
        policyId: p.policyId,
        versionId: p.versionId,
        opensAt: new Date(Date.now() - 1000).toISOString(),
        closesAt: new Date(Date.now() + 14 * DAY).toISOString(),
        pillarIds: ["government", "industry"],
      }),
  }),
  "consultation.close": authzCase({
    prepare: async (db) => insertConsultation(db),
    run: (db, actor, p) => closeConsultation(db, actor, { consultationId: p.consultationId, reason: "The text needs a new version first." }),
  }),
  "consultation.read": authzCase({
    // Every pillar is invited, so a representative reads it like everyone allowed.
    prepare: async (db) => insertConsultation(db),
    run: async (db, actor, p) => {
      await getConsultation(db, actor, { consultationId: p.consultationId });
      return listRegister(db, actor, { consultationId: p.consultationId });
    },
  }),
  "comment.create": authzCase({
    prepare: async (db) => insertConsultation(db),
    run: (db, actor, p) => createComment(db, actor, { consultationId: p.consultationId, paragraphKey: p.keys[1], body: "Please define incidents." }),
  }),
  "comment.answer": authzCase({
    prepare: async (db) => {
      const c = await insertConsultation(db);
      return { commentId: await insertComment(db, { consultationId: c.consultationId, versionId: c.versionId, key: c.keys[0]! }) };
    },
    run: (db, actor, p) => answerComment(db, actor, { commentId: p.commentId, status: "noted", response: "Thank you." }),
  }),
});
