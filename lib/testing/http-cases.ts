import type { DB } from "@/db/client";
import type { Action } from "@/lib/auth/permissions";

/**
 * The HTTP case catalog: how to reach each action of the app through the running server, as a
 * browser does. Each domain lists its entries in `lib/<domain>/reliability-cases.ts`
 * (`export const httpCases = defineHttpCases([...])`); the suites in reliability/ find them by glob,
 * so adding a domain is adding data, not code.
 *
 * - `permission`: the row of the permission table the entry enforces (the authorization walk calls
 *   it as every role and as nobody). Leave it out for public endpoints (sign-in, health).
 * - `target`: a server action by source file and export name, a route handler by method and path,
 *   or a page (for read permissions that only a page enforces).
 * - `prepare(db)`: runs in the test process against the same database as the server, before every
 *   call, and returns a valid request for the database's current state (a fresh email, an open
 *   motion's id, ...), so that a refused call is refused only for its role or its malformed input.
 * - `writes`: the tables an accepted call may change. The fuzz suite requires every other table to
 *   be untouched, and each table in `addsOneRowTo` to gain exactly one row per accepted call.
 */
export type HttpTarget =
  | { kind: "action"; file: string; exportName: string }
  | { kind: "route"; method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string }
  | { kind: "page"; path: string };

/**
 * A valid request. Actions: `fields` become the FormData of a `useActionState` form, sent as
 * `[previousState, formData]`; or give `args` for an action with other arguments. Routes: `query`
 * and either `json` or `form` for the body. Pages: an optional `path` overriding the target's, and
 * `shows` for a page that enforces its permission by what it shows rather than by a refusal page:
 * text only a reader holding the permission sees. Without it, anyone else is refused; with it, a
 * signed-in reader who does not see it counts as refused, and so does a visitor (as unauthenticated).
 */
export type HttpRequest = {
  path?: string;
  fields?: Record<string, string | string[]>;
  args?: unknown[];
  query?: Record<string, string>;
  json?: Record<string, unknown>;
  form?: Record<string, string>;
  shows?: string;
};

export type HttpCase = {
  name: string;
  permission?: Action;
  target: HttpTarget;
  prepare: (db: DB) => Promise<HttpRequest>;
  writes: string[];
  addsOneRowTo?: string[];
  /**
   * Runs after the fuzz suite's calls to the entry, to undo a change that malformed-but-valid input
   * may make and that would stop every later entry (requiring two-factor sign-in of the acting roles).
   */
  restore?: (db: DB) => Promise<void>;
  /** Leave out of the fuzz suite, with the reason (e.g. an endpoint that only redirects). */
  noFuzz?: string;
};

export function defineHttpCases(cases: HttpCase[]): HttpCase[] {
  return cases;
}
