import { eq } from "drizzle-orm";
import { organizations, users } from "@/db/schema";
import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { createUser, listUsers, setUserRoles } from "./commands";

let sequence = 0;

export const cases = defineAuthzCases({
  "user.list": authzCase({ run: (db, actor) => listUsers(db, actor) }),
  "user.create": authzCase({
    prepare: async (db) => {
      const [organization] = await db.select({ id: organizations.id }).from(organizations).limit(1);
      return { organizationId: organization!.id, email: `new.person.${++sequence}@example.org` };
    },
    run: (db, actor, p) =>
      createUser(db, actor, {
        name: "New Person",
        email: p.email,
        organizationId: p.organizationId,
        password: "a-long-enough-password",
        roles: ["representative"],
      }),
  }),
  "user.setRoles": authzCase({
    prepare: async (db) => {
      const [target] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
      return { userId: target!.id, roles: ++sequence % 2 ? ["representative"] : ["representative", "secretariat"] };
    },
    run: (db, actor, p) => setUserRoles(db, actor, p),
  }),
});
