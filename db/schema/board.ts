import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pillars, users } from "./people";
import type { Office } from "../../lib/board/vocabulary";

export const boardSeats = pgTable(
  "board_seats",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pillarId: text("pillar_id")
      .notNull()
      .references(() => pillars.id),
    number: integer("number").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("board_seats_pillar_number_unique").on(t.pillarId, t.number), check("board_seats_number_positive", sql`${t.number} > 0`)],
);

/**
 * One holder's term on one seat. A term is current until `ended_at` is set (a director serves until
 * the term is ended or the seat vacated), which is what the uniqueness below relies on.
 */
export const seatTerms = pgTable(
  "seat_terms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seatId: uuid("seat_id")
      .notNull()
      .references(() => boardSeats.id),
    holderId: uuid("holder_id")
      .notNull()
      .references(() => users.id),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    office: text("office").$type<Office>(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("seat_terms_end_after_start", sql`${t.endsOn} > ${t.startsOn}`),
    check("seat_terms_office_valid", sql`${t.office} IS NULL OR ${t.office} IN ('chair','vice_chair')`),
    // One seat per holder at a time, one holder per seat at a time, one Chair and one Vice-chair.
    uniqueIndex("seat_terms_one_current_seat_per_holder")
      .on(t.holderId)
      .where(sql`${t.endedAt} IS NULL`),
    uniqueIndex("seat_terms_one_current_holder_per_seat")
      .on(t.seatId)
      .where(sql`${t.endedAt} IS NULL`),
    uniqueIndex("seat_terms_one_current_office")
      .on(t.office)
      .where(sql`${t.endedAt} IS NULL AND ${t.office} IS NOT NULL`),
    index("seat_terms_seat_idx").on(t.seatId, t.startsOn),
  ],
);
