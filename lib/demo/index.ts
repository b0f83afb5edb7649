import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { DB, Tx } from "@/db/client";
import { pillars, users } from "@/db/schema";
import { seedBoard } from "./board";
import { seedConsultations } from "./consultations";
import type { SeedContext } from "./context";
import { seedAuditLog, seedNotifications } from "./notifications";
import { seedOrganizations, seedStatusHistory } from "./organizations";
import { DEMO_PASSWORD } from "./people";
import { seedPolicies } from "./policies";
import { seedTasks } from "./tasks";
import { seedPeople } from "./users";
import { seedMotions } from "./votes";

/** The demo data is present when this account exists. */
const MARKER_EMAIL = "admin@example.org";
// Serialises concurrent seeders on one database (two processes starting at once).
const SEED_LOCK_KEY = 7_245_312;

export async function isDatabaseEmpty(db: DB): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(pillars);
  return (rows[0]?.n ?? 0) === 0;
}

async function demoDataPresent(db: DB | Tx): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, MARKER_EMAIL)).limit(1);
  return rows.length > 0;
}

/**
 * Writes the demo data once, in one transaction; a second run finds it and changes nothing.
 * Dates are relative to `now`, so the data looks current whenever it is written.
 */
export async function seedDemoData(db: DB, options: { now?: Date } = {}): Promise<{ seeded: boolean }> {
  if (await demoDataPresent(db)) return { seeded: false };
  // Demo data only: one hash (with its own salt) shared by every demo account keeps start-up fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = options.now ?? new Date();

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await demoDataPresent(tx)) return { seeded: false };

    // `rules` is filled in by seedBoard, before any step that reads it.
    const ctx = {
      now,
      passwordHash,
      orgs: {},
      users: {},
      seatOf: {},
      policies: {},
      motions: {},
      tasks: {},
    } as Omit<SeedContext, "rules"> as SeedContext;

    await seedOrganizations(tx, ctx);
    await seedPeople(tx, ctx);
    await seedStatusHistory(tx, ctx);
    await seedBoard(tx, ctx);
    await seedPolicies(tx, ctx);
    await seedConsultations(tx, ctx);
    await seedMotions(tx, ctx);
    await seedTasks(tx, ctx);
    await seedNotifications(tx, ctx);
    await seedAuditLog(tx, ctx);
    return { seeded: true };
  });
}
