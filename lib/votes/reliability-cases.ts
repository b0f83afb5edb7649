import { and, eq, ne } from "drizzle-orm";
import type { DB } from "@/db/client";
import { decisionRules, motionRoll, motions, recusals, users } from "@/db/schema";
import { defineHttpCases } from "@/lib/testing/http-cases";
import { insertDraftResolution, openFreshResolution } from "./fixtures";

/** How the reliability suite (reliability/) reaches motions, ballots, recusals, rules and the roll-call export over HTTP. */
let sequence = 0;
const ACTIONS = "lib/votes/actions.ts";
const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();

/**
 * An open resolution whose outcome is decided: every director on its roll but the Chair is recused,
 * so no quorum of two or more can be met. (Recusing one pillar's directors is not enough here: the
 * suite's seat and rule entries may add seats or change the default rule before this one runs.)
 */
async function decidedResolution(db: DB): Promise<string> {
  const motionId = await openFreshResolution(db);
  const others = await db
    .select({ id: motionRoll.directorId })
    .from(motionRoll)
    .innerJoin(users, eq(users.id, motionRoll.directorId))
    .where(and(eq(motionRoll.motionId, motionId), ne(users.email, "gov1@example.org")));
  await db.insert(recusals).values(others.map((d) => ({ motionId, directorId: d.id, reason: "Declared for the reliability suite." })));
  return motionId;
}

