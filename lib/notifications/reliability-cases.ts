import { inArray } from "drizzle-orm";
import { notifications, users } from "@/db/schema";
import { defineHttpCases } from "@/reliability/catalog";

// The demo user of each role (as in reliability/harness.ts), who may all mark their own notices read.
const DEMO_USERS = ["admin@example.org", "secretariat@example.org", "cso2@example.org", "gov1@example.org", "rep.psc@example.org"];

/** How the reliability suite (reliability/) reaches the inbox and its mark-read action over HTTP. */
export const httpCases = defineHttpCases([
  {
    name: "inbox",
    permission: "workspace.view",
    target: { kind: "page", path: "/inbox" },
    prepare: async () => ({ query: { page: "1" } }),
    writes: [],
  },
  {
    name: "mark notices read",
    permission: "notification.markRead",
    target: { kind: "action", file: "lib/notifications/actions.ts", exportName: "markReadAction" },
    // A fresh unread notice for each role's demo user (already emailed, so delivery leaves it alone),
    // so that whoever calls marks a real notice read.
    prepare: async (db) => {
      const people = await db.select({ id: users.id }).from(users).where(inArray(users.email, DEMO_USERS));
      const rows = await db
        .insert(notifications)
        .values(people.map((p) => ({ userId: p.id, kind: "task_assigned" as const, title: "A notice to mark read", href: "/inbox", emailedAt: new Date() })))
        .returning({ id: notifications.id, userId: notifications.userId });
      return { fields: { id: rows.map((r) => r.id) } };
    },
    writes: ["notifications"],
  },
]);
