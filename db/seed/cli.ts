/**
 * `npm run db:seed`: migrates the configured database and writes the demo data unless it is
 * already there. Works on PGlite (PGLITE_DIR, default .data/pglite) and on PostgreSQL (DATABASE_URL).
 */
import { type Database, type DatabaseTarget, describeTarget, openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { seedDemoData } from "./index";

function targetFromProcessEnv(): DatabaseTarget {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  return { kind: "pglite", dir: process.env.PGLITE_DIR?.trim() || ".data/pglite" };
}

async function main(): Promise<void> {
  const target = targetFromProcessEnv();
  const where = describeTarget(target);
  let database: Database | undefined;
  try {
    database = await openDatabase(target);
    await migrateDatabase(database);
    const { seeded } = await seedDemoData(database.db);
    console.log(seeded ? `Seeded demo data into ${where}.` : `Demo data already present in ${where}; nothing changed.`);
  } finally {
    await database?.close();
  }
}

/** The error's message, plus its cause's (a failed query names the SQL; its cause says why). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && !error.message.includes(cause) ? `${error.message}\n  Cause: ${cause}` : error.message;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // The messages say what to do (for example, a PGlite folder locked by a running server): no stack.
    console.error(`Seeding failed: ${describeError(error)}`);
    process.exit(1);
  },
);
