import { Readable } from "node:stream";
import { prepareDatabase } from "@/db";
import { readEnv } from "@/lib/env";
import { backupStream } from "@/lib/ops/backup";
import { bearerMatches, readOpsToken } from "@/lib/ops/ops-token";

/**
 * `npm run db:backup` on the embedded database: the server that holds the folder writes the backup
 * from one consistent snapshot. Answers only the token the server wrote beside its folder at start.
 */
export async function POST(request: Request) {
  const env = readEnv();
  const token = env.DATABASE_URL ? null : readOpsToken(env.PGLITE_DIR);
  if (!bearerMatches(request.headers.get("authorization"), token)) {
    return Response.json(
      { error: { code: "unauthorized", message: "This route answers only the backup command on the server's own machine." } },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
  }
  const { database } = await prepareDatabase();
  const body = Readable.toWeb(backupStream(database)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: { "content-type": "application/gzip", "cache-control": "no-store" } });
}

export const dynamic = "force-dynamic";
