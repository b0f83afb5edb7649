/**
 * `npm run db:seed`: migrates the configured database and writes the demo data unless it is
 * already there. Works on PGlite (PGLITE_DIR, default .data/pglite) and on PostgreSQL (DATABASE_URL).
 */
import { type Database, describeTarget, describeError, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { targetFromEnv } from "@/db/target";
import { seedDemoData } from "./index";

async function main(): Promise<void> {
  const target = targetFromEnv();
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

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // The messages say what to do (for example, a PGlite folder locked by a running server): no stack.
    console.error(`Seeding failed: ${describeError(error)}`);
    process.exit(1);
  },
);
