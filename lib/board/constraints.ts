import { AppError, violatedConstraint } from "@/lib/errors";

const MESSAGES: Record<string, AppError> = {
  seat_terms_one_current_seat_per_holder: new AppError("conflict", "This person already holds a seat; end that term first.", {
    holderId: ["This person already holds a seat."],
  }),
  seat_terms_one_current_holder_per_seat: new AppError("conflict", "This seat is already occupied; vacate it or end the term first."),
  seat_terms_one_current_office: new AppError("conflict", "Another director already holds this office."),
  seat_terms_end_after_start: new AppError("invalid", "A term must end after it starts.", { endsOn: ["The end must be after the start."] }),
};

/**
 * Turns a broken seat constraint into the same clear refusal the code checks give first (two admins
 * acting at once can still race past those checks; the database then has the last word).
 */
export function toSeatError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const name = violatedConstraint(error);
  const mapped = name ? MESSAGES[name] : undefined;
  return mapped ? new AppError(mapped.code, mapped.message, mapped.fieldErrors) : error;
}
