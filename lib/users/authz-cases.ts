import { eq } from "drizzle-orm";
import { organizations, users } from "@/db/schema";
import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { startSession } from "@/lib/auth/sessions";
import { endUserSession, setUserActive, signOutEverywhere } from "./account";
import { listUsers, setUserRoles } from "./commands";

let sequence = 0;

export const cases = defineAuthzCases({
  "user.list": authzCase({ run: (db, actor) => listUsers(db, actor) }),
  "user.setRoles": authzCase({
    prepare: async (db) => {
      const [target] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
      return { userId: target!.id, roles: ++sequence % 2 ? ["representative"] : ["representative", "secretariat"] };
    },
    run: (db, actor, p) => setUserRoles(db, actor, p),
  }),
  "user.manageSessions": authzCase({
    prepare: async (db) => {
      const [target] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
      return { userId: target!.id, sessionId: await startSession(db, { userId: target!.id, userAgent: "authz", address: "192.0.2.1" }) };
    },
    run: (db, actor, p) => endUserSession(db, actor, p),
  }),
  "user.deactivate": authzCase({
    prepare: async (db) => {
      const [organization] = await db.select({ id: organizations.id }).from(organizations).limit(1);
      const [created] = await db
        .insert(users)
        .values({
          email: `to.deactivate.${++sequence}.${Date.now()}@example.org`,
          name: "Leaving Person",
          passwordHash: "x",
          organizationId: organization!.id,
        })
        .returning({ id: users.id });
      return { userId: created!.id, active: "false", confirm: "yes" };
    },
    run: (db, actor, p) => setUserActive(db, actor, p),
  }),
  "account.manage": authzCase({ run: (db, actor) => signOutEverywhere(db, actor) }),
});
