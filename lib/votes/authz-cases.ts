import { and, eq, inArray } from "drizzle-orm";
import { motionRoll, motions, recusals, users } from "@/db/schema";
import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { castBallot, closeMotionEarly, declareRecusal, draftMotion, openMotion } from "./commands";
import { insertDraftResolution, openFreshResolution } from "./fixtures";
import { proposeAmendment, withdrawMotion } from "./motion-commands";
import { finaliseIfDueAndExportRollCall, finaliseIfDueAndGetLiveTally, finaliseIfDueAndGetRollCall } from "./queries";
import { saveRule } from "./rule-commands";

let sequence = 0;
const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();

async function seededMotion(db: Parameters<typeof insertDraftResolution>[0], status: "open" | "closed") {
  const [row] = await db.select({ id: motions.id }).from(motions).where(eq(motions.status, status)).limit(1);
  return { motionId: row!.id };
}

export const cases = defineAuthzCases({
  "motion.readInternal": authzCase({
    prepare: (db) => seededMotion(db, "open"),
    run: (db, actor, p) => finaliseIfDueAndGetLiveTally(db, actor, p.motionId),
  }),
  "motion.draft": authzCase({
    run: (db, actor) =>
      draftMotion(db, actor, {
        kind: "resolution",
        title: `Resolution ${++sequence}`,
        resolutionText: "The Board thanks the Secretariat.",
        closesAt: inAWeek(),
      }),
  }),
  "motion.open": authzCase({
    prepare: async (db) => ({ motionId: await insertDraftResolution(db) }),
    run: (db, actor, p) => openMotion(db, actor, p),
  }),
  "motion.amend": authzCase({
    prepare: async (db) => ({ motionId: await insertDraftResolution(db) }),
    run: (db, actor, p) =>
      proposeAmendment(db, actor, {
        ...p,
        title: "Meeting in Nairobi",
        resolutionText: "The Board resolves to hold its next ordinary meeting in Nairobi.",
        rationale: "Half the Board is based in Africa.",
      }),
  }),
  "motion.withdraw": authzCase({
    prepare: async (db) => ({ motionId: await openFreshResolution(db) }),
    run: (db, actor, p) => withdrawMotion(db, actor, { ...p, reason: "The venue is no longer available." }),
  }),
  "motion.closeEarly": authzCase({
    // Three of four industry directors recused: the pillar minimums can no longer be met, so the outcome is decided.
    prepare: async (db) => {
      const motionId = await openFreshResolution(db);
      const industry = await db
        .select({ id: motionRoll.directorId })
        .from(motionRoll)
        .innerJoin(users, eq(users.id, motionRoll.directorId))
        .where(and(eq(motionRoll.motionId, motionId), inArray(users.email, ["psc1@example.org", "psc2@example.org", "psc3@example.org"])));
      await db.insert(recusals).values(industry.map((d) => ({ motionId, directorId: d.id, reason: "Declared for the authorization walk." })));
      return { motionId };
    },
    run: (db, actor, p) => closeMotionEarly(db, actor, p),
  }),
  "ballot.cast": authzCase({
    prepare: async (db) => ({ motionId: await openFreshResolution(db) }),
    run: (db, actor, p) => castBallot(db, actor, { ...p, choice: "yes" }),
  }),
  "recusal.declare": authzCase({
    prepare: async (db) => ({ motionId: await openFreshResolution(db) }),
    run: (db, actor, p) => declareRecusal(db, actor, { ...p, reason: "My organisation is a party to the matter." }),
  }),
  "rollcall.read": authzCase({
    prepare: (db) => seededMotion(db, "open"),
    run: (db, actor, p) => finaliseIfDueAndGetRollCall(db, actor, p.motionId),
  }),
  "rollcall.export": authzCase({
    prepare: (db) => seededMotion(db, "closed"),
    run: (db, actor, p) => finaliseIfDueAndExportRollCall(db, actor, p.motionId),
  }),
  "rule.manage": authzCase({
    run: (db, actor) =>
      saveRule(db, actor, {
        name: `Two-thirds ${++sequence}`,
        quorumMinTotal: 7,
        quorumMinPerPillar: 1,
        passMinYesTotal: 0,
        passMinYesPerPillar: 0,
        passMinYesShare: 0.66,
      }),
  }),
});
