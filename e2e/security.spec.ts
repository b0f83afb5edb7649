import { request as http } from "node:http";
import { expect, test } from "./fixtures";
import { PAGES, UNKNOWN_ID } from "./page-access";

/**
 * What an attacker meets at the edges: the security headers on every route, writes that are too
 * large or come from another site, and pages and endpoints that say no more than the reader may know.
 */
const API_ROUTES = [
  "/api/health",
  "/api/registry",
  "/api/registry/meridian-protective-services",
  "/api/registry/no-such-company",
  "/api/calendar/nothing.ics",
];

/** A raw POST with a chunked body (no Content-Length), as `curl -H "Transfer-Encoding: chunked"` sends it. */
function postChunked(url: string, headers: Record<string, string>, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http(
      url,
      { method: "POST", headers: { ...headers, "transfer-encoding": "chunked", "content-type": "text/plain;charset=UTF-8" } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", (error) =>
      (error as NodeJS.ErrnoException).code === "EPIPE" || (error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error),
    );
    const chunk = Buffer.alloc(64 * 1024, "a");
    for (let sent = 0; sent < bytes; sent += chunk.length) req.write(chunk);
    req.end();
  });
}

test.describe("security at the edges", () => {
  test("every page and route handler sends the security headers; pages get a fresh script nonce each time", async ({ request }) => {
    // Every row of the page table; an id of the demo data becomes an unknown one (its 404 carries the headers too).
    const pagePaths = [...new Set(PAGES.map((p) => p.path.replace(/\{\w+\}/g, UNKNOWN_ID)))];
    const nonces = new Set<string>();
    let pagesShown = 0;
    for (const path of [...pagePaths, ...API_ROUTES]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"], `${path} is served over http`).toBeUndefined();
      const policy = headers["content-security-policy"] ?? "";
      expect(policy, path).toContain("frame-ancestors 'none'");
      if (path.startsWith("/api/") || response.status() !== 200) continue;
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      for (const part of ["object-src 'none'", "base-uri 'self'", "default-src 'self'"]) expect(policy, path).toContain(part);
      expect(policy, path).not.toContain("'unsafe-inline'; script");
      pagesShown++;
      nonces.add(/'nonce-([^']+)'/.exec(policy)![1]!);
      // Every script the page carries has the nonce, so the browser runs it; nothing else would run.
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${/'nonce-([^']+)'/.exec(policy)![1]}"`);
      expect(html, path).not.toMatch(/\son[a-z]+="/);
    }
    expect(pagesShown).toBeGreaterThan(5);
    expect(nonces.size, "a nonce per response").toBe(pagesShown);
    // Behind a proxy that ends TLS, the browser is told to stay on https.
    const https = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test("a chunked 2 MB server action gets 413; writes from another origin, or over another scheme, get 403", async ({ baseURL, request }) => {
    const origin = new URL(baseURL!).origin;
    expect(await postChunked(`${baseURL}/registry`, { "next-action": "0".repeat(40), origin }, 2 * 1024 * 1024)).toBe(413);
    // A form posted without JavaScript carries no Next-Action header; another site's gets 403 all the same.
    const form = { $ACTION_ID_0000: "", email: "admin@example.org", password: "pillars-demo" };
    const foreign = await request.post("/login", { form, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    expect(await foreign.text()).toContain("came from another site");
    const otherScheme = await request.post("/login", { form, headers: { origin: origin.replace(/^http:/, "https:") }, maxRedirects: 0 });
    expect(otherScheme.status()).toBe(403);
    const action = await request.post("/login", { data: "[]", headers: { origin: "https://evil.example", "next-action": "0".repeat(40) } });
    expect(action.status()).toBe(403);
    expect(await action.json()).toMatchObject({ error: { code: "forbidden" } });
    // An address carrying a NUL anywhere is refused before any page or query runs.
    for (const path of ["/registry?q=a%00", "/audit?entityId=a%00", "/registry/a%00b", "/api/registry?q=%00"]) {
      expect((await request.get(path)).status(), path).toBe(400);
    }
  });

  test("the registry API links to the configured public origin, whatever the forwarded headers say", async ({ baseURL, request }) => {
    const answer = await request.get("/api/registry?q=meridian", {
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", host: "evil.example" },
    });
    const body = (await answer.json()) as { results: { url: string }[] };
    expect(body.results[0]!.url).toBe(`${new URL(baseURL!).origin}/registry/meridian-protective-services`);
  });

  test("a representative sees no open motion on a policy being voted on; the session shows no roles", async ({ page, signInAs }) => {
    await signInAs("rep.psc@example.org", "/policies/incident-reporting-requirements");
    await expect(page.getByRole("heading", { level: 1, name: "Incident Reporting Requirements for Member Companies" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: /motion|adopt/i })).toHaveCount(0);
    expect(await page.getByRole("main").locator('a[href^="/votes/"]').count()).toBe(0);
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session.user.email).toBe("rep.psc@example.org");
    expect(JSON.stringify(session)).not.toMatch(/roles|representative|director|admin/);
  });
});
