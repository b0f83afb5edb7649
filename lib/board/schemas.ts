import { z } from "zod";

const date = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), message);
const optionalDate = (message: string) => z.preprocess((v) => (v === "" || v === null ? undefined : v), date(message).optional());
const reason = z.string().trim().min(3, "Give a reason of at least 3 characters.").max(500, "Keep the reason under 500 characters.");

export const assignSeatSchema = z.object({
  seatId: z.uuid("Unknown seat."),
  holderId: z.uuid("Choose a person."),
  startsOn: optionalDate("Enter the start as a date."),
  endsOn: optionalDate("Enter the end as a date."),
});

export const endTermSchema = z.object({
  seatId: z.uuid("Unknown seat."),
  endedOn: optionalDate("Enter the end as a date."),
  reason: z.preprocess((v) => (v === "" || v === null || v === undefined ? "Term completed." : v), reason),
});

export const vacateSeatSchema = z.object({
  seatId: z.uuid("Unknown seat."),
  reason,
});

export const designateOfficeSchema = z.object({
  seatId: z.uuid("Unknown seat."),
  office: z.enum(["chair", "vice_chair", "none"], "Choose Chair, Vice-chair or no office."),
});

export { date as calendarDateSchema, optionalDate as optionalCalendarDateSchema, reason as reasonSchema };
