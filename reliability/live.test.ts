import { chromium, type Browser, type Page } from "@playwright/test";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, type Server } from "@/bench/server";
import { motionRoll, notifications, users } from "@/db/schema";
import { openFreshResolution } from "@/lib/votes/fixtures";
import { CATALOG, createPostgresDatabase, type FreshPostgres, readBody, send, startApp } from "./harness";

/**
 * Live updates across processes: two app processes on one PostgreSQL database, a director's open
 * motion page served by process A, ballots cast through process B. Each ballot must show in A's
 * page, in a real browser, within a second and without a reload (LISTEN/NOTIFY carries it from B's
 * commit to A's event stream). The figures are printed.
 */
let database: FreshPostgres;
let a: Server;
let b: Server;
let browser: Browser;

const VIEWER = "gov1@example.org";
const METRICS_TOKEN = "live-metrics-token-live-metrics-token";

/** The streams a process has open, as its metrics say. */
async function openStreams(server: Server): Promise<number> {
  const text = await (await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const line = text.split("\n").find((l) => l.startsWith("pillars_live_streams "));
  return Number(line?.split(" ")[1]);
}
const castBallot = CATALOG.find((c) => c.name === "cast ballot")!;
const markRead = CATALOG.find((c) => c.name === "mark notices read")!;
const createComment = CATALOG.find((c) => c.name === "create comment")!;

beforeAll(async () => {
  database = await createPostgresDatabase();
  [a, b] = await Promise.all([startApp(3781, database, { METRICS_TOKEN }), startApp(3782, database, { METRICS_TOKEN })]);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

/** A browser page on `server`, signed in as `email` with the session cookie the server gave. */
async function pageAs(server: Server, email: string): Promise<Page> {
  const cookie = await signInCookie(server.url, email);
  const context = await browser.newContext();
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: server.url };
    }),
  );
  return context.newPage();
}

/** Opens `path` and waits until its event stream answered, so that what follows is heard. */
async function openLive(page: Page, url: string): Promise<void> {
  const stream = page.waitForResponse((r) => r.url().includes("/api/live?"));
  await page.goto(url);
  expect((await stream).status()).toBe(200);
}

const totalYes = (page: Page) =>
  page.evaluate(() => {
    const row = [...document.querySelectorAll("tr")].find((r) => r.querySelector("th")?.textContent?.trim() === "Total");
    return row?.querySelectorAll("td")[0]?.textContent ?? null;
  });

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** LISTEN connections of the app processes: one per process, however many streams are open. */
async function listeners(): Promise<number> {
  const rows =
    await database.postgresClient!`select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'listen %'`;
  return rows[0]!.n as number;
}

