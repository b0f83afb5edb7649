import { prepareDatabase } from "@/db";
import { isDatabaseEmpty, seedDemoData } from "@/lib/demo";
import { DatabaseFolderLockedError } from "@/db/pglite-lock";
import { DatabaseNewerThanCodeError } from "@/db/migrate";
import { stampPeerAddresses } from "@/lib/auth/peer-address";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { readEnv } from "@/lib/env";
import { CANNOT_START } from "@/lib/exit-codes";
import { startEmailDelivery } from "@/lib/notifications/delivery";
import { writeOpsToken } from "@/lib/ops/ops-token";

export async function startServer(): Promise<void> {
  try {
    // Before the first request: throttling needs each request's own peer address.
    stampPeerAddresses();
    readEnv();
    resolveAuthSecret();
    const ready = await prepareDatabase();
    // An empty embedded database gets the demo data; a PostgreSQL server only by `npm run db:seed`.
    const seeded = ready.database.kind === "pglite" && (await isDatabaseEmpty(ready.database.db));
    if (seeded) await seedDemoData(ready.database.db);
    // `npm run db:backup` asks this server for the embedded database's backup, with this token.
    const { PGLITE_DIR } = readEnv();
    if (ready.database.kind === "pglite" && !PGLITE_DIR.startsWith("memory://")) writeOpsToken(PGLITE_DIR);
    console.log(`Database ready: ${ready.target}${seeded ? " (demo data written)" : ""}`);
    // Notices written by any action are emailed from the outbox (or logged without SMTP_URL).
    startEmailDelivery();
  } catch (error) {
    // A locked folder or a missing secret is the operator's to fix: say what, without a stack trace.
    const known =
      error instanceof DatabaseFolderLockedError ||
      error instanceof DatabaseNewerThanCodeError ||
      (error instanceof Error && (error.message.startsWith("AUTH_SECRET") || error.message.startsWith("Invalid configuration")));
    console.error(`\nPillars cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!known) console.error(error);
    // A configuration the operator must fix is not retried by `npm start`; anything else may pass.
    process.exit(known ? CANNOT_START : 1);
  }
}