export const httpCases = defineHttpCases([
  {
    name: "open motion page",
    permission: "motion.readInternal",
    target: { kind: "page", path: "/votes" },
    // An open motion is internal until it closes: 404 for a visitor, 403 for a signed-in role without the permission.
    prepare: async (db) => {
      const motionId = await openFreshResolution(db);
      const [motion] = await db.select({ title: motions.title }).from(motions).where(eq(motions.id, motionId));
      return { path: `/votes/${motionId}`, shows: motion!.title };
    },
    writes: [],
  },
  {
    name: "roll call on a closed motion's page",
    permission: "rollcall.read",
    target: { kind: "page", path: "/votes" },
    // Everyone sees a closed motion and its totals; only the permission shows who voted how.
    prepare: async (db) => {
      const [closed] = await db.select({ id: motions.id }).from(motions).where(eq(motions.status, "closed")).limit(1);
      return { path: `/votes/${closed!.id}`, shows: "Roll call: each director on the roll and their ballot" };
    },
    writes: [],
  },
  {
    name: "decision rules page",
    permission: "rule.manage",
    target: { kind: "page", path: "/admin/rules" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "draft motion",
    permission: "motion.draft",
    target: { kind: "action", file: ACTIONS, exportName: "draftMotionAction" },
    prepare: async () => ({
      fields: {
        kind: "resolution",
        title: `Resolution over HTTP ${process.pid}.${++sequence}`,
        resolutionText: "The Board thanks the Secretariat.",
        closesAt: inAWeek(),
      },
    }),
    writes: ["motions", "audit_log"],
    addsOneRowTo: ["motions", "audit_log"],
  },
  {
    name: "open motion",
    permission: "motion.open",
    target: { kind: "action", file: ACTIONS, exportName: "openMotionAction" },
    prepare: async (db) => ({ fields: { motionId: await insertDraftResolution(db) } }),
    // A motion adopting a policy version also freezes the version and moves its policy to voting.
    writes: ["motions", "motion_roll", "audit_log", "notifications", "policies", "policy_versions"],
  },
  {
    name: "close motion early",
    permission: "motion.closeEarly",
    target: { kind: "action", file: ACTIONS, exportName: "closeMotionEarlyAction" },
    prepare: async (db) => ({ fields: { motionId: await decidedResolution(db) } }),
    writes: ["motions", "motion_results", "audit_log", "notifications", "policies"],
    addsOneRowTo: ["motion_results"],
  },
  {
    name: "cast ballot",
    permission: "ballot.cast",
    target: { kind: "action", file: ACTIONS, exportName: "castBallotAction" },
    prepare: async (db) => ({ fields: { motionId: await openFreshResolution(db), choice: "yes" } }),
    writes: ["ballots", "ballot_history", "audit_log"],
    addsOneRowTo: ["ballots", "ballot_history", "audit_log"],
  },
  {
    name: "declare recusal",
    permission: "recusal.declare",
    target: { kind: "action", file: ACTIONS, exportName: "declareRecusalAction" },
    prepare: async (db) => ({ fields: { motionId: await openFreshResolution(db), reason: "My organisation is a party to the matter." } }),
    writes: ["recusals", "audit_log"],
    addsOneRowTo: ["recusals", "audit_log"],
  },
  {
    name: "save decision rule",
    permission: "rule.manage",
    target: { kind: "action", file: ACTIONS, exportName: "saveRuleAction" },
    prepare: async () => ({
      fields: {
        name: `Two-thirds ${process.pid}.${++sequence}`,
        description: "Two thirds of the ballots cast.",
        quorumMinTotal: "7",
        quorumMinPerPillar: "1",
        passMinYesTotal: "0",
        passMinYesPerPillar: "0",
        passMinYesShare: "0.66",
      },
    }),
    writes: ["decision_rules", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "set default decision rule",
    permission: "rule.manage",
    // A rule that is not the default yet, so that the call changes it.
    prepare: async (db) => {
      const [rule] = await db.select({ id: decisionRules.id }).from(decisionRules).where(eq(decisionRules.isDefault, false)).limit(1);
      return { fields: { ruleId: rule!.id } };
    },
    target: { kind: "action", file: ACTIONS, exportName: "setDefaultRuleAction" },
    writes: ["decision_rules", "audit_log"],
  },
  {
    name: "roll-call export",
    permission: "rollcall.export",
    target: { kind: "route", method: "GET", path: "/api/votes/00000000-0000-4000-8000-000000000000/roll-call" },
    prepare: async (db) => {
      const [closed] = await db.select({ id: motions.id }).from(motions).where(eq(motions.status, "closed")).limit(1);
      return { path: `/api/votes/${closed!.id}/roll-call` };
    },
    writes: [],
  },
  {
    name: "edit draft motion",
    permission: "motion.draft",
    target: { kind: "action", file: ACTIONS, exportName: "editMotionAction" },
    prepare: async (db) => ({
      fields: {
        motionId: await insertDraftResolution(db),
        title: "Meeting in Geneva in spring",
        resolutionText: "The Board resolves to hold its next ordinary meeting in Geneva in March.",
        closesAt: inAWeek(),
      },
    }),
    writes: ["motions", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "delete draft motion",
    permission: "motion.draft",
    target: { kind: "action", file: ACTIONS, exportName: "deleteMotionAction" },
    prepare: async (db) => ({ fields: { motionId: await insertDraftResolution(db) } }),
    writes: ["motions", "motion_amendments", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "propose amendment",
    permission: "motion.amend",
    target: { kind: "action", file: ACTIONS, exportName: "proposeAmendmentAction" },
    prepare: async (db) => ({
      fields: {
        motionId: await insertDraftResolution(db),
        title: "Meeting in Nairobi",
        resolutionText: "The Board resolves to hold its next ordinary meeting in Nairobi.",
        rationale: "Half the Board is based in Africa.",
      },
    }),
    writes: ["motion_amendments", "audit_log"],
    addsOneRowTo: ["motion_amendments", "audit_log"],
  },
  {
    name: "choose the version put to the vote",
    permission: "motion.open",
    target: { kind: "action", file: ACTIONS, exportName: "chooseAmendmentAction" },
    prepare: async (db) => ({ fields: { motionId: await insertDraftResolution(db), amendmentId: "original" } }),
    writes: ["motions", "motion_amendments", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "withdraw open motion",
    permission: "motion.withdraw",
    target: { kind: "action", file: ACTIONS, exportName: "withdrawMotionAction" },
    prepare: async (db) => ({ fields: { motionId: await openFreshResolution(db), reason: "The venue is no longer available." } }),
    writes: ["motions", "policies", "audit_log", "notifications"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "withdraw a conflict of interest",
    permission: "recusal.declare",
    target: { kind: "action", file: ACTIONS, exportName: "withdrawRecusalAction" },
    // Every director on the roll has declared one, so whichever director calls has one to withdraw.
    prepare: async (db) => {
      const motionId = await openFreshResolution(db);
      const roll = await db.select({ id: motionRoll.directorId }).from(motionRoll).where(eq(motionRoll.motionId, motionId));
      await db.insert(recusals).values(roll.map((d) => ({ motionId, directorId: d.id, reason: "Declared for the reliability suite." })));
      return { fields: { motionId } };
    },
    writes: ["recusals", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
]);
