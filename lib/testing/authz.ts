import type { DB } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { Action } from "@/lib/auth/permissions";

/**
 * How the authorization walk (lib/auth/authorization.test.ts) exercises one action through its real
 * server-side function. `prepare` runs before every call, outside the compared snapshot, to put a
 * fresh target in the state the action expects (a draft to open, an open motion to vote on), so
 * that each refused call and each allowed call meets a valid target and only the role differs.
 */
export type AuthzCase<P = unknown> = {
  prepare?: (db: DB) => Promise<P>;
  run: (db: DB, actor: Actor | null, prepared: P) => Promise<unknown>;
};

/** Each domain lists its cases in `lib/<domain>/authz-cases.ts`; the walk finds them all. */
export type AuthzCases = Partial<Record<Action, AuthzCase<never>>>;

export function defineAuthzCases<T extends { [A in Action]?: AuthzCase<never> }>(cases: { [K in keyof T]: T[K] }): AuthzCases {
  return cases as AuthzCases;
}

export function authzCase<P>(c: AuthzCase<P>): AuthzCase<never> {
  return c as unknown as AuthzCase<never>;
}
