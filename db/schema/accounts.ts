import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./people";
import type { StoredRole } from "../../lib/users/vocabulary";

/**
 * An invitation to join: the person chooses their own password through a one-time link. Only the
 * SHA-256 of the link's secret is kept; resending replaces it, so the old link stops working.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    roles: text("roles")
      .array()
      .notNull()
      .$type<StoredRole[]>()
      .default(sql`'{}'::text[]`),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    invitedById: uuid("invited_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_token_unique").on(t.tokenHash),
    // One pending invitation per address: a second one is a resend, not a new row.
    uniqueIndex("invitations_pending_email_unique")
      .on(t.email)
      .where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL`),
    check("invitations_email_lowercase", sql`${t.email} = lower(${t.email}) AND ${t.email} LIKE '%_@_%'`),
    check("invitations_roles_valid", sql`${t.roles} <@ ARRAY['admin','secretariat','representative']::text[]`),
    check("invitations_one_ending", sql`${t.acceptedAt} IS NULL OR ${t.revokedAt} IS NULL`),
    check("invitations_accepted_has_user", sql`(${t.acceptedAt} IS NULL) = (${t.acceptedUserId} IS NULL)`),
  ],
);

/** A "forgot password" link: single use, one hour, only its SHA-256 kept. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("password_resets_token_unique").on(t.tokenHash), index("password_resets_user_idx").on(t.userId, t.createdAt)],
);

/**
 * A user's TOTP authenticator (RFC 6238). A row without `enabledAt` is an enrolment in progress,
 * enabled only once the user proves it with a valid code. `lastStep` refuses a code used twice.
 */
export const totpFactors = pgTable(
  "totp_factors",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    secret: text("secret").notNull(),
    enabledAt: timestamp("enabled_at", { withTimezone: true }),
    lastStep: integer("last_step"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("totp_factors_secret_base32", sql`${t.secret} ~ '^[A-Z2-7]{16,128}$'`)],
);

/** One-time recovery codes for a lost authenticator, stored as SHA-256 hashes. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("recovery_codes_user_code_unique").on(t.userId, t.codeHash)],
);
