import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readEnv } from "@/lib/env";
import { resolveAuthSecret } from "./secret";

/** Runs in a fresh working directory, where the secret is kept in .data/auth-secret. */
function inTempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pillars-secret-"));
  vi.spyOn(process, "cwd").mockReturnValue(dir);
  return path.join(dir, ".data", "auth-secret");
}

describe("the session secret", () => {
  afterEach(() => vi.restoreAllMocks());

  it("uses AUTH_SECRET when it is set", () => {
    const env = readEnv({ AUTH_SECRET: "s".repeat(40), NODE_ENV: "production", DATABASE_URL: "postgres://h/db" });
    inTempDir();
    expect(resolveAuthSecret(env)).toBe("s".repeat(40));
  });

  it("refuses to run a production server on PostgreSQL without one, and says why", () => {
    const env = readEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://h/db" });
    inTempDir();
    expect(() => resolveAuthSecret(env)).toThrow(/AUTH_SECRET is not set\. A production server on PostgreSQL needs a fixed secret/);
  });

  it("generates one for a local embedded database, keeps it private, and reuses it", () => {
    const file = inTempDir();
    const env = readEnv({ NODE_ENV: "production" });
    const first = resolveAuthSecret(env);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(env)).toBe(first);
  });

  it("rejects a short AUTH_SECRET with a message that says how to make one", () => {
    expect(() => readEnv({ AUTH_SECRET: "short" })).toThrow(/openssl rand -base64 33/);
  });
});
