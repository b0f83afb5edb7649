import type { Server } from "@/bench/server";
import type { DB } from "@/db/client";
import type { Role } from "@/lib/auth/permissions";
import type { HttpCase, HttpRequest } from "./catalog";
import { CATALOG, inParallel, send, type Sent } from "./harness";

/** One call of a scenario: a catalog entry, a valid request for it, and who sends it. */
export type ConcurrentCall = { case: HttpCase; request: HttpRequest; as: Role | string | null };
export type Signed = { cookieOf: (who: Role | string) => Promise<string> };

/**
 * A concurrency scenario: `build` returns the calls (all sent at once, split across the app
 * processes); `check` reads the database afterwards and returns the scenario's figures, throwing
 * (or failing an expect) when rows or tallies are wrong. To add one, append it to
 * reliability/concurrency-scenarios.ts; the suite runs every scenario on two processes.
 */
export type ConcurrencyScenario<S = unknown> = {
  name: string;
  /** Calls in flight per app process. */
  perProcess: number;
  build: (db: DB) => Promise<{ calls: ConcurrentCall[]; state: S }>;
  check: (db: DB, calls: ConcurrentCall[], results: Sent[], state: S) => Promise<string>;
};

export function defineScenario<S>(scenario: ConcurrencyScenario<S>): ConcurrencyScenario {
  return scenario as unknown as ConcurrencyScenario;
}

/** The catalog entry of that name (throws for an unknown one, so a renamed entry is noticed). */
export function catalogCase(name: string): HttpCase {
  const found = CATALOG.find((c) => c.name === name);
  if (!found) throw new Error(`No HTTP case named "${name}" in any lib/**/reliability-cases.ts`);
  return found;
}

/**
 * Sends every call at once, call i to process i mod n, with at most `perProcess` in flight on each
 * process. `as` is a role (its demo user), an email, or null for nobody. Results are in call order.
 */
export async function runConcurrently(servers: Server[], calls: ConcurrentCall[], perProcess: number, signed: Signed): Promise<Sent[]> {
  const cookies = new Map<string, string>();
  for (const who of new Set(calls.map((c) => c.as))) if (who) cookies.set(who, await signed.cookieOf(who));
  const results = new Array<Sent>(calls.length);
  await Promise.all(
    servers.map((server, s) => {
      const mine = calls.map((call, i) => ({ call, i })).filter(({ i }) => i % servers.length === s);
      return inParallel(mine.length, perProcess, async (k) => {
        const { call, i } = mine[k]!;
        results[i] = await send(server.url, call.case, call.request, { cookie: call.as ? cookies.get(call.as) : undefined });
      });
    }),
  );
  return results;
}
