import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, type Server } from "@/bench/server";
import { policies, policyParagraphs, policyVersions } from "@/db/schema";
import { catalogCase } from "./concurrency";
import { createPostgresDatabase, type FreshPostgres, ROLE_USERS, send, startApp } from "./harness";

/**
 * The largest draft the limits allow, saved twice with every paragraph changed in between, against
 * the built server with its usual 256 MB heap: the second save finishes (or is refused with a clear
 * message) within 5 s, and the server keeps answering. Paragraph alignment once compared every
 * removed paragraph with every added one and ran the server out of memory on exactly this.
 */
const PARAGRAPHS = 5000;
const pad = (i: number) => String(i).padStart(4, "0");
/** 5,000 paragraphs of 18 characters, blank lines between: 99,998 characters, under the 100,000 limit. */
const draft = (words: string) => Array.from({ length: PARAGRAPHS }, (_, i) => `${pad(i)} ${words}`).join("\n\n");
const FIRST = draft("alpha bravo c");
// Every paragraph edited: each still shares two words with every other, the worst case for pairing.
const SECOND = draft("alpha bravo d");

let db: FreshPostgres;
let server: Server;
let cookie: string;

beforeAll(async () => {
  db = await createPostgresDatabase();
  server = await startApp(3797, { url: db.url });
  cookie = await signInCookie(server.url, ROLE_USERS.secretariat);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe("the largest draft the limits allow", () => {
  it("is saved twice, every paragraph changed, in under 5 s, and the server keeps answering", async () => {
    expect(FIRST.length).toBeLessThanOrEqual(100_000);
    expect(FIRST.length).toBeGreaterThan(99_000);
    const slug = `largest-draft-${process.pid}`;
    const created = await send(
      server.url,
      catalogCase("create policy"),
      { fields: { title: "The largest draft", slug, category: "guidance", bodyMd: FIRST } },
      { cookie },
    );
    expect(created.outcome, /"fieldErrors":\{[^}]*\}/.exec(created.body)?.[0]).toBe("allowed");
    const [policy] = await db.db.select({ id: policies.id }).from(policies).where(eq(policies.slug, slug));

    const save = async (bodyMd: string) => {
      const began = performance.now();
      const sent = await send(
        server.url,
        catalogCase("edit policy draft"),
        { fields: { policyId: policy!.id, slug, title: "The largest draft", category: "guidance", bodyMd, changeSummary: "" } },
        { cookie },
      );
      return { ...sent, ms: performance.now() - began };
    };
    const first = await save(FIRST.replace("0000 alpha bravo c", "0000 delta echo fx"));
    expect(first.outcome).toBe("allowed");
    const second = await save(SECOND);
    console.log(
      `heavy input: ${PARAGRAPHS} paragraphs, ${SECOND.length} characters; first save ${first.ms.toFixed(0)} ms, second (every paragraph changed) ${second.ms.toFixed(0)} ms`,
    );
    expect(second.outcome, second.message).toBe("allowed");
    expect(SECOND.length).toBeLessThanOrEqual(100_000);
    expect(second.ms).toBeLessThan(5000);

    const [version] = await db.db.select({ id: policyVersions.id }).from(policyVersions).where(eq(policyVersions.policyId, policy!.id));
    const stored = await db.db.select({ body: policyParagraphs.body }).from(policyParagraphs).where(eq(policyParagraphs.versionId, version!.id));
    expect(stored).toHaveLength(PARAGRAPHS);
    expect(stored.every((p) => p.body.endsWith("alpha bravo d"))).toBe(true);

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const page = await fetch(`${server.url}/policies/${slug}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("0042 alpha bravo d");
  });
});
