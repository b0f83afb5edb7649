import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { type Action, can } from "./permissions";
import { type PageQuery, returnPath, signInPath } from "./return-to";
import { currentActor } from "./session";

/**
 * The one way a page refuses, with an HTTP status rather than a 200 page that says no:
 *
 * - a signed-out visitor on a page that signing in could open: a redirect to sign in and back;
 * - a signed-in reader whose role does not open the page (the permission table): 403, app/forbidden.tsx;
 * - an unknown item, or one this reader may not know exists: 404, app/not-found.tsx.
 *
 * Call these before anything is rendered: Next sets the status only while the response has not
 * started, so a page that refuses must not sit below a Suspense boundary or a loading.tsx.
 */

export type { PageQuery } from "./return-to";

/**
 * The reader of a page that only signed-in roles open, checked against the permission table before
 * anything is loaded. A visitor goes to sign in and comes back to `path` with its `query`; a role
 * without `action` gets 403, whether or not the item the page would show exists.
 */
export async function requirePageActor(action: Action, path: string, query?: PageQuery): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(signInPath(returnPath(path, query)));
  // A role that requires two-factor sign-in opens nothing else until it is on.
  if (actor.mustEnrolTwoFactor && action !== "mfa.manage") redirect("/account/security");
  if (!can(actor.roles, action)) forbidden();
  return actor;
}

/**
 * The reader of a page anyone may open (the registry, public policies and votes): null for a
 * visitor. A signed-in person whose role requires two-factor sign-in that is not on yet opens
 * nothing else, here too, until it is.
 */
export async function publicPageReader(): Promise<Actor | null> {
  const actor = await currentActor();
  if (actor?.mustEnrolTwoFactor) redirect("/account/security");
  return actor;
}

export type ItemRefusal = {
  /**
   * What the query's "forbidden" means. "hidden" (the default): this one item is not shared with the
   * reader, who may not learn it exists (a consultation that does not invite their pillar): 404.
   * "role": the reader's role opens no item of this kind (a draft motion for a representative): 403.
   */
  forbidden?: "hidden" | "role";
};

/**
 * Loads the one item a page shows and turns the query's refusal into the page's answer: null and
 * "not_found" answer 404, and so does "unauthenticated" (an internal item the public may not learn
 * exists, such as a draft policy); "forbidden" as `refusal` says. Any other error, such as "invalid"
 * for a bad query string, is the page's to show.
 */
export async function loadPageItem<T>(load: () => Promise<T | null | undefined>, refusal: ItemRefusal = {}): Promise<T> {
  let item: T | null | undefined;
  try {
    item = await load();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "not_found" || error.code === "unauthenticated") notFound();
    if (error.code === "forbidden") return refusal.forbidden === "role" ? forbidden() : notFound();
    throw error;
  }
  if (item === null || item === undefined) notFound();
  return item;
}
