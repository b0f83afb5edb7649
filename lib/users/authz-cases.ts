import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
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
});
