import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { AppError } from "@/lib/errors";
import { checkCredentials } from "./credentials";
import { THROTTLE } from "./throttle";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

async function attempt(email: string, password: string, ip: string) {
  try {
    return { userId: await checkCredentials(t.db, { email, password, ip }) };
  } catch (error) {
    if (error instanceof AppError) return { error: error.code, message: error.message };
    throw error;
  }
}

describe("sign-in throttling", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    expect((await attempt("gov4@example.org", "pillars-demo", "10.0.0.1")).userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await attempt("gov4@example.org", "wrong", "10.0.0.1")).toEqual({ userId: null });
    expect(await attempt("nobody@example.org", "pillars-demo", "10.0.0.1")).toEqual({ userId: null });
  });

  it(`locks an account after ${THROTTLE.maxPerAccount} failures, even with the right password, from any address`, async () => {
    for (let i = 0; i < THROTTLE.maxPerAccount; i++) {
      expect(await attempt("cso3@example.org", `wrong-${i}`, `10.0.1.${i}`)).toEqual({ userId: null });
    }
    const locked = await attempt("cso3@example.org", "pillars-demo", "10.0.9.9");
    expect(locked.error).toBe("throttled");
    expect(locked.message).toMatch(/Too many failed sign-in attempts\. Try again in 1[45] minutes\./);
    // Other accounts are unaffected.
    expect((await attempt("cso4@example.org", "pillars-demo", "10.0.9.9")).userId).toBeTruthy();
  });

  it(`blocks an address after ${THROTTLE.maxPerIp} failures across accounts`, async () => {
    const emails = ["psc1", "psc2", "psc3", "psc4", "gov2"].map((name) => `${name}@example.org`);
    for (let i = 0; i < THROTTLE.maxPerIp; i++) await attempt(emails[i % emails.length]!, "wrong", "192.0.2.7");
    expect((await attempt("rep.gov@example.org", "pillars-demo", "192.0.2.7")).error).toBe("throttled");
    expect((await attempt("rep.gov@example.org", "pillars-demo", "192.0.2.8")).userId).toBeTruthy();
  });

  it("forgets failures once the window has passed", async () => {
    await t.db.execute(sql`update login_attempts set at = at - interval '16 minutes' where email = 'cso3@example.org'`);
    expect((await attempt("cso3@example.org", "pillars-demo", "10.0.9.9")).userId).toBeTruthy();
  });
});
