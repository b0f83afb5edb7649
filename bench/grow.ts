/**
 * `npx tsx bench/grow.ts DIR`: an embedded database in DIR with the demo data grown to 100 times its
 * size (bench/generate.ts), e.g. to time `npm run db:move-to-postgres` on it (.ci/run does).
 */
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/lib/demo";
import { growTo100x } from "./generate";

const dir = process.argv[2];
if (!dir) {
  console.error("Usage: npx tsx bench/grow.ts DIR");
  process.exit(1);
}
const database = await openDatabase({ kind: "pglite", dir });
try {
  await migrateDatabase(database);
  await seedDemoData(database.db);
  const began = Date.now();
  await growTo100x(database.db);
  console.log(`Demo data grown to 100 times in ${dir} (${((Date.now() - began) / 1000).toFixed(1)} s).`);
} finally {
  await database.close();
}
