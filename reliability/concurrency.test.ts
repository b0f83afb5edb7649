import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, type Server } from "@/bench/server";
import type { Role } from "@/lib/auth/permissions";
import { runConcurrently } from "./concurrency";
import { SCENARIOS } from "./concurrency-scenarios";
import { createPostgresDatabase, type FreshPostgres, ROLE_USERS, startApp, PORT_BASE } from "./harness";

/** Two app processes on one PostgreSQL database; each scenario's calls are split across both. */
let database: FreshPostgres;
let servers: Server[] = [];

beforeAll(async () => {
  database = await createPostgresDatabase();
  servers = await Promise.all([startApp(PORT_BASE + 11, database), startApp(PORT_BASE + 12, database)]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database?.drop();
});

describe("concurrency: two app processes on one PostgreSQL database", () => {
  expect(SCENARIOS.length).toBeGreaterThan(0);
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const { calls, state } = await scenario.build(database.db);
      const started = Date.now();
      const signed = { cookieOf: (who: string) => signInCookie(servers[0]!.url, ROLE_USERS[who as Role] ?? who) };
      const results = await runConcurrently(servers, calls, scenario.perProcess, signed);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const figures = await scenario.check(database.db, calls, results, state);
      console.log(`concurrency, ${scenario.name}: ${figures} (${seconds} s on ${servers.length} processes)`);
    });
  }
});
