import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { type Action, can } from "./permissions";

/**
 * The first line of every server action and route handler: refuses an anonymous caller or a role
 * the permission table does not list for the action.
 */
export function authorize(actor: Actor | null, action: Action): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please sign in to continue.");
  if (actor.mustEnrolTwoFactor && action !== "mfa.manage") {
    throw new AppError("forbidden", "Turn on two-factor sign-in first (Security): your role requires it.");
  }
  if (!can(actor.roles, action)) {
    throw new AppError("forbidden", "Your role does not allow this action.");
  }
  return actor;
}
