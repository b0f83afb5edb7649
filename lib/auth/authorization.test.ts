import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "@/db/client";
import { users } from "@/db/schema";
import { listAuditEntries } from "@/lib/audit/queries";
import { loadDashboard } from "@/lib/dashboard/queries";
import { AppError } from "@/lib/errors";
import { markNotificationsRead } from "@/lib/notifications/commands";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { createUser, listUsers, setUserRoles } from "@/lib/users/commands";
import type { Actor } from "./actor";
import { type Action, ACTIONS, can, PERMISSIONS, type Role, ROLES } from "./permissions";

/**
 * Walks the permission table: every action is called through its real server-side function by a
 * user of every role (and by nobody). Refused callers get a 401/403-style error and leave every row
 * of the database as it was; allowed callers get through.
 */
let t: TestDatabase;
let sequence = 0;

// One entry per action; TypeScript fails the build when an action has no case.
const CASES: Record<Action, (db: DB, actor: Actor | null) => Promise<unknown>> = {
  "workspace.view": (db, actor) => loadDashboard(db, actor),
  "notification.markRead": (db, actor) => markNotificationsRead(db, actor, { all: true }),
  "audit.read": (db, actor) => listAuditEntries(db, actor, {}),
  "user.list": (db, actor) => listUsers(db, actor),
  "user.create": (db, actor) =>
    createUser(db, actor, {
      name: "New Person",
      email: `new.person.${++sequence}@example.org`,
      organizationId: actorsByRole.admin!.organizationId,
      password: "a-long-enough-password",
      roles: ["representative"],
    }),
  "user.setRoles": async (db, actor) => {
    const [target] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
    return setUserRoles(db, actor, { userId: target!.id, roles: sequence++ % 2 ? ["representative"] : ["representative", "secretariat"] });
  },
};

// A demo user holding each role; the Chair is also a director, as every Chair is.
const ROLE_USERS: Record<Role, string> = {
  admin: "admin@example.org",
  secretariat: "secretariat@example.org",
  director: "cso2@example.org",
  chair: "gov1@example.org",
  representative: "rep.psc@example.org",
};
const actorsByRole: Partial<Record<Role, Actor>> = {};

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  for (const role of ROLES) actorsByRole[role] = await t.actor(ROLE_USERS[role]);
});
afterAll(async () => {
  await t?.close();
});

async function outcome(action: Action, actor: Actor | null): Promise<string> {
  try {
    await CASES[action](t.db, actor);
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("the permission table, walked through the real server functions", () => {
  it("each role's demo user holds that role", () => {
    for (const role of ROLES) expect(actorsByRole[role]!.roles).toContain(role);
    expect(actorsByRole.director!.roles).toEqual(["director"]);
    expect(actorsByRole.representative!.roles).toEqual(["representative"]);
  });

  let refusals = 0;
  let cases = 0;
  for (const action of ACTIONS) {
    it(`${action}: only ${PERMISSIONS[action].join(", ")} may, and a refusal changes nothing`, async () => {
      for (const role of ROLES) {
        const actor = actorsByRole[role]!;
        if (can(actor.roles, action)) continue;
        const before = await databaseFingerprint(t.db);
        expect(await outcome(action, actor), `${role} doing ${action}`).toBe("forbidden");
        expect(await databaseFingerprint(t.db), `database after ${role} was refused ${action}`).toEqual(before);
        refusals++;
        cases++;
      }
      const before = await databaseFingerprint(t.db);
      expect(await outcome(action, null)).toBe("unauthenticated");
      expect(await databaseFingerprint(t.db)).toEqual(before);
      refusals++;
      cases++;
      for (const role of PERMISSIONS[action]) {
        expect(await outcome(action, actorsByRole[role]!), `${role} doing ${action}`).toBe("allowed");
        cases++;
      }
    });
  }

  afterAll(() => {
    console.log(`authorization: ${cases} cases over ${ACTIONS.length} actions; ${refusals} refused with nothing changed`);
  });
});
