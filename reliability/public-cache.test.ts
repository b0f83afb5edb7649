import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { signInCookie } from "@/bench/server";
import { type DB, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { motions, organizations } from "@/db/schema";
import { seedDemoData } from "@/lib/demo";
import { catalogCase } from "./concurrency";
import { createPostgresDatabase, ROLE_USERS, send, startApp } from "./harness";
import type { HttpRequest } from "@/lib/testing/http-cases";

/**
 * Public pages and the registry API are served from a cache (lib/public/cache.ts). An anonymous
 * reader never sees stale standing: once a status change has been answered, the very next request to
 * the registry search, the organisation's page and its JSON shows the new standing, on both databases.
 * The JSON answers carry an ETag; the old one no longer earns a 304 after the change. Likewise, once
 * the Chair has closed a motion, the very next anonymous request to /votes lists its result and its
 * page, not found to the public while it was open, shows it.
 */
const SLUG = "meridian-protective-services";
const PORT = Number(process.env.RELIABILITY_PORT_BASE || 3700) + 61;
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

type OpenMotion = { request: HttpRequest; id: string; title: string };

/** An open resolution the Chair may close early (the catalog's own case prepares it), before the server starts. */
async function openMotion(db: DB): Promise<OpenMotion> {
  const request = await catalogCase("close motion early").prepare!(db);
  const id = String(request.fields!.motionId);
  const [row] = await db.select({ title: motions.title }).from(motions).where(eq(motions.id, id));
  return { request, id, title: row!.title };
}

/** The public votes list in words: how many motions have closed, and whether `title` is among them. */
async function publicVotes(url: string, title: string): Promise<{ closed: number; lists: boolean }> {
  const response = await fetch(`${url}/votes`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const closed = /Closed motions \((?:<!-- -->)?(\d+)(?:<!-- -->)?\)/.exec(html);
  expect(closed, "the list counts closed motions").not.toBeNull();
  return { closed: Number(closed![1]), lists: html.includes(title) };
}

async function votesStory(url: string, motion: OpenMotion) {
  // Read twice, so that the second read comes from the cache.
  let before = { closed: 0, lists: false };
  for (let i = 0; i < 2; i++) {
    before = await publicVotes(url, motion.title);
    expect(before.lists, "an open motion is not public").toBe(false);
    expect((await fetch(`${url}/votes/${motion.id}`)).status).toBe(404);
  }
  const chair = await signInCookie(url, ROLE_USERS.chair);
  const sent = await send(url, catalogCase("close motion early"), motion.request, { cookie: chair });
  expect(sent.outcome, sent.message).toBe("allowed");

  // The very next anonymous requests.
  const after = await publicVotes(url, motion.title);
  expect(after).toEqual({ closed: before.closed + 1, lists: true });
  const page = await fetch(`${url}/votes/${motion.id}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(motion.title);
  expect(html).toMatch(/Closed .*\(closed early by the Chair\)/);
}

describe("public answers from the cache are never stale", () => {
  it("on PostgreSQL", async () => {
    const database = await createPostgresDatabase();
    cleanups.push(() => database.drop());
    const id = await organizationId(database.db);
    const motion = await openMotion(database.db);
    const server = await startApp(PORT, database);
    cleanups.push(() => server.stop());
    await story(server.url, id);
    await votesStory(server.url, motion);
  });

  it("on PGlite", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "pillars-public-cache-")), "pglite");
    cleanups.push(async () => rmSync(path.dirname(dir), { recursive: true, force: true }));
    const seeding = await openDatabase({ kind: "pglite", dir });
    await migrateDatabase(seeding);
    await seedDemoData(seeding.db);
    const id = await organizationId(seeding.db);
    const motion = await openMotion(seeding.db);
    await seeding.close();
    const server = await startApp(PORT + 1, { pgliteDir: dir });
    cleanups.push(() => server.stop());
    await story(server.url, id);
    await votesStory(server.url, motion);
  });
});
