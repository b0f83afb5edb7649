import { count, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { invitations } from "@/db/schema";
import type { Sent } from "./harness";
import { catalogCase, type ConcurrencyScenario, type ConcurrentCall, defineScenario } from "./concurrency";
import { ballotsScenario } from "./scenarios/ballots";
import { concurrentComments } from "./scenarios/comments";
import { taskUpdates } from "./scenarios/task-updates";

/**
 * The concurrency scenarios, each run through two app processes on one PostgreSQL database.
 *
 * To add one (e.g. 12 directors × 20 concurrent ballots, or 500 concurrent comments and task
 * updates): give the actions catalog entries in lib/<domain>/reliability-cases.ts, then append a
 * `defineScenario({...})` here whose `build` prepares the targets with the entries' `prepare` (or its
 * own inserts) and returns the calls, each with the role or email that sends it, and whose `check`
 * counts the rows and tallies the calls must leave and returns one line of figures.
 */
const DISTINCT = 100;
const DUPLICATED = 10;
const COPIES = 5;

export const SCENARIOS: ConcurrencyScenario[] = [
  defineScenario({
    name: "invite person",
    perProcess: 10,
    build: async (db) => {
      const create = catalogCase("invite person");
      const calls: ConcurrentCall[] = [];
      const emails: string[] = [];
      for (let i = 0; i < DISTINCT + DUPLICATED; i++) {
        const request = await create.prepare(db);
        const email = `concurrent.${i}@example.org`;
        emails.push(email);
        const copies = i < DISTINCT ? 1 : COPIES;
        for (let c = 0; c < copies; c++) calls.push({ case: create, request: { fields: { ...request.fields, email } }, as: "admin" });
      }
      // Interleave, so copies of one email land on both processes at the same moment.
      calls.sort((a, b) => String(a.request.fields!.email).localeCompare(String(b.request.fields!.email)));
      return { calls, state: { emails } };
    },
    check: async (db, calls, results, { emails }) => {
      const [stored] = await db.select({ n: count() }).from(invitations).where(inArray(invitations.email, emails));
      const accepted = results.filter((r) => r.outcome === "allowed").length;
      // The loser of a race is refused by the command's check or, at the same instant, by the unique index.
      const isDuplicate = (r: Sent) => r.outcome === "invalid" && /already has a pending invitation|already exists/.test(r.message ?? "");
      const conflicts = results.filter(isDuplicate).length;
      const others = results.filter((r) => r.outcome !== "allowed" && !isDuplicate(r));
      expect(
        others.map((r) => `${r.status} ${r.outcome} ${r.message ?? ""}`),
        "calls neither accepted nor refused as duplicates",
      ).toEqual([]);
      expect(stored!.n, "one row per distinct email").toBe(emails.length);
      expect(accepted).toBe(emails.length);
      expect(conflicts).toBe(DUPLICATED * (COPIES - 1));
      return `${calls.length} concurrent calls (${emails.length} distinct emails, ${DUPLICATED} sent ${COPIES} times), ${accepted} accepted, ${conflicts} refused as duplicates, ${stored!.n} rows`;
    },
  }),
  ballotsScenario,
  concurrentComments,
  taskUpdates,
];
