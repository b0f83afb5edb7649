import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { signInCookie, type Server } from "@/bench/server";
import { type DB, openDatabase } from "@/db/client";
import { lockPathFor } from "@/db/pglite-lock";
import { users } from "@/db/schema";
import { catalogCase } from "./concurrency";
import { createPostgresDatabase, ROLE_USERS, send, startApp } from "./harness";

/**
 * kill -9 of the server in the middle of a stream of acknowledged writes (account creations over
 * HTTP), then a restart on the same database: every write the server acknowledged must be there.
 * On PGlite the killed process leaves its folder lock behind; the restart must take it over.
 */
const WRITES = Number(process.env.RELIABILITY_CRASH_WRITES ?? 1000);
const IN_FLIGHT = 5;
const create = catalogCase("create user");

type Figures = { acknowledged: string[]; inDoubt: number; killedAfter: number; restartMs: number };

/** Sends account creations until WRITES are acknowledged, killing the server with SIGKILL once along the way. */
async function writeThroughACrash(start: () => Promise<Server>, label: string, afterKill = () => {}): Promise<Figures & { server: Server }> {
  let server = await start();
  const cookie = await signInCookie(server.url, ROLE_USERS.admin);
  // The form's own organisation list gives a valid id without opening the (single-process) database.
  const page = await (await fetch(`${server.url}/admin/users`, { headers: { cookie } })).text();
  const organizationId = /<option value="([0-9a-f-]{36})"/.exec(page)?.[1];
  expect(organizationId, "an organisation on the users page").toBeTruthy();
  const killAt = Math.floor(WRITES * (0.3 + Math.random() * 0.3));
  const acknowledged: string[] = [];
  let inDoubt = 0;
  let sequence = 0;
  let restarting: Promise<void> | null = null;
  let restartMs = 0;

  const crashAndRestart = async () => {
    const killed = server;
    killed.process.kill("SIGKILL");
    await new Promise((resolve) => (killed.process.exitCode !== null || killed.process.signalCode ? resolve(null) : killed.process.once("exit", resolve)));
    afterKill();
    const began = Date.now();
    server = await start();
    restartMs = Date.now() - began;
  };

  const worker = async () => {
    while (acknowledged.length < WRITES) {
      if (restarting) await restarting;
      const email = `crash.${label}.${++sequence}@example.org`;
      const fields = { name: "Crash Test", email, organizationId: organizationId!, password: "a-long-enough-password", roles: ["representative"] };
      try {
        const sent = await send(server.url, create, { fields }, { cookie });
        if (sent.outcome === "allowed") acknowledged.push(email);
        else inDoubt++;
      } catch {
        inDoubt++; // The connection died with the server: not acknowledged, maybe written.
      }
      if (!restarting && acknowledged.length >= killAt) {
        restarting = crashAndRestart();
        await restarting;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { acknowledged: acknowledged.slice(0, WRITES), inDoubt, killedAfter: killAt, restartMs, server };
}

async function countPresent(db: DB, emails: string[]): Promise<number> {
  let present = 0;
  for (let i = 0; i < emails.length; i += 500) {
    present += (await db.select({ email: users.email }).from(users).where(inArray(users.email, emails.slice(i, i + 500)))).length;
  }
  return present;
}

function report(database: string, f: Figures, present: number): void {
  console.log(
    `crash (${database}): ${f.acknowledged.length} acknowledged, ${present} present, ${f.acknowledged.length - present} lost; ` +
      `killed with SIGKILL after ${f.killedAfter} acknowledged (${f.inDoubt} in flight, not acknowledged), restarted in ${(f.restartMs / 1000).toFixed(1)} s`,
  );
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("crash: kill -9 during acknowledged writes, then restart", () => {
  it("on PostgreSQL, every acknowledged write is present", async () => {
    const database = await createPostgresDatabase();
    cleanups.push(() => database.drop());
    const run = await writeThroughACrash(() => startApp(3721, database), "pg");
    cleanups.push(() => run.server.stop());
    const present = await countPresent(database.db, run.acknowledged);
    report("PostgreSQL", run, present);
    expect(run.acknowledged.length).toBe(WRITES);
    expect(present).toBe(WRITES);
  });

  it("on PGlite, the stale folder lock is recovered and every acknowledged write is present", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "pillars-crash-"));
    cleanups.push(async () => rmSync(root, { recursive: true, force: true }));
    const dir = path.join(root, "pglite");
    const pids: number[] = [];
    const lockHolder = () => Number(JSON.parse(readFileSync(lockPathFor(dir), "utf8")).pid);
    let staleHolder = 0;
    const run = await writeThroughACrash(
      async () => {
        const server = await startApp(3722, { pgliteDir: dir });
        pids.push(server.pid);
        return server;
      },
      "pglite",
      () => (staleHolder = lockHolder()),
    );
    // The killed server left its lock behind; the restarted one took it over.
    expect(pids).toHaveLength(2);
    expect(staleHolder, "the killed server's lock was left behind").toBe(pids[0]);
    expect(lockHolder(), "the restarted server holds the lock").toBe(pids[1]);
    console.log(`crash (PGlite): the lock left by killed pid ${staleHolder} was taken over by pid ${pids[1]}`);
    await run.server.stop();
    const database = await openDatabase({ kind: "pglite", dir });
    try {
      const present = await countPresent(database.db, run.acknowledged);
      report("PGlite", run, present);
      expect(run.acknowledged.length).toBe(WRITES);
      expect(present).toBe(WRITES);
    } finally {
      await database.close();
    }
  });
});
