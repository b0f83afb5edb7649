import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "@/bench/server";
import { rowsOf } from "@/db/client";
import { THROTTLE } from "@/lib/auth/throttle";
import { createPostgresDatabase, type FreshPostgres, startApp } from "./harness";

/**
 * Sign-in throttling over HTTP, against the built server with no trusted proxy: the address an
 * attempt is counted under is the connection's own, whatever `X-Forwarded-For` a client writes, so
 * changing that header buys an attacker nothing; and the real user still signs in (from an address
 * the server is told about only through a proxy it trusts, on a second server).
 */
let db: FreshPostgres;
let server: Server;

beforeAll(async () => {
  db = await createPostgresDatabase();
  server = await startApp(3795, { url: db.url });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** One sign-in through Auth.js's credentials endpoint; what the answer says. */
async function attempt(url: string, email: string, password: string, forwardedFor: string) {
  const csrf = await fetch(`${url}/api/auth/csrf`, { headers: { "x-forwarded-for": forwardedFor } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${url}/dashboard` }),
  });
  await response.arrayBuffer();
  if (response.headers.getSetCookie().some((c) => c.includes("session-token="))) return "signed in";
  const code = new URL(response.headers.get("location") ?? "", url).searchParams.get("code") ?? "";
  if (code.startsWith("Too many failed sign-in attempts")) return "throttled";
  if (code === "credentials") return "wrong";
  return `${response.status} ${code}`;
}

describe("sign-in throttling over HTTP", () => {
  it(`60 failures with a changing X-Forwarded-For and no trusted proxy are throttled after ${THROTTLE.maxPerAddress}`, async () => {
    const emails = ["psc1", "psc2", "psc3", "psc4", "gov2", "gov3"].map((name) => `${name}@example.org`);
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) {
      outcomes.push(await attempt(server.url, emails[i % emails.length]!, `wrong-${i}`, `198.18.${i}.${(i * 7) % 256}`));
    }
    expect(outcomes.slice(0, THROTTLE.maxPerAddress)).toEqual(Array(THROTTLE.maxPerAddress).fill("wrong"));
    expect(outcomes.slice(THROTTLE.maxPerAddress)).toEqual(Array(60 - THROTTLE.maxPerAddress).fill("throttled"));
    // The right password from the same connection is throttled too, and the server keeps answering.
    expect(await attempt(server.url, "rep.gov@example.org", "pillars-demo", "203.0.113.1")).toBe("throttled");
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // Counted under the connection's own address, which the server stamps on every request.
    const addresses = rowsOf<{ ip: string }>(await db.db.execute(sql`select distinct ip from login_attempts`)).map((row) => row.ip);
    expect(addresses).toEqual(["127.0.0.1"]);
  });

  it("behind a trusted proxy, the attacker's failures throttle the attacker's address only", async () => {
    const proxied = await startApp(3794, { url: db.url }, { TRUSTED_PROXY_HOPS: "1" });
    try {
      for (let i = 0; i < THROTTLE.maxPerAccountAndAddress; i++) {
        expect(await attempt(proxied.url, "cso1@example.org", `guess-${i}`, "6.6.6.6, 203.0.113.66")).toBe("wrong");
      }
      // Writing another address to the left of the proxy's entry changes nothing.
      expect(await attempt(proxied.url, "cso1@example.org", "pillars-demo", "1.2.3.4, 203.0.113.66")).toBe("throttled");
      expect(await attempt(proxied.url, "cso1@example.org", "pillars-demo", "198.51.100.23")).toBe("signed in");
    } finally {
      await proxied.stop();
    }
  });
});
