import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { signInCookie, type Server } from "@/bench/server";
import { type DB, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { lockPathFor } from "@/db/pglite-lock";
import { comments } from "@/db/schema";
import { seedDemoData } from "@/lib/demo";
import { insertConsultation } from "@/lib/policies/test-fixtures";
import { catalogCase } from "./concurrency";
import { createPostgresDatabase, ROLE_USERS, send, startApp } from "./harness";

/**
 * kill -9 of the server in the middle of a stream of acknowledged writes (comments on an open
 * consultation, over HTTP), then a restart on the same database: every write the server acknowledged must be there.
 * On PGlite the killed process leaves its folder lock behind; the restart must take it over.
 */
const WRITES = Number(process.env.RELIABILITY_CRASH_WRITES ?? 1000);
const IN_FLIGHT = 5;
const comment = catalogCase("create comment");

/** An open consultation and one of its paragraphs, prepared before the server starts. */
type Target = { consultationId: string; slug: string; paragraphKey: string };
type Figures = { acknowledged: string[]; inDoubt: number; killedAfter: number; restartMs: number };

/** Sends comments until WRITES are acknowledged, killing the server with SIGKILL once along the way. */
async function writeThroughACrash(
  start: () => Promise<Server>,
  label: string,
  target: Target,
  afterKill = () => {},
): Promise<Figures & { server: Server }> {
  let server = await start();
  const cookie = await signInCookie(server.url, ROLE_USERS.secretariat);
  const killAt = Math.floor(WRITES * (0.3 + Math.random() * 0.3));
  const acknowledged: string[] = [];
  let inDoubt = 0;
  let sequence = 0;
  let restarting: Promise<void> | null = null;
  let restartMs = 0;

  const crashAndRestart = async () => {
    const killed = server;
    killed.process.kill("SIGKILL");
    await new Promise((resolve) =>
      killed.process.exitCode !== null || killed.process.signalCode ? resolve(null) : killed.process.once("exit", resolve),
    );
    afterKill();
    const began = Date.now();
    server = await start();
    restartMs = Date.now() - began;
  };

  const worker = async () => {
    while (acknowledged.length < WRITES) {
      if (restarting) await restarting;
      const body = `Crash test comment ${label} ${++sequence}.`;
      const fields = { ...target, quote: "", body, parentId: "" };
      try {
        const sent = await send(server.url, comment, { fields }, { cookie });
        if (sent.outcome === "allowed") acknowledged.push(body);
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

async function countPresent(db: DB, bodies: string[]): Promise<number> {
  let present = 0;
  for (let i = 0; i < bodies.length; i += 500) {
    present += (
      await db
        .select({ id: comments.id })
        .from(comments)
        .where(inArray(comments.body, bodies.slice(i, i + 500)))
    ).length;
  }
  return present;
}

async function openConsultationIn(db: DB): Promise<Target> {
  const c = await insertConsultation(db);
  return { consultationId: c.consultationId, slug: c.slug, paragraphKey: c.keys[1]! };
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
    const target = await openConsultationIn(database.db);
    const run = await writeThroughACrash(() => startApp(3721, database), "pg", target);
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
    // PGlite serves one process: the consultation is written before the server opens the folder.
    const seeding = await openDatabase({ kind: "pglite", dir });
    let target: Target;
    try {
      await migrateDatabase(seeding);
      await seedDemoData(seeding.db);
      target = await openConsultationIn(seeding.db);
    } finally {
      await seeding.close();
    }
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
      target,
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
