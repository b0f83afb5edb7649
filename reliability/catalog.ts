import type { Action } from "@/lib/auth/permissions";

// The case types live beside the cases, in a test-only module of lib/; the suites here run them.
export type { HttpCase, HttpRequest, HttpTarget } from "@/lib/testing/http-cases";

/**
 * Server actions that need no entry of their own, with the reason. Every other action in the build
 * must have a catalog entry: the authorization suite fails for one that does not.
 */
export const ACTIONS_WITHOUT_CASES: Record<string, string> = {
  "lib/auth/actions.ts#signOutAction": "takes no input and only ends the caller's own session",
  "lib/users/actions.ts#signOutEverywhereAction":
    "ends every session of the caller, the suite's shared session included; its row (account.manage) is reached by updateProfileAction, and lib/users/account.test.ts and e2e/sessions.spec.ts test it",
  "lib/users/actions.ts#endOwnSessionAction":
    "needs a session of the caller's own, which a role-blind prepare cannot name; its row (account.manage) is reached by updateProfileAction, and lib/users/account.test.ts tests its refusals",
  "lib/auth/actions.ts#signInWithSingleSignOnAction":
    "writes nothing: it only redirects to the OpenID Connect provider when OIDC_ISSUER is set (tested end to end in e2e/single-sign-on.spec.ts)",
};

/**
 * Rows of the permission table that no action or route reaches over HTTP yet, with the reason.
 * The authorization suite fails when one of them gains a catalog entry (remove it from here then)
 * and when any other row has none.
 */
export const PERMISSIONS_WITHOUT_HTTP: Partial<Record<Action, string>> = {};
