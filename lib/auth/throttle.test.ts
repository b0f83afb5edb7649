import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { AppError } from "@/lib/errors";
import { rowsOf } from "@/db/client";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";
import { checkCredentials, DEACTIVATED_MESSAGE, passwordChecksSoFar } from "./credentials";
import { BUSY_MESSAGE, SIGN_IN_SLOTS, withSignInSlot } from "./sign-in-slots";
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

function request(peer: string, forwardedFor?: string): Headers {
  const headers = new Headers({ [PEER_ADDRESS_HEADER]: peer });
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  return headers;
}

describe("the address a sign-in comes from", () => {
  it("without a trusted proxy is the connection's peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request("198.51.100.4", "1.2.3.4"), 0)).toBe("198.51.100.4");
    expect(clientAddress(request("::ffff:127.0.0.1", "1.2.3.4, 5.6.7.8"), 0)).toBe("127.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("unknown");
  });

  it("behind N trusted proxies is the entry N places from the right", () => {
    // The client wrote "6.6.6.6"; the one proxy appended the address it saw.
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1"), 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the leftmost; no header at all: the peer.
    expect(clientAddress(request("10.0.0.2", "203.0.113.7"), 3)).toBe("203.0.113.7");
    expect(clientAddress(request("10.0.0.2"), 1)).toBe("10.0.0.2");
  });
});

describe("sign-in throttling", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    expect((await attempt("gov4@example.org", "pillars-demo", "10.0.0.1")).userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await attempt("gov4@example.org", "wrong", "10.0.0.1")).toEqual({ userId: null });
    expect(await attempt("nobody@example.org", "pillars-demo", "10.0.0.1")).toEqual({ userId: null });
  });

  it(`60 failures with a changing X-Forwarded-For and no trusted proxy are throttled after ${THROTTLE.maxPerAddress}`, async () => {
    const emails = ["psc1", "psc2", "psc3", "psc4", "gov2", "gov3"].map((name) => `${name}@example.org`);
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) {
      const address = clientAddress(request("192.0.2.7", `198.18.${i}.${i}`), 0);
      const result = await attempt(emails[i % emails.length]!, `wrong-${i}`, address);
      outcomes.push(result.error ?? String(result.userId));
    }
    expect(outcomes.slice(0, THROTTLE.maxPerAddress)).toEqual(Array(THROTTLE.maxPerAddress).fill("null"));
    expect(outcomes.slice(THROTTLE.maxPerAddress)).toEqual(Array(60 - THROTTLE.maxPerAddress).fill("throttled"));
    // The right password from that address is refused too; from another address it signs in.
    expect((await attempt("rep.gov@example.org", "pillars-demo", "192.0.2.7")).message).toMatch(
      /^Too many failed sign-in attempts\. Try again in 1[45] minutes\.$/,
    );
    expect((await attempt("rep.gov@example.org", "pillars-demo", "192.0.2.8")).userId).toBeTruthy();
  });

  it(`50 simultaneous wrong guesses on one account check at most ${THROTTLE.maxPerAccountAndAddress} passwords`, async () => {
    const before = passwordChecksSoFar();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt("cso1@example.org", `guess-${i}`, "203.0.113.50")));
    expect(passwordChecksSoFar() - before).toBe(THROTTLE.maxPerAccountAndAddress);
    expect(results.filter((r) => r.userId === null)).toHaveLength(THROTTLE.maxPerAccountAndAddress);
    // The rest were refused: throttled, or turned away at once while every sign-in slot was taken.
    const refused = results.filter((r) => r.error === "throttled");
    expect(refused).toHaveLength(50 - THROTTLE.maxPerAccountAndAddress);
    expect(refused.filter((r) => r.message === BUSY_MESSAGE).length).toBe(50 - SIGN_IN_SLOTS.concurrent - SIGN_IN_SLOTS.waiting);
    const [row] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from login_attempts where email = 'cso1@example.org' and ip = '203.0.113.50'`),
    );
    expect(row!.n).toBe(THROTTLE.maxPerAccountAndAddress);
  });

  it("after an attacker's failures the real user still signs in from another address", async () => {
    for (let i = 0; i < THROTTLE.maxPerAccountAndAddress; i++) {
      expect(await attempt("cso3@example.org", `wrong-${i}`, "203.0.113.66")).toEqual({ userId: null });
    }
    const locked = await attempt("cso3@example.org", "pillars-demo", "203.0.113.66");
    expect(locked.error).toBe("throttled");
    expect(locked.message).toMatch(/Too many failed sign-in attempts\. Try again in 1[45] minutes\./);
    expect((await attempt("cso3@example.org", "pillars-demo", "198.51.100.20")).userId).toBeTruthy();
  });

  it("a correct password forgets that address's failures for the account", async () => {
    for (let i = 0; i < THROTTLE.maxPerAccountAndAddress - 1; i++) await attempt("gov3@example.org", "typo", "198.51.100.30");
    expect((await attempt("gov3@example.org", "pillars-demo", "198.51.100.30")).userId).toBeTruthy();
    for (let i = 0; i < THROTTLE.maxPerAccountAndAddress - 1; i++) {
      expect(await attempt("gov3@example.org", "typo", "198.51.100.30")).toEqual({ userId: null });
    }
    expect((await attempt("gov3@example.org", "pillars-demo", "198.51.100.30")).userId).toBeTruthy();
  });

  it("forgets failures once the window has passed", async () => {
    await t.db.execute(sql`update sign_in_buckets set window_started_at = window_started_at - interval '16 minutes' where key like '%203.0.113.66'`);
    expect((await attempt("cso3@example.org", "pillars-demo", "203.0.113.66")).userId).toBeTruthy();
  });

  it("a deactivated account is refused with the right password and says why", async () => {
    await t.db.execute(sql`update users set deactivated_at = now() where email = 'psc4@example.org'`);
    expect(await attempt("psc4@example.org", "pillars-demo", "198.51.100.40")).toEqual({ error: "forbidden", message: DEACTIVATED_MESSAGE });
    expect(await attempt("psc4@example.org", "wrong", "198.51.100.40")).toEqual({ userId: null });
  });
});

describe("sign-in slots", () => {
  it(`run ${SIGN_IN_SLOTS.concurrent} checks at once, queue ${SIGN_IN_SLOTS.waiting}, and refuse the rest at once`, async () => {
    let running = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const work = () =>
      new Promise<number>((resolve) => {
        running++;
        most = Math.max(most, running);
        release.push(() => {
          running--;
          resolve(1);
        });
      });
    const total = SIGN_IN_SLOTS.concurrent + SIGN_IN_SLOTS.waiting + 5;
    const all = Array.from({ length: total }, () => withSignInSlot(work));
    const settled = await Promise.race([Promise.all(all.slice(-5)), new Promise((r) => setTimeout(() => r("pending"), 50))]);
    expect(settled).toEqual(Array(5).fill({ busy: true }));
    while (release.length || running) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    const results = await Promise.all(all);
    expect(most).toBe(SIGN_IN_SLOTS.concurrent);
    expect(results.filter((r) => !r.busy)).toHaveLength(SIGN_IN_SLOTS.concurrent + SIGN_IN_SLOTS.waiting);
    expect(BUSY_MESSAGE).toMatch(/Try again in a few seconds\.$/);
  });
});
