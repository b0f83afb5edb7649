import { z } from "zod";
import { AppError } from "@/lib/errors";

type FieldErrors = Record<string, string[]>;

/**
 * The one input parser: data that passes the schema, or an `invalid` refusal whose field errors sit
 * next to the form's fields. Commands, queries and route handlers all parse through it. `message`
 * may be built from the field errors (an API names them in its message).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message: string | ((fieldErrors: FieldErrors) => string) = "Check the highlighted fields.",
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { formErrors, fieldErrors } = z.flattenError(parsed.error) as { formErrors: string[]; fieldErrors: FieldErrors };
  const summary = typeof message === "function" ? message(fieldErrors) : message;
  // Errors that belong to no field (a refinement of the whole input) still reach the person.
  throw new AppError("invalid", formErrors.length ? `${summary} ${formErrors.join(" ")}` : summary, fieldErrors);
}
