import { createHash, randomBytes } from "node:crypto";

/** A secret for a one-time link: 32 random bytes, base64url. Only its hash is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

/** SHA-256 of a link's secret, as stored: a stolen table gives no working link. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** Whether a string can be one of our link secrets at all (43 base64url characters). */
export function isLinkToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
