import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A server on the embedded database holds its folder alone (db/pglite-lock.ts), so `npm run db:backup`
 * asks that server for the backup. The server proves the request comes from someone who can read
 * the database folder's surroundings: at start it writes a fresh random token beside the folder's
 * lock file, readable by its owner only, and the backup route answers only that token.
 */
export function opsTokenPath(folder: string): string {
  return `${path.resolve(folder)}.ops-token`;
}

export function writeOpsToken(folder: string): void {
  writeFileSync(opsTokenPath(folder), randomBytes(32).toString("hex"), { mode: 0o600 });
}

export function readOpsToken(folder: string): string | null {
  try {
    return readFileSync(opsTokenPath(folder), "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** Whether an `Authorization: Bearer …` header carries `expected` (compared in constant time). */
export function bearerMatches(header: string | null, expected: string | null | undefined): boolean {
  if (!expected || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length).trim());
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
