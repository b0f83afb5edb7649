/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { type Database, describeError, describeTarget, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { targetFromEnv } from "./target";

async function main(): Promise<void> {
  const target = targetFromEnv();
  let database: Database | undefined;
  try {
    database = await openDatabase(target);
    await migrateDatabase(database);
    console.log(`Migrations applied to ${describeTarget(target)}.`);
  } finally {
    await database?.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Migration failed: ${describeError(error)}`);
    process.exit(1);
  },
);
