import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { AuthzCase, AuthzCases } from "@/lib/testing/authz";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import type { Actor } from "./actor";
import { type Action, ACTIONS, can, PERMISSIONS, type Role, ROLES } from "./permissions";

/**
 * Walks the permission table: every action is called through its real server-side function by a
 * user of every role, and by nobody. Refused callers get a 401/403-style error and leave every row
 * of the database as it was; allowed callers get through. Each domain lists how to call its actions
 * in `lib/<domain>/authz-cases.ts`; an action without a case fails the walk.
 */
const modules = import.meta.glob<{ cases: AuthzCases }>("/lib/**/authz-cases.ts", { eager: true });
const CASES: AuthzCases = Object.assign({}, ...Object.values(modules).map((m) => m.cases));

// A demo user holding each role; the Chair is also a director, as every Chair is.
const ROLE_USERS: Record<Role, string> = {
  admin: "admin@example.org",
  secretariat: "secretariat@example.org",
  director: "cso2@example.org",
  chair: "gov1@example.org",
  representative: "rep.psc@example.org",
};

let t: TestDatabase;
const actorsByRole = {} as Record<Role, Actor>;

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  for (const role of ROLES) actorsByRole[role] = await t.actor(ROLE_USERS[role]);
});
afterAll(async () => {
  await t?.close();
});

async function outcome(testCase: AuthzCase<never>, actor: Actor | null): Promise<string> {
  const prepared = testCase.prepare ? await testCase.prepare(t.db) : undefined;
  const before = await databaseFingerprint(t.db);
  try {
    await testCase.run(t.db, actor, prepared as never);
    return "allowed";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const after = await databaseFingerprint(t.db);
    expect(after, `a refused call (${error.code}) changed the database`).toEqual(before);
    return error.code;
  }
}

let cases = 0;
let refusals = 0;

describe("the permission table, walked through the real server functions", () => {
  it("each role's demo user holds that role, and every action has a case", () => {
    for (const role of ROLES) expect(actorsByRole[role].roles).toContain(role);
    expect(actorsByRole.director.roles).toEqual(["director"]);
    expect(actorsByRole.representative.roles).toEqual(["representative"]);
    expect(ACTIONS.filter((action) => !CASES[action])).toEqual([]);
  });

  for (const action of ACTIONS as Action[]) {
    it(`${action}: only ${PERMISSIONS[action].join(", ")} may, and a refusal changes nothing`, async () => {
      const testCase = CASES[action]!;
      for (const role of ROLES) {
        const actor = actorsByRole[role];
        const expected = can(actor.roles, action) ? "allowed" : "forbidden";
        expect(await outcome(testCase, actor), `${role} doing ${action}`).toBe(expected);
        cases++;
        if (expected === "forbidden") refusals++;
      }
      expect(await outcome(testCase, null), `nobody doing ${action}`).toBe("unauthenticated");
      cases++;
      refusals++;
    });
  }

  afterAll(() => {
    console.log(`authorization: ${cases} cases over ${ACTIONS.length} actions; ${refusals} refused with nothing changed`);
  });
});
