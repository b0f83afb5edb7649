import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";
import { type Answer, type DemoIds, fill, PAGES, pageRoutes, type Reader, UNKNOWN_ID } from "./page-access";

const ACCOUNTS: Record<Exclude<Reader, "visitor">, string> = { representative: "rep.psc@example.org", admin: "admin@example.org" };
const REFUSAL_HEADINGS = { 403: "Not open to your role", 404: "Page not found" } as const;
const UUID = "([0-9a-f-]{36})";

let ids: DemoIds;

/** The id in the first link of `scope` whose address matches `pattern`. */
async function idLinkedFrom(scope: Locator, pattern: RegExp): Promise<string> {
  const hrefs = await scope.getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const id = hrefs.map((href) => pattern.exec(href)?.[1]).find(Boolean);
  if (!id) throw new Error(`No link matching ${pattern} among ${hrefs.length} links`);
  return id;
}

/** The answer to a plain GET, redirects not followed, in the words of the table. */
async function answerTo(request: APIRequestContext, path: string): Promise<Answer | number | string> {
  const response = await request.get(path, { maxRedirects: 0 });
  const status = response.status();
  if (status < 300 || status >= 400) return status;
  const location = new URL(response.headers().location ?? "", "http://pillars.test");
  if (location.pathname === "/login" && location.searchParams.get("returnTo") === path) return "sign in";
  if (location.pathname === "/dashboard" && !location.search) return "dashboard";
  return `${status} to ${location.pathname}${location.search}`;
}

async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const mainNavigation = (page: Page) => page.getByRole("navigation", { name: "Main" });

test.describe("pages refuse with a status", () => {
  test.beforeAll(async ({ browser }, testInfo) => {
    // The demo data's ids are random; the administrator sees every one of them.
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const page = await context.newPage();
    await signInAs(page, ACCOUNTS.admin);
    const main = page.getByRole("main");
    await page.goto("/admin/seats");
    const seat = await idLinkedFrom(main, new RegExp(`^/admin/seats/${UUID}$`));
    await page.goto("/tasks");
    const task = await idLinkedFrom(main, new RegExp(`^/tasks/${UUID}$`));
    await page.goto("/policies/complaints-procedure-affected-persons");
    const consultation = await idLinkedFrom(main, new RegExp(`^/policies/complaints-procedure-affected-persons/consultations/${UUID}$`));
    await page.goto("/policies/certification-procedure");
    const otherConsultation = await idLinkedFrom(main, new RegExp(`^/policies/certification-procedure/consultations/${UUID}$`));
    await page.goto("/votes");
    const motion = new RegExp(`^/votes/${UUID}$`);
    const openMotion = await idLinkedFrom(page.getByRole("region", { name: /^Open motions/ }), motion);
    const draftMotion = await idLinkedFrom(page.getByRole("region", { name: /^Drafts/ }), motion);
    const closedMotion = await idLinkedFrom(page.getByRole("region", { name: /^Closed motions/ }), motion);
    await page.goto("/admin/users");
    const repGov = await idLinkedFrom(page.getByRole("row", { name: /rep\.gov@example\.org/ }), new RegExp(`^/admin/users/${UUID}$`));
    ids = { seat, task, consultation, otherConsultation, openMotion, draftMotion, closedMotion, repGov, unknown: UNKNOWN_ID };
    await context.close();
  });

  test("the table of who may open what covers every page of the app", () => {
    const covered = new Set(PAGES.map((row) => row.route));
    expect(pageRoutes().filter((route) => !covered.has(route))).toEqual([]);
    const dynamic = pageRoutes().filter((route) => route.includes("["));
    // Each page that shows one item is tried with an item that does not exist.
    const triedUnknown = new Set(PAGES.filter((row) => /\{unknown\}|no-such-/.test(row.path)).map((row) => row.route));
    expect(dynamic.filter((route) => !triedUnknown.has(route) && !/\/(new|edit)$/.test(route))).toEqual([]);
  });

  for (const reader of ["visitor", "representative", "admin"] as const) {
    test(`every page answers the ${reader} as the table says, and a refusal keeps the app's shell`, async ({ page, request }) => {
      const client = reader === "visitor" ? request : page.request;
      if (reader !== "visitor") await signInAs(page, ACCOUNTS[reader]);

      const wrong: string[] = [];
      for (const row of PAGES) {
        const path = fill(row.path, ids);
        const answer = await answerTo(client, path);
        if (answer !== row[reader]) wrong.push(`${path}: expected ${row[reader]}, got ${answer}`);
      }
      expect(wrong).toEqual([]);

      // In the browser: the same status, the header's navigation, and a heading that says why.
      const checkedWithAxe = new Set<number>();
      for (const row of PAGES) {
        const status = row[reader];
        if (status !== 403 && status !== 404) continue;
        const path = fill(row.path, ids);
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(status);
        await expect(mainNavigation(page).getByRole("link", { name: "Registry" }), path).toBeVisible();
        await expect(page.getByRole("heading", { level: 1, name: REFUSAL_HEADINGS[status] }), path).toBeVisible();
        if (!checkedWithAxe.has(status)) {
          await expectNoAxeViolations(page);
          checkedWithAxe.add(status);
        }
      }
    });
  }

  test("a visitor sent to sign in comes back to the page, query and all", async ({ page }) => {
    await page.goto("/tasks?status=open&mine=1");
    await expect(page).toHaveURL("/login?returnTo=%2Ftasks%3Fstatus%3Dopen%26mine%3D1");
    await page.getByLabel("Email").fill("secretariat@example.org");
    await page.getByLabel("Password").fill("pillars-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/tasks?status=open&mine=1");
    await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
    await expect(page.getByLabel("Status")).toHaveValue("open");
    await expect(page.getByLabel("Assigned to me")).toBeChecked();
  });

  test("a draft is not found for a visitor, who can sign in from there and read it as a director", async ({ page }) => {
    const response = await page.goto("/policies/whistleblower-protection-guidance");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("There is nothing at this address, or it is open to members only.")).toBeVisible();
    await page.getByRole("link", { name: "Sign in and try again" }).click();
    await expect(page).toHaveURL("/login?returnTo=%2Fpolicies%2Fwhistleblower-protection-guidance");
    await page.getByLabel("Email").fill("cso2@example.org");
    await page.getByLabel("Password").fill("pillars-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/policies/whistleblower-protection-guidance");
    await expect(page.getByRole("heading", { level: 1, name: "Whistleblower Protection Guidance for Member Companies" })).toBeVisible();
  });

  test("a page cut short by a dropped connection shows the error page in the shell, and Try again loads it", async ({ page }) => {
    await page.goto("/");
    // The registry's page data arrives half-way, as when the connection drops while it loads.
    await page.route(/\/registry\?_rsc=/, async (route) => {
      if (route.request().headers()["next-router-prefetch"]) return route.abort();
      const body = await (await route.fetch()).text();
      await route.fulfill({ status: 200, contentType: "text/x-component", body: body.slice(0, body.length / 2) });
    });
    await mainNavigation(page).getByRole("link", { name: "Registry" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
    await expect(page.getByText("This page could not be shown because of a problem on our side.")).toBeVisible();
    await expect(mainNavigation(page).getByRole("link", { name: "Policies" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Home page" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.unrouteAll();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Member registry" })).toBeVisible();
  });
});
