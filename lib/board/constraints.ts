import { AppError } from "@/lib/errors";

/** The name of the database constraint a failed statement broke, from either driver's error (or its cause). */
export function violatedConstraint(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { constraint?: string; constraint_name?: string; cause?: unknown };
    const name = e.constraint ?? e.constraint_name;
    if (typeof name === "string") return name;
    current = e.cause;
  }
  return null;
}

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
