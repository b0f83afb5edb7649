import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { defineHttpCases } from "@/lib/testing/http-cases";

/** How the reliability suite (reliability/) reaches the user-account actions over HTTP. */
let sequence = 0;

export const httpCases = defineHttpCases([
  {
    name: "users page",
    permission: "user.list",
    target: { kind: "page", path: "/admin/users" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "set user roles",
    permission: "user.setRoles",
    target: { kind: "action", file: "lib/users/actions.ts", exportName: "setUserRolesAction" },
    prepare: async (db) => {
      const [target] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
      return { fields: { userId: target!.id, roles: ++sequence % 2 ? ["representative"] : ["representative", "secretariat"] } };
    },
    writes: ["user_roles", "audit_log"],
  },
]);
