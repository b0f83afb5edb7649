import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CertificationStandard, MembershipStatus } from "../../lib/registry/vocabulary";
import type { SessionEndReason, StoredRole } from "../../lib/users/vocabulary";

/** The three stakeholder pillars. Ids are stable keys; names are data and may be renamed. */
export const pillars = pgTable(
  "pillars",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [check("pillars_id_format", sql`${t.id} ~ '^[a-z][a-z_]{1,39}$'`), uniqueIndex("pillars_name_unique").on(t.name)],
);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    // Null for the Association itself (its Secretariat and administrators), which is no pillar and
    // no member of the registry.
    pillarId: text("pillar_id").references(() => pillars.id),
    country: text("country"),
    website: text("website"),
    // Companies carry a membership status; governments and civil society organisations may too.
    membershipStatus: text("membership_status").$type<MembershipStatus>(),
    certificationStandard: text("certification_standard").$type<CertificationStandard>(),
    certificationExpiresOn: date("certification_expires_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organizations_slug_unique").on(t.slug),
    index("organizations_pillar_idx").on(t.pillarId),
    // The registry lists by name: a page is read off the index, not sorted from every row.
    index("organizations_name_idx").on(t.name, t.slug),
    check("organizations_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("organizations_country_format", sql`${t.country} IS NULL OR ${t.country} ~ '^[A-Z]{2}$'`),
    check(
      "organizations_membership_status_valid",
      sql`${t.membershipStatus} IS NULL OR ${t.membershipStatus} IN ('applicant','transitional_member','certified_member','affiliate','suspended','terminated')`,
    ),
    check(
      "organizations_certification_standard_valid",
      sql`${t.certificationStandard} IS NULL OR ${t.certificationStandard} IN ('PSC.1','ISO 18788','ISO 28007')`,
    ),
  ],
);

/** Every membership status change, dated. Good standing is derived, never stored. */
export const organizationStatusHistory = pgTable(
  "organization_status_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    fromStatus: text("from_status").$type<MembershipStatus>(),
    toStatus: text("to_status").notNull().$type<MembershipStatus>(),
    reason: text("reason").notNull(),
    effectiveOn: date("effective_on").notNull(),
    changedById: uuid("changed_by_id").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("organization_status_history_org_idx").on(t.organizationId, t.effectiveOn),
    check(
      "organization_status_history_from_valid",
      sql`${t.fromStatus} IS NULL OR ${t.fromStatus} IN ('applicant','transitional_member','certified_member','affiliate','suspended','terminated')`,
    ),
    check(
      "organization_status_history_to_valid",
      sql`${t.toStatus} IN ('applicant','transitional_member','certified_member','affiliate','suspended','terminated')`,
    ),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    // SHA-256 of the secret in the user's calendar feed URL; regenerating it revokes the old URL.
    calendarTokenHash: text("calendar_token_hash"),
    // An IANA timezone the person reads dates in; null follows the organisation's.
    timezone: text("timezone"),
    // A deactivated account keeps its history (ballots, comments, audit rows) and cannot sign in.
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    uniqueIndex("users_calendar_token_unique").on(t.calendarTokenHash),
    index("users_organization_idx").on(t.organizationId),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email}) AND ${t.email} LIKE '%_@_%'`),
    check("users_timezone_format", sql`${t.timezone} IS NULL OR ${t.timezone} ~ '^[A-Za-z][A-Za-z0-9_+/-]{0,63}$'`),
  ],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull().$type<StoredRole>(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), check("user_roles_role_valid", sql`${t.role} IN ('admin','secretariat','representative')`)],
);

/** Sign-in attempts, kept in the database so throttling holds across app processes. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

/**
 * Signed-in sessions. The session cookie (a JWT) names one of these rows, and a request is signed in
 * only while its row has not ended: signing out, a password change, deactivation and "sign out
 * everywhere" end rows, so a copied cookie stops working at once.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    userAgent: text("user_agent"),
    address: text("address"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason").$type<SessionEndReason>(),
  },
  (t) => [
    index("sessions_user_idx").on(t.userId, t.createdAt),
    check("sessions_ended_consistent", sql`(${t.endedAt} IS NULL) = (${t.endedReason} IS NULL)`),
    check(
      "sessions_ended_reason_valid",
      sql`${t.endedReason} IS NULL OR ${t.endedReason} IN ('signed_out','signed_out_everywhere','ended_by_user','ended_by_admin','password_changed','deactivated')`,
    ),
  ],
);

/**
 * Sign-in throttle buckets: failed (and in-flight) attempts per key within a fixed window. Keys are
 * `account:<email>|<address>` (an account from one address) and `address:<address>` (an address
 * across accounts). An attempt is counted and checked in one statement before its password is.
 */
export const signInBuckets = pgTable(
  "sign_in_buckets",
  {
    key: text("key").primaryKey(),
    attempts: integer("attempts").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_buckets_window_idx").on(t.windowStartedAt), check("sign_in_buckets_attempts_valid", sql`${t.attempts} >= 0`)],
);

/** Deployment-wide settings such as the organisation's timezone. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
