import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readEnv } from "@/lib/env";

/**
 * The secret that signs sessions. Set AUTH_SECRET in production; on a local embedded database one
 * is generated once and kept in .data/auth-secret, so sessions survive restarts without any set-up.
 */
export function resolveAuthSecret(env = readEnv()): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new Error(
      "AUTH_SECRET is not set. A production server on PostgreSQL needs a fixed secret shared by every app " +
        "process, or sessions break and can be forged. Generate one with `openssl rand -base64 33` and set AUTH_SECRET.",
    );
  }
  // A path the build can read statically: from a path it cannot, it would trace the whole project
  // into the server output.
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
