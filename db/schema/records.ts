import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./people";
import type { NotificationKind } from "../../lib/notifications/vocabulary";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull().$type<NotificationKind>(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    href: text("href"),
    // Notices that must go out at most once (a task overdue, a motion closing) carry a key.
    dedupeKey: text("dedupe_key"),
    readAt: timestamp("read_at", { withTimezone: true }),
    // Set once the notice was handed to the mailer (or logged, without SMTP_URL).
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "notifications_kind_valid",
      sql`${t.kind} IN ('consultation_opened','comment_answered','motion_opened','motion_closing_soon','motion_result','task_assigned','task_returned','task_overdue','task_submitted','seat_assigned','consultation_closed','policy_withdrawn','motion_withdrawn','account_security')`,
    ),
    check("notifications_href_is_local", sql`${t.href} IS NULL OR ${t.href} ~ '^/[^/]'`),
    uniqueIndex("notifications_dedupe_unique")
      .on(t.userId, t.dedupeKey)
      .where(sql`${t.dedupeKey} IS NOT NULL`),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} IS NULL`),
  ],
);

/** Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE (see the migrations). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    /** The X-Request-Id of the request that wrote the row (null for rows written outside a request). */
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_log_at_idx").on(t.at),
    // The log filtered by who acted, newest first.
    index("audit_log_actor_idx").on(t.actorId, t.id),
  ],
);
