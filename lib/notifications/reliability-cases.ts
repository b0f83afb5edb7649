import { inArray, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { defineHttpCases, type HttpCase } from "@/lib/testing/http-cases";

/**
 * Marks the outbox sent before a request is prepared. Actions email their notices just after the
 * response (and a sweep every 30 s catches the rest), so without this a delivery still in flight
 * from the previous call would change `notifications` while the suite compares snapshots. Once a
 * notice is claimed, delivery never writes it again.
 */
export async function settleOutbox(db: DB): Promise<void> {
  await db.update(notifications).set({ emailedAt: new Date() }).where(isNull(notifications.emailedAt));
}

/** The entries, each preparing its request on a settled outbox. */
export function withSettledOutbox(cases: HttpCase[]): HttpCase[] {
  return cases.map((c) => ({ ...c, prepare: async (db: DB) => (await settleOutbox(db), c.prepare(db)) }));
}

// The demo user of each role (as in reliability/harness.ts), who may all mark their own notices read.
const DEMO_USERS = ["admin@example.org", "secretariat@example.org", "cso2@example.org", "gov1@example.org", "rep.psc@example.org"];

/** How the reliability suite (reliability/) reaches the inbox and its mark-read action over HTTP. */
export const httpCases = withSettledOutbox(
  defineHttpCases([
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
          .values(
            people.map((p) => ({
              userId: p.id,
              kind: "task_assigned" as const,
              title: "A notice to mark read",
              href: "/inbox",
              emailedAt: new Date(),
            })),
          )
          .returning({ id: notifications.id, userId: notifications.userId });
        return { fields: { id: rows.map((r) => r.id) } };
      },
      writes: ["notifications"],
    },
  ]),
);
