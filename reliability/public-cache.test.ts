import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { signInCookie } from "@/bench/server";
import { type DB, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { organizations } from "@/db/schema";
import { seedDemoData } from "@/lib/demo";
import { catalogCase } from "./concurrency";
import { createPostgresDatabase, ROLE_USERS, send, startApp } from "./harness";

/**
 * Public pages and the registry API are served from a cache (lib/public/cache.ts). An anonymous
 * reader never sees stale standing: once a status change has been answered, the very next request to
 * the registry search, the organisation's page and its JSON shows the new standing, on both databases.
 * The JSON answers carry an ETag; the old one no longer earns a 304 after the change.
 */
const SLUG = "meridian-protective-services";
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function organizationId(db: DB): Promise<string> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, SLUG));
  return row!.id;
}

/** The registry row of the organisation on the search page: its status and standing cells, in words. */
async function searchRow(url: string): Promise<string> {
  const html = await (await fetch(`${url}/registry?q=Meridian`)).text();
  const row = new RegExp(`<tr><th[^>]*><a[^>]*href="/registry/${SLUG}"[^>]*>[^<]*</a></th>(.*?)</tr>`).exec(html);
  expect(row, "the search lists the organisation").not.toBeNull();
  return row![1]!.replace(/<[^>]+>/g, "|");
}

async function entryPage(url: string): Promise<string> {
  const response = await fetch(`${url}/registry/${SLUG}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toMatch(/<script[^>]+nonce="[^"]+"/);
  return html;
}

async function entryJson(url: string, etag?: string) {
  const response = await fetch(`${url}/api/registry/${SLUG}`, { headers: etag ? { "if-none-match": etag } : {} });
  const body = response.status === 200 ? ((await response.json()) as { membershipStatus: string; goodStanding: boolean }) : null;
  return { status: response.status, etag: response.headers.get("etag"), cacheControl: response.headers.get("cache-control"), body };
}

async function story(url: string, id: string) {
  // Read everything twice, so that the second read comes from the cache.
  for (let i = 0; i < 2; i++) {
    expect(await searchRow(url)).toContain("Certified member");
    expect(await searchRow(url)).toContain("✓ In good standing");
    const page = await entryPage(url);
    expect(page).toContain("Certified member");
    expect(page).toContain("✓ In good standing");
  }
  const before = await entryJson(url);
  expect(before.status).toBe(200);
  expect(before.body).toMatchObject({ membershipStatus: "certified_member", goodStanding: true });
  expect(before.cacheControl).toBe("public, no-cache");
  expect(before.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  const unchanged = await entryJson(url, before.etag!);
  expect(unchanged.status).toBe(304);
  expect(unchanged.etag).toBe(before.etag);

  const admin = await signInCookie(url, ROLE_USERS.admin);
  const sent = await send(
    url,
    catalogCase("change organization status"),
    { fields: { organizationId: id, slug: SLUG, toStatus: "suspended", statusReason: "Certification audit failed.", effectiveOn: "" } },
    { cookie: admin },
  );
  expect(sent.outcome, sent.message).toBe("allowed");

  // The very next anonymous requests.
  const row = await searchRow(url);
  expect(row).toContain("Suspended");
  expect(row).toContain("✗ Not in good standing");
  expect(row).not.toContain("✓ In good standing");
  const page = await entryPage(url);
  expect(page).toContain("✗ Not in good standing");
  expect(page).toContain("Certification audit failed.");
  expect(page).not.toContain("✓ In good standing");
  const after = await entryJson(url, before.etag!);
  expect(after.status).toBe(200);
  expect(after.body).toMatchObject({ membershipStatus: "suspended", goodStanding: false });
  expect(after.etag).not.toBe(before.etag);
}

describe("public answers from the cache are never stale", () => {
  it("on PostgreSQL", async () => {
    const database = await createPostgresDatabase();
    cleanups.push(() => database.drop());
    const id = await organizationId(database.db);
    const server = await startApp(3761, database);
    cleanups.push(() => server.stop());
    await story(server.url, id);
  });

  it("on PGlite", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "pillars-public-cache-")), "pglite");
    cleanups.push(async () => rmSync(path.dirname(dir), { recursive: true, force: true }));
    const seeding = await openDatabase({ kind: "pglite", dir });
    await migrateDatabase(seeding);
    await seedDemoData(seeding.db);
    const id = await organizationId(seeding.db);
    await seeding.close();
    const server = await startApp(3762, { pgliteDir: dir });
    cleanups.push(() => server.stop());
    await story(server.url, id);
  });
});
