import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readEnv } from "@/lib/env";

export const GENERATED_SECRET_FILE = path.join(".data", "auth-secret");

/**
 * The secret that signs sessions. Set AUTH_SECRET in production; on a local embedded database one
 * is generated once and kept under .data/, so sessions survive restarts without any set-up.
 */
export function resolveAuthSecret(env = readEnv(), secretFile = GENERATED_SECRET_FILE): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new Error(
      "AUTH_SECRET is not set. A production server on PostgreSQL needs a fixed secret shared by every app " +
        "process, or sessions break and can be forged. Generate one with `openssl rand -base64 33` and set AUTH_SECRET.",
    );
  }
  const file = path.resolve(secretFile);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