describe("live updates across two app processes on PostgreSQL", () => {
  it("a ballot cast through process B shows on the motion page served by process A within a second, without a reload", async () => {
    const motionId = await openFreshResolution(database.db);
    const voters = await database.db
      .select({ email: users.email })
      .from(motionRoll)
      .innerJoin(users, eq(users.id, motionRoll.directorId))
      .where(and(eq(motionRoll.motionId, motionId), ne(users.email, VIEWER)));
    const tries = voters.slice(0, 5);
    expect(tries.length).toBe(5);
    const cookies = await Promise.all(tries.map((v) => signInCookie(b.url, v.email)));

    const page = await pageAs(a, VIEWER);
    await openLive(page, `${a.url}/votes/${motionId}`);
    // A second stream of the page's own, to tell the event's delivery from the page's re-render.
    await page.evaluate((topic) => {
      const heard: number[] = ((window as unknown as { heard: number[] }).heard = []);
      new EventSource(`/api/live?topic=${topic}`).addEventListener("change", () => heard.push(Date.now()));
    }, `motion:${motionId}`);
    // A mark on the document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 42));
    expect(await totalYes(page)).toBe("0");

    const sinceSent: number[] = [];
    const sinceCommit: number[] = [];
    const eventSinceSent: number[] = [];
    for (const [index, cookie] of cookies.entries()) {
      const sentAt = Date.now();
      const sent = await send(b.url, castBallot, { fields: { motionId, choice: "yes" } }, { cookie });
      const committedAt = Date.now();
      expect(sent.outcome).toBe("allowed");
      const expected = String(index + 1);
      await page.waitForFunction(
        (want) => {
          const row = [...document.querySelectorAll("tr")].find((r) => r.querySelector("th")?.textContent?.trim() === "Total");
          return row?.querySelectorAll("td")[0]?.textContent === want;
        },
        expected,
        { polling: 5, timeout: 5_000 },
      );
      const seenAt = Date.now();
      sinceSent.push(seenAt - sentAt);
      const heard = await page.evaluate(() => (window as unknown as { heard: number[] }).heard);
      expect(heard.length).toBe(index + 1);
      eventSinceSent.push(heard.at(-1)! - sentAt);
      sinceCommit.push(seenAt - committedAt);
    }
    console.log(
      `live updates, 2 processes on PostgreSQL: ballot acknowledged by B → A's page updated: ${sinceCommit.join(", ")} ms (median ${median(sinceCommit)} ms); ` +
        `ballot sent → updated: ${sinceSent.join(", ")} ms (median ${median(sinceSent)} ms); ` +
        `ballot sent → event in the browser: ${eventSinceSent.join(", ")} ms (median ${median(eventSinceSent)} ms)`,
    );
    expect(await page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(42);
    // Within a second as a rule; a busy shared machine may slow one try, never most.
    expect(median(sinceCommit)).toBeLessThan(1_000);
    expect(Math.max(...sinceCommit)).toBeLessThan(2_000);
    await expect.poll(() => totalYes(page)).toBe("5");
    // Only process A serves event streams here: one LISTEN connection, however many pages follow.
    expect(await listeners()).toBe(1);
    await page.context().close();
  });

  it("after the LISTEN connection is lost, the process listens again and the page follows later ballots", async () => {
    const motionId = await openFreshResolution(database.db);
    const [voter] = await database.db
      .select({ email: users.email })
      .from(motionRoll)
      .innerJoin(users, eq(users.id, motionRoll.directorId))
      .where(and(eq(motionRoll.motionId, motionId), ne(users.email, VIEWER)))
      .limit(1);
    const page = await pageAs(a, VIEWER);
    await openLive(page, `${a.url}/votes/${motionId}`);
    expect(await listeners()).toBe(1);
    await database.postgresClient!`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`;
    await expect.poll(listeners, { timeout: 10_000 }).toBe(1);
    const sent = await send(b.url, castBallot, { fields: { motionId, choice: "yes" } }, { cookie: await signInCookie(b.url, voter!.email) });
    expect(sent.outcome).toBe("allowed");
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("tr")].find((r) => r.querySelector("th")?.textContent?.trim() === "Total")?.querySelectorAll("td")[0]
          ?.textContent === "1",
      undefined,
      { polling: 5, timeout: 5_000 },
    );
    await page.context().close();
  });

  it("the header's unread count follows notices read through the other process", async () => {
    const [viewer] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, VIEWER));
    await database.db.insert(notifications).values({ userId: viewer!.id, kind: "task_assigned", title: "A notice to read", emailedAt: new Date() });
    const page = await pageAs(a, VIEWER);
    await openLive(page, `${a.url}/dashboard`);
    const count = page.getByTestId("unread-count");
    await expect.poll(() => count.count()).toBe(1);
    // Marks every unread notice of the viewer read, as the viewer, through process B.
    const sent = await send(b.url, markRead, { fields: { all: "1" } }, { cookie: await signInCookie(b.url, VIEWER) });
    const committedAt = Date.now();
    expect(sent.outcome).toBe("allowed");
    await page.getByTestId("unread-count").waitFor({ state: "detached", timeout: 5_000 });
    console.log(`live updates, 2 processes on PostgreSQL: notices read through B → A's inbox count gone: ${Date.now() - committedAt} ms`);
    await page.context().close();
  });

  it("a comment posted through process B shows on the consultation page served by process A", async () => {
    const request = await createComment.prepare(database.db);
    const { consultationId, slug } = request.fields as { consultationId: string; slug: string };
    const body = `Live from the other process ${Date.now()}.`;
    const page = await pageAs(a, "secretariat@example.org");
    await openLive(page, `${a.url}/policies/${slug}/consultations/${consultationId}`);
    await expect.poll(() => page.getByText(body).count()).toBe(0);
    const sent = await send(
      b.url,
      createComment,
      { fields: { ...request.fields, body } },
      { cookie: await signInCookie(b.url, "rep.gov@example.org") },
    );
    const committedAt = Date.now();
    expect(sent.outcome).toBe("allowed");
    await page.getByText(body).waitFor({ timeout: 5_000 });
    const ms = Date.now() - committedAt;
    console.log(`live updates, 2 processes on PostgreSQL: comment acknowledged by B → A's consultation page shows it: ${ms} ms`);
    expect(ms).toBeLessThan(2_000);
    await page.context().close();
  });

  it("refuses a representative an open motion's stream and anyone another person's inbox, and closed streams leave one listener per process", async () => {
    const motionId = await openFreshResolution(database.db);
    const rep = await signInCookie(a.url, "rep.psc@example.org");
    const refused = await fetch(`${a.url}/api/live?topic=motion:${motionId}`, { headers: { cookie: rep } });
    expect(refused.status).toBe(403);
    const [other] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "cso2@example.org"));
    const admin = await signInCookie(a.url, "admin@example.org");
    expect((await fetch(`${a.url}/api/live?topic=inbox:${other!.id}`, { headers: { cookie: admin } })).status).toBe(403);
    expect((await fetch(`${a.url}/api/live?topic=inbox`)).status).toBe(401);
    // Twenty streams opened and dropped, on both processes: one LISTEN connection per process.
    const viewer = await signInCookie(a.url, VIEWER);
    const viewerOnB = await signInCookie(b.url, VIEWER);
    for (let i = 0; i < 20; i++) {
      const [url, cookie] = i % 2 ? [a.url, viewer] : [b.url, viewerOnB];
      const response = await fetch(`${url}/api/live?topic=motion:${motionId}&topic=inbox`, { headers: { cookie } });
      expect(response.headers.get("x-accel-buffering")).toBe("no");
      expect(await readBody(response)).toContain("retry:");
    }
    expect(await listeners()).toBe(2);
    // Every stream the reader left is closed on the server: nothing leaks.
    await expect.poll(async () => [await openStreams(a), await openStreams(b)], { timeout: 5_000 }).toEqual([0, 0]);
  });
});
