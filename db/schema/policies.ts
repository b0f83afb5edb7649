import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { pillars, users } from "./people";
import type { CommentStatus } from "../../lib/consultations/vocabulary";
import type { PolicyCategory, PolicyStatus } from "../../lib/policies/vocabulary";

export const policies = pgTable(
  "policies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    category: text("category").notNull().$type<PolicyCategory>(),
    status: text("status").notNull().default("draft").$type<PolicyStatus>(),
    adoptedVersionId: uuid("adopted_version_id").references((): AnyPgColumn => policyVersions.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnReason: text("withdrawn_reason"),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("policies_slug_unique").on(t.slug),
    check("policies_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("policies_category_valid", sql`${t.category} IN ('procedure','guidance','membership_requirement','budget','other')`),
    check("policies_status_valid", sql`${t.status} IN ('draft','consultation','board_review','voting','adopted','rejected','withdrawn')`),
    check("policies_adopted_has_version", sql`${t.status} <> 'adopted' OR ${t.adoptedVersionId} IS NOT NULL`),
    index("policies_status_idx").on(t.status),
  ],
);

/**
 * A version's text is immutable once it leaves draft (a trigger enforces it); `frozen_at` marks the
 * version a motion was opened on.
 */
export const policyVersions = pgTable(
  "policy_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    number: integer("number").notNull(),
    state: text("state").notNull().default("draft").$type<"draft" | "final">(),
    bodyMd: text("body_md").notNull(),
    changeSummary: text("change_summary"),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    frozenAt: timestamp("frozen_at", { withTimezone: true }),
  },
  (t) => [
    unique("policy_versions_policy_number_unique").on(t.policyId, t.number),
    // Lets paragraphs, consultations and motions reference (version, policy) together.
    unique("policy_versions_id_policy_unique").on(t.id, t.policyId),
    check("policy_versions_number_positive", sql`${t.number} > 0`),
    check("policy_versions_state_valid", sql`${t.state} IN ('draft','final')`),
    check("policy_versions_final_when_frozen", sql`${t.frozenAt} IS NULL OR ${t.state} = 'final'`),
  ],
);

/** Ordered paragraphs of a version. `key` is stable across versions for unchanged or edited text. */
export const policyParagraphs = pgTable(
  "policy_paragraphs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => policyVersions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    body: text("body").notNull(),
  },
  (t) => [
    unique("policy_paragraphs_version_key_unique").on(t.versionId, t.key),
    unique("policy_paragraphs_version_position_unique").on(t.versionId, t.position),
    check("policy_paragraphs_position_nonnegative", sql`${t.position} >= 0`),
    check("policy_paragraphs_key_format", sql`${t.key} ~ '^[a-z0-9-]{1,40}$'`),
  ],
);

export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    policyId: uuid("policy_id").notNull(),
    versionId: uuid("version_id").notNull(),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    closedEarlyAt: timestamp("closed_early_at", { withTimezone: true }),
    // Why it closed before its time (closed by hand, or by the policy's withdrawal).
    closedReason: text("closed_reason"),
    // Why comments of this round went to board review without an answer, recorded by the Secretariat.
    unansweredReason: text("unanswered_reason"),
    openedById: uuid("opened_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "consultations_version_of_policy_fk",
      columns: [t.versionId, t.policyId],
      foreignColumns: [policyVersions.id, policyVersions.policyId],
    }),
    check("consultations_closes_after_opens", sql`${t.closesAt} > ${t.opensAt}`),
    index("consultations_policy_idx").on(t.policyId),
  ],
);

export const consultationPillars = pgTable(
  "consultation_pillars",
  {
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    pillarId: text("pillar_id")
      .notNull()
      .references(() => pillars.id),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.pillarId] })],
);

/**
 * A consultation comment, anchored to a paragraph key. `version_id` is the version it currently
 * attaches to (carried forward while open); `outdated_at` is set when its paragraph was deleted.
 */
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => policyVersions.id),
    originalVersionId: uuid("original_version_id")
      .notNull()
      .references(() => policyVersions.id),
    paragraphKey: text("paragraph_key").notNull(),
    quote: text("quote"),
    body: text("body").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.id),
    status: text("status").notNull().default("open").$type<CommentStatus>(),
    response: text("response"),
    respondedById: uuid("responded_by_id").references(() => users.id),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    outdatedAt: timestamp("outdated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("comments_status_valid", sql`${t.status} IN ('open','accepted','partly_accepted','not_accepted','noted')`),
    check("comments_not_accepted_has_reason", sql`${t.status} <> 'not_accepted' OR length(trim(coalesce(${t.response}, ''))) > 0`),
    check("comments_replies_have_no_status", sql`${t.parentId} IS NULL OR ${t.status} = 'open'`),
    check("comments_body_not_blank", sql`length(trim(${t.body})) > 0`),
    index("comments_consultation_idx").on(t.consultationId, t.createdAt),
    index("comments_version_key_idx").on(t.versionId, t.paragraphKey),
    index("comments_parent_idx").on(t.parentId),
    index("comments_author_idx").on(t.authorId),
    // The Secretariat's queue: top-level comments still awaiting an answer, oldest first.
    index("comments_awaiting_answer_idx")
      .on(t.createdAt)
      .where(sql`${t.status} = 'open' AND ${t.parentId} IS NULL`),
  ],
);
