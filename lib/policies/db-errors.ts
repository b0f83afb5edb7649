/** The name of the constraint a failed statement violated, on either driver (it may sit in the error's cause). */
export function violatedConstraint(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const e = current as { constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    const name = e.constraint_name ?? e.constraint;
    if (typeof name === "string" && name) return name;
    current = e.cause;
  }
  return null;
}
