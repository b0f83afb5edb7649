import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { type Database, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { motions, users } from "@/db/schema";
import { loadActorAndTimezone } from "@/lib/auth/actor";
import { listBoardComposition } from "@/lib/board/queries";
import { loadDashboard } from "@/lib/dashboard/queries";
import { seedDemoData } from "@/lib/demo";
import { listPolicies } from "@/lib/policies/queries";
import { getRegistryEntry, searchRegistry } from "@/lib/registry/queries";
import { finaliseIfDueAndGetMotion } from "@/lib/votes/queries";
import { growTo100x } from "./generate";

/**
 * `npm run bench:prepared` (needs DATABASE_URL naming a PostgreSQL server): the app's hot reads,
 * run through the app's own query functions on two clients of one fresh database, one with
 * unnamed statements (DATABASE_PREPARE=false) and one with prepared statements (the default). The
 * two take turns, round after round, so both meet the same server state; each round runs every
 * read once, in order, on a pool of one connection (so the prepared one reuses its statements, as
 * each pooled connection does once warm). Prints the median per read and the ratio.
 *
 * BENCH_ROUNDS (default 300), BENCH_SIZES=100x for 100 times the demo data, and
 * BENCH_DATABASE_PREFIX (default pillars_bench_) for the scratch database's name.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const SIZE = process.env.BENCH_SIZES === "100x" ? "100x" : "1x";
const PREFIX = process.env.BENCH_DATABASE_PREFIX ?? "pillars_bench_";

type Read = { name: string; run: (database: Database) => Promise<unknown> };

async function open(url: string, prepare: boolean, poolMax = 1): Promise<Database> {
  process.env.DATABASE_PREPARE = prepare ? "true" : "false";
  process.env.DATABASE_POOL_MAX = String(poolMax);
  return openDatabase({ kind: "postgres", url });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a PostgreSQL server (the scratch database is created beside it).");
  const server = new URL(process.env.DATABASE_URL);
  const name = `${PREFIX}prepared_${SIZE}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    // Migrating holds one connection for its lock while it runs on another.
    const setup = await open(url.toString(), false, 4);
    await migrateDatabase(setup);
    console.log("Seeding the demo data…");
    await seedDemoData(setup.db);
    if (SIZE === "100x") await growTo100x(setup.db);
    const [director] = await setup.db.select({ id: users.id }).from(users).where(eq(users.email, "gov2@example.org"));
    const [secretariat] = await setup.db.select({ id: users.id }).from(users).where(eq(users.email, "secretariat@example.org"));
    const [motion] = await setup.db.select({ id: motions.id }).from(motions).where(eq(motions.status, "open")).limit(1);
    await setup.db.execute(sql`vacuum analyze`);
    await setup.close();

    const actorOf = async (database: Database, id: string) => (await loadActorAndTimezone(database.db, id))!.actor;
    const reads: Read[] = [
      { name: "signed-in actor (every signed-in page)", run: (d) => loadActorAndTimezone(d.db, director!.id) },
      { name: "registry search (20 rows and count)", run: (d) => searchRegistry(d.db, {}) },
      { name: "registry entry", run: (d) => getRegistryEntry(d.db, "meridian-protective-services") },
      { name: "board composition", run: (d) => listBoardComposition(d.db) },
      { name: "policies list", run: (d) => listPolicies(d.db, null, {}) },
      { name: "dashboard (secretariat)", run: async (d) => loadDashboard(d.db, await actorOf(d, secretariat!.id)) },
      { name: "open motion (director)", run: async (d) => finaliseIfDueAndGetMotion(d.db, await actorOf(d, director!.id), motion!.id) },
    ];

    console.log(`Timing ${reads.length} reads, ${ROUNDS} rounds…`);
    const clients = { unnamed: await open(url.toString(), false), prepared: await open(url.toString(), true) };
    const times = { unnamed: reads.map(() => [] as number[]), prepared: reads.map(() => [] as number[]) };
    try {
      // Warm-up: each client's connection opens, each prepared statement is prepared once.
      for (const mode of ["unnamed", "prepared"] as const) for (let i = 0; i < 10; i++) for (const read of reads) await read.run(clients[mode]);
      for (let round = 0; round < ROUNDS; round++) {
        for (const mode of round % 2 === 0 ? (["unnamed", "prepared"] as const) : (["prepared", "unnamed"] as const)) {
          for (const [i, read] of reads.entries()) {
            const started = process.hrtime.bigint();
            await read.run(clients[mode]);
            times[mode][i]!.push(Number(process.hrtime.bigint() - started) / 1e6);
          }
        }
      }
    } finally {
      await clients.unnamed.close();
      await clients.prepared.close();
    }

    console.log(`PostgreSQL, ${SIZE} the demo data, ${ROUNDS} rounds; median ms per read (each read is one or more statements)`);
    const rows = reads.map((read, i) => {
      const unnamed = median(times.unnamed[i]!);
      const prepared = median(times.prepared[i]!);
      return { read: read.name, unnamedMs: unnamed.toFixed(2), preparedMs: prepared.toFixed(2), ratio: (prepared / unnamed).toFixed(2) };
    });
    const total = (mode: "unnamed" | "prepared") =>
      median(times[mode][0]!.map((_, round) => times[mode].reduce((sum, series) => sum + series[round]!, 0)));
    rows.push({
      read: "all of them, one round",
      unnamedMs: total("unnamed").toFixed(2),
      preparedMs: total("prepared").toFixed(2),
      ratio: (total("prepared") / total("unnamed")).toFixed(2),
    });
    console.table(rows);
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
