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

/** What an action returns to `useActionState`. */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> }
  | null;

/** Turns any thrown value into an action result; unexpected errors are logged, never shown raw. */
export function toActionError(error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string[]> } {
  if (error instanceof AppError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  console.error("Unexpected error in an action:", error);
  return { ok: false, error: "Something went wrong on our side; nothing was saved. Please try again." };
}

/** Turns any thrown value into a JSON error response for route handlers. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message, fields: error.fieldErrors } }, { status: error.status });
  }
  console.error("Unexpected error in a route handler:", error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}
