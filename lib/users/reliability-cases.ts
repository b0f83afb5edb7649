import { eq } from "drizzle-orm";
import { inArray } from "drizzle-orm";
import { organizations, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
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
  {
    name: "user account page",
    permission: "user.manageSessions",
    target: { kind: "page", path: "/admin/users/{id}" },
    prepare: async (db) => {
      const [target] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
      return { path: `/admin/users/${target!.id}` };
    },
    writes: [],
  },
  {
    name: "end a user's session",
    permission: "user.manageSessions",
    target: { kind: "action", file: "lib/users/actions.ts", exportName: "endUserSessionAction" },
    prepare: async (db) => {
      const [target] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
      const sessionId = await startSession(db, { userId: target!.id, userAgent: "reliability", address: "192.0.2.10" });
      return { fields: { userId: target!.id, sessionId } };
    },
    writes: ["sessions", "audit_log", "notifications"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "end all of a user's sessions",
    permission: "user.manageSessions",
    target: { kind: "action", file: "lib/users/actions.ts", exportName: "endAllUserSessionsAction" },
    prepare: async (db) => {
      const [target] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep.gov@example.org"));
      await startSession(db, { userId: target!.id, userAgent: "reliability", address: "192.0.2.11" });
      return { fields: { userId: target!.id } };
    },
    writes: ["sessions", "audit_log", "notifications"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "deactivate a user",
    permission: "user.deactivate",
    target: { kind: "action", file: "lib/users/actions.ts", exportName: "setUserActiveAction" },
    prepare: async (db) => {
      const [organization] = await db.select({ id: organizations.id }).from(organizations).limit(1);
      const [created] = await db
        .insert(users)
        .values({
          email: `http.leaving.${process.pid}.${++sequence}@example.org`,
          name: "Leaving Person",
          passwordHash: "x",
          organizationId: organization!.id,
        })
        .returning({ id: users.id });
      return { fields: { userId: created!.id, active: "false", confirm: "yes" } };
    },
    writes: ["users", "sessions", "audit_log", "notifications"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "account page",
    permission: "account.manage",
    target: { kind: "page", path: "/account" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "update one's profile",
    permission: "account.manage",
    target: { kind: "action", file: "lib/users/actions.ts", exportName: "updateProfileAction" },
    prepare: async () => ({ fields: { name: `Renamed Person ${++sequence}`, timezone: sequence % 2 ? "Europe/Zurich" : "" } }),
    writes: ["users", "audit_log"],
    addsOneRowTo: ["audit_log"],
  },
  {
    name: "change one's password",
    permission: "account.manage",
    target: { kind: "action", file: "lib/users/actions.ts", exportName: "changePasswordAction" },
    // Every demo user's password is set back first, so that each role's call gives the right current one.
    prepare: async (db) => {
      demoHash ??= await hashPassword("pillars-demo");
      await db.update(users).set({ passwordHash: demoHash }).where(inArray(users.email, ROLE_EMAILS));
      return { fields: { currentPassword: "pillars-demo", newPassword: "lantern orchard mosaic", confirmPassword: "lantern orchard mosaic" } };
    },
    writes: ["users", "sessions", "sign_in_buckets", "audit_log", "notifications"],
    addsOneRowTo: ["audit_log"],
  },
]);

let demoHash: string | undefined;
const ROLE_EMAILS = ["admin@example.org", "secretariat@example.org", "cso2@example.org", "gov1@example.org", "rep.psc@example.org"];
