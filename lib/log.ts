import pino from "pino";
import { currentRequestId } from "@/lib/request-id";

/**
 * The server log: one JSON object per line (pino), with the request id of the request being served
 * when there is one (`X-Request-Id`, see lib/ops/http-observer.ts and proxy.ts). Text that comes from
 * users (a title, an email address, a database error quoting input) is escaped first, so no one can
 * end a line early and forge the next one, even in a viewer that splits on Unicode line separators:
 * CR, LF, the other control characters and those separators become visible escapes, and backslashes
 * are doubled so an escape cannot be faked either. LOG_LEVEL sets the level (info by default).
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

// Next bundles instrumentation and routes separately: one logger per process, on globalThis.
const globalForLog = globalThis as unknown as { __pillarsLogger?: pino.Logger };

/** The process's logger, writing JSON lines to standard output. */
export function logger(): pino.Logger {
  globalForLog.__pillarsLogger ??= pino(
    {
      level: process.env.LOG_LEVEL || "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => void process.stdout.write(line) },
  );
  return globalForLog.__pillarsLogger;
}

/** Logs an unexpected error as one line: what was being done, then the error, both escaped. */
export function logError(doing: string, error: unknown): void {
  void currentRequestId().then((requestId) => logger().error({ requestId, err: forLog(error) }, forLog(doing)));
}

/** Logs one line of information with user text escaped. */
export function logInfo(message: string): void {
  void currentRequestId().then((requestId) => logger().info({ requestId }, forLog(message)));
}
