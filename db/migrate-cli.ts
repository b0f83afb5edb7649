/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { type Database, describeError, describeTarget, openDatabase } from "./client";
import { CANNOT_START } from "@/lib/exit-codes";
import { DatabaseNewerThanCodeError, migrateDatabase } from "./migrate";
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
    // A database newer than this code is the operator's to fix (another version): not a retryable failure.
    process.exit(error instanceof DatabaseNewerThanCodeError ? CANNOT_START : 1);
  },
);
