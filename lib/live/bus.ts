import "server-only";
import { prepareDatabase } from "@/db";
import type { Database } from "@/db/client";
import { logError } from "@/lib/log";

/**
 * The process's one subscription to the database channel `pillars_live`, fanned out in process to
 * the open event streams. The database's triggers (migration 0011) send a topic when a transaction
 * that changed a motion, comments or notices commits, so writes by any process reach every process:
 * on PostgreSQL through LISTEN/NOTIFY on one connection (postgres.js reconnects and listens again),
 * on PGlite through its own listen(), in this one process.
 */
export const LIVE_CHANNEL = "pillars_live";

/** Open streams per process at most; one more is refused (503) rather than exhausting memory. */
export const MAX_LIVE_SUBSCRIBERS = Number(process.env.LIVE_MAX_SUBSCRIBERS ?? 500);

type Listener = (topic: string) => void;
type Bus = { listeners: Map<string, Set<Listener>>; count: number; started?: Promise<void> };

// Next bundles route handlers separately, so the one bus lives on globalThis, as the database does.
const globalForLive = globalThis as unknown as { __pillarsLive?: Bus };
const bus: Bus = (globalForLive.__pillarsLive ??= { listeners: new Map(), count: 0 });

function deliver(payload: string): void {
  for (const listener of bus.listeners.get(payload) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      logError("A live update listener failed", error);
    }
  }
}

async function appDatabase(): Promise<Database> {
  return (await prepareDatabase()).database;
}

function startListening(open: () => Promise<Database>): Promise<void> {
  bus.started ??= (async () => {
    const database = await open();
    let listened = false;
    // postgres.js listens again after a lost connection; what changed meanwhile was not heard, so
    // every page following anything reads itself again.
    const onListen = () => {
      if (listened) for (const topic of [...bus.listeners.keys()]) deliver(topic);
      listened = true;
    };
    if (database.postgresClient) await database.postgresClient.listen(LIVE_CHANNEL, deliver, onListen);
    else if (database.pgliteClient) await database.pgliteClient.listen(LIVE_CHANNEL, deliver);
  })();
  bus.started.catch(() => (bus.started = undefined));
  return bus.started;
}

export class LiveBusFull extends Error {}

/**
 * Calls `listener` with the topic after each committed change to any of `topics`; returns the
 * function that stops it. Resolves once the process listens, so nothing committed after is missed.
 * `open` names the database (tests pass their own; the app listens on its one database).
 */
export async function subscribe(topics: string[], listener: Listener, open = appDatabase): Promise<() => void> {
  if (bus.count >= MAX_LIVE_SUBSCRIBERS) throw new LiveBusFull("Too many live connections to this process.");
  await startListening(open);
  bus.count++;
  for (const topic of topics) {
    const set = bus.listeners.get(topic) ?? new Set();
    set.add(listener);
    bus.listeners.set(topic, set);
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    bus.count--;
    for (const topic of topics) {
      const set = bus.listeners.get(topic);
      set?.delete(listener);
      if (set?.size === 0) bus.listeners.delete(topic);
    }
  };
}

/** Open subscriptions in this process (tests check that a closed stream leaves none behind). */
export function liveSubscriberCount(): number {
  return bus.count;
}
