import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { resolveAuthSecret } from "./secret";

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), "pillars-secret-")), ".data", "auth-secret");

describe("the session secret", () => {
  it("uses AUTH_SECRET when it is set", () => {
    const env = readEnv({ AUTH_SECRET: "s".repeat(40), NODE_ENV: "production", DATABASE_URL: "postgres://h/db" });
    expect(resolveAuthSecret(env, tempFile())).toBe("s".repeat(40));
  });

  it("refuses to run a production server on PostgreSQL without one, and says why", () => {
    const env = readEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://h/db" });
    expect(() => resolveAuthSecret(env, tempFile())).toThrow(/AUTH_SECRET is not set\. A production server on PostgreSQL needs a fixed secret/);
  });

  it("generates one for a local embedded database, keeps it private, and reuses it", () => {
    const file = tempFile();
    const env = readEnv({ NODE_ENV: "production" });
    const first = resolveAuthSecret(env, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(env, file)).toBe(first);
  });

  it("rejects a short AUTH_SECRET with a message that says how to make one", () => {
    expect(() => readEnv({ AUTH_SECRET: "short" })).toThrow(/openssl rand -base64 33/);
  });
});
