import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { boardSeats } from "./board";
import { pillars, users } from "./people";
import { policies, policyVersions } from "./policies";
import type { BallotChoice, DecisionRuleConfig, MotionStatus } from "../../lib/votes/vocabulary";

export const decisionRules = pgTable(
  "decision_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    config: jsonb("config").notNull().$type<DecisionRuleConfig>(),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("decision_rules_name_unique").on(t.name),
    uniqueIndex("decision_rules_one_default")
      .on(t.isDefault)
      .where(sql`${t.isDefault}`),
  ],
);

export const motions = pgTable(
  "motions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull().$type<"adopt_policy_version" | "resolution">(),
    title: text("title").notNull(),
    resolutionText: text("resolution_text"),
    policyId: uuid("policy_id").references(() => policies.id),
    versionId: uuid("version_id"),
    status: text("status").notNull().default("draft").$type<MotionStatus>(),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => decisionRules.id),
    // Copied from the rule when the motion opens; the tally only ever reads this copy.
    ruleSnapshot: jsonb("rule_snapshot").$type<DecisionRuleConfig>(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    openedById: uuid("opened_by_id").references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnReason: text("withdrawn_reason"),
    withdrawnById: uuid("withdrawn_by_id").references(() => users.id),
  },
  (t) => [
    foreignKey({
      name: "motions_version_of_policy_fk",
      columns: [t.versionId, t.policyId],
      foreignColumns: [policyVersions.id, policyVersions.policyId],
    }),
    check("motions_kind_valid", sql`${t.kind} IN ('adopt_policy_version','resolution')`),
    check("motions_status_valid", sql`${t.status} IN ('draft','open','closed','withdrawn')`),
    check(
      "motions_kind_fields",
      sql`(${t.kind} = 'resolution' AND ${t.resolutionText} IS NOT NULL AND ${t.versionId} IS NULL)
        OR (${t.kind} = 'adopt_policy_version' AND ${t.versionId} IS NOT NULL AND ${t.policyId} IS NOT NULL)`,
    ),
    check("motions_opened_fields", sql`${t.status} IN ('draft','withdrawn') OR (${t.openedAt} IS NOT NULL AND ${t.ruleSnapshot} IS NOT NULL)`),
    check("motions_closed_fields", sql`${t.status} <> 'closed' OR ${t.closedAt} IS NOT NULL`),
    check("motions_withdrawn_reason_not_blank", sql`${t.withdrawnReason} IS NULL OR length(trim(${t.withdrawnReason})) > 0`),
    index("motions_status_idx").on(t.status, t.closesAt),
    index("motions_policy_idx").on(t.policyId),
  ],
);

/**
 * The roll, by seat: snapshotted from the seats when the motion opens. When a seat changes holder
 * while the motion is open, the old holder's row ends (`ended_at`) and the new holder's row is added
 * for the same seat; a seat whose old holder had voted keeps that ballot.
 */
export const motionRoll = pgTable(
  "motion_roll",
  {
    motionId: uuid("motion_id")
      .notNull()
      .references(() => motions.id),
    directorId: uuid("director_id")
      .notNull()
      .references(() => users.id),
    pillarId: text("pillar_id")
      .notNull()
      .references(() => pillars.id),
    seatId: uuid("seat_id")
      .notNull()
      .references(() => boardSeats.id),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.motionId, t.directorId] }),
    index("motion_roll_director_idx").on(t.directorId),
    // One serving holder per seat on a motion's roll.
    uniqueIndex("motion_roll_one_holder_per_seat")
      .on(t.motionId, t.seatId)
      .where(sql`${t.endedAt} IS NULL`),
  ],
);

/** The current ballot of each director; the primary key allows exactly one per (motion, director). */
export const ballots = pgTable(
  "ballots",
  {
    motionId: uuid("motion_id").notNull(),
    directorId: uuid("director_id").notNull(),
    choice: text("choice").notNull().$type<BallotChoice>(),
    castAt: timestamp("cast_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "ballots_one_current_per_director", columns: [t.motionId, t.directorId] }),
    foreignKey({
      name: "ballots_on_roll_fk",
      columns: [t.motionId, t.directorId],
      foreignColumns: [motionRoll.motionId, motionRoll.directorId],
    }),
    check("ballots_choice_valid", sql`${t.choice} IN ('yes','no','abstain')`),
  ],
);

/** Every ballot cast or changed, in order. */
export const ballotHistory = pgTable(
  "ballot_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    motionId: uuid("motion_id").notNull(),
    directorId: uuid("director_id").notNull(),
    choice: text("choice").notNull().$type<BallotChoice>(),
    castAt: timestamp("cast_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "ballot_history_on_roll_fk",
      columns: [t.motionId, t.directorId],
      foreignColumns: [motionRoll.motionId, motionRoll.directorId],
    }),
    check("ballot_history_choice_valid", sql`${t.choice} IN ('yes','no','abstain')`),
    index("ballot_history_motion_idx").on(t.motionId, t.castAt),
  ],
);

/**
 * A declared conflict of interest: the director is off the roll for this motion, and a ballot already
 * cast is set aside (kept, not counted). `withdrawn_at` records its withdrawal before the close.
 */
export const recusals = pgTable(
  "recusals",
  {
    motionId: uuid("motion_id").notNull(),
    directorId: uuid("director_id").notNull(),
    reason: text("reason").notNull(),
    declaredAt: timestamp("declared_at", { withTimezone: true }).notNull().defaultNow(),
    afterVoting: boolean("after_voting").notNull().default(false),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.motionId, t.directorId] }),
    foreignKey({
      name: "recusals_on_roll_fk",
      columns: [t.motionId, t.directorId],
      foreignColumns: [motionRoll.motionId, motionRoll.directorId],
    }),
    check("recusals_reason_not_blank", sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * A proposed amendment to a draft motion: a new version of its title and text. The Chair chooses
 * which version is put to the vote (`chosen_at`); the motion then carries the chosen text.
 */
export const motionAmendments = pgTable(
  "motion_amendments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    motionId: uuid("motion_id")
      .notNull()
      .references(() => motions.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    resolutionText: text("resolution_text"),
    rationale: text("rationale").notNull(),
    proposedById: uuid("proposed_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    chosenAt: timestamp("chosen_at", { withTimezone: true }),
  },
  (t) => [
    unique("motion_amendments_motion_number_unique").on(t.motionId, t.number),
    check("motion_amendments_number_positive", sql`${t.number} > 0`),
    check("motion_amendments_rationale_not_blank", sql`length(trim(${t.rationale})) > 0`),
  ],
);

/** The result of a closed motion. The primary key makes finalising happen exactly once. */
export const motionResults = pgTable("motion_results", {
  motionId: uuid("motion_id")
    .primaryKey()
    .references(() => motions.id),
  passed: boolean("passed").notNull(),
  reasons: jsonb("reasons").notNull().$type<string[]>(),
  tally: jsonb("tally").notNull(),
  closedEarly: boolean("closed_early").notNull().default(false),
  decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
});
