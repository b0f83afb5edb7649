/**
 * The server log takes one line per event. Text that comes from users (a title, an email address, a
 * database error quoting input) is escaped first, so that no one can end a line early and forge the
 * next one: CR, LF, the other control characters and the Unicode line separators become visible
 * escapes, and backslashes are doubled so an escape cannot be faked either.
 */
export function forLog(value: unknown): string {
  const text = typeof value === "string" ? value : value instanceof Error ? describe(value) : String(value);
  return text.replace(/[\\\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) => {
    if (c === "\\") return "\\\\";
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** An error's stack (or message), with its cause's message. */
function describe(error: Error): string {
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : "";
  return `${error.stack ?? `${error.name}: ${error.message}`}${cause}`;
}

/** Logs an unexpected error as one line: what was being done, then the error, both escaped. */
export function logError(doing: string, error: unknown): void {
  console.error(`${forLog(doing)}: ${forLog(error)}`);
}

/** Logs one line of information with user text escaped. */
export function logInfo(message: string): void {
  console.log(forLog(message));
}
