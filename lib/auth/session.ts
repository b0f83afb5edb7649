import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { rememberTimezone } from "@/lib/settings";
import { type Actor, loadActorAndTimezone } from "./actor";
import { auth } from "./auth";
import { authorize } from "./guard";
import type { Action } from "./permissions";

/**
 * The signed-in user with roles read fresh from the database (a seat that ended yesterday no longer
 * makes anyone a director, whatever their session says), while the session the cookie names is open:
 * signed out, ended elsewhere or by an administrator, the same cookie signs nobody in. Cached per request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  // A cookie without a session id predates revocable sessions: it no longer signs anyone in.
  if (!userId || !session.sessionId) return null;
  const loaded = await loadActorAndTimezone(await getDb(), userId, session.sessionId);
  if (!loaded) return null;
  rememberTimezone(loaded.timezone);
  return loaded.actor;
});

/** The guard for server actions and route handlers: the current actor, if allowed the action. */
export async function requireActor(action: Action): Promise<Actor> {
  return authorize(await currentActor(), action);
}
