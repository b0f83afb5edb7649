import { logError } from "@/lib/log";

/** The one error type the domain throws. Its code maps to an HTTP status and to a user-facing message. */
export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict" | "throttled";

const STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  throttled: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/** What a form submitted, as given back after a refusal: one string per field, a list for repeated ones. */
export type FormValues = Record<string, string | string[]>;

/**
 * What an action returns to `useActionState`. A refusal carries the submitted `values`, so the form
 * shows what was typed (with JavaScript and without) instead of starting again.
 */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined>; values?: FormValues }
  | null;

/**
 * What an action answers when its FormData argument is not one. Arguments come from the caller, who
 * may send anything: `if (!(formData instanceof FormData)) return NOT_A_FORM;` before reading it.
 */
export const NOT_A_FORM = { ok: false, error: "This request did not come from the form; reload the page and try again." } as const;

/** The name of the database constraint a failed statement broke, from either driver's error (or its cause). */
export function violatedConstraint(error: unknown): string | null {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { constraint, constraint_name } = e as { constraint?: unknown; constraint_name?: unknown };
    const name = constraint ?? constraint_name;
    if (typeof name === "string" && name) return name;
  }
  return null;
}

/**
 * Database refusals that are the input's or the moment's fault, not a bug: a NUL character in text
 * (PostgreSQL stores none), and a unique key or a serialization lost to a concurrent request.
 * The transaction has rolled back, so nothing was saved. Drizzle wraps the driver's error as `cause`.
 */
function fromDatabaseError(error: unknown): AppError | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "22021" || code === "22P05")
      return new AppError("invalid", "Text cannot contain NUL (\\0) or other characters that cannot be stored.");
    if (code === "23505") return new AppError("conflict", "That already exists; it may have been saved by someone else at the same moment.");
    if (code === "40001" || code === "40P01")
      return new AppError("conflict", "Someone else changed this at the same moment; nothing was saved. Please try again.");
  }
  return null;
}

/** Turns any thrown value into an action result; unexpected errors are logged, never shown raw. */
export function toActionError(error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string[]> } {
  if (!(error instanceof AppError)) error = fromDatabaseError(error) ?? error;
  if (error instanceof AppError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  logError("Unexpected error in an action", error);
  return { ok: false, error: "Something went wrong on our side; nothing was saved. Please try again." };
}

/** Turns any thrown value into a JSON error response for route handlers. */
export function toErrorResponse(error: unknown): Response {
  if (!(error instanceof AppError)) error = fromDatabaseError(error) ?? error;
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message, fields: error.fieldErrors } }, { status: error.status });
  }
  logError("Unexpected error in a route handler", error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}
