import type { Browser, BrowserContext, Cookie, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

/** A fresh browser (context) of its own, with its own cookies. */
async function newBrowser(browser: Browser, baseURL: string | undefined, userAgent?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, ...(userAgent ? { userAgent } : {}) });
  return { context, page: await context.newPage() };
}

const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

/** The number in a "Sessions (N open)" heading: other tests may have left sessions of the same account open. */
async function openSessions(page: Page): Promise<number> {
  const heading = await page.getByRole("heading", { name: /^Sessions \(\d+ open\)$/ }).textContent();
  return Number(/\((\d+) open\)/.exec(heading ?? "")![1]);
}

/** Whether a copy of these cookies, in yet another browser, is still signed in on the next request. */
async function cookieStillSignsIn(browser: Browser, baseURL: string | undefined, cookies: Cookie[]): Promise<boolean> {
  const { context, page } = await newBrowser(browser, baseURL);
  await context.addCookies(cookies);
  await page.goto("/dashboard");
  const signedIn = !/\/login/.test(page.url());
  if (!signedIn) {
    await expect(page).toHaveURL("/login?returnTo=%2Fdashboard");
    await expect(page.getByRole("heading", { name: "Sign in to Pillars" })).toBeVisible();
  }
  await context.close();
  return signedIn;
}

test.describe("sessions end on the server", () => {
  test("a cookie saved before signing out gets the sign-in page on the next request", async ({ page, browser }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL;
    await signIn(page, "psc1@example.org");
    await expect(page).toHaveURL(/\/dashboard$/);
    const saved = await page.context().cookies();
    expect(await cookieStillSignsIn(browser, baseURL, saved)).toBe(true);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    expect(await cookieStillSignsIn(browser, baseURL, saved)).toBe(false);
    // The session endpoint says so too.
    const { context, page: other } = await newBrowser(browser, baseURL);
    await context.addCookies(saved);
    expect(await (await other.request.get("/api/auth/session")).json()).toBeNull();
    await context.close();
  });

  test('"sign out everywhere" on the account page makes every saved cookie fail', async ({ page, browser }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL;
    const laptop = await newBrowser(browser, baseURL);
    await signIn(laptop.page, "psc3@example.org");
    await expect(laptop.page).toHaveURL(/\/dashboard$/);
    const saved = await laptop.context.cookies();

    await signIn(page, "psc3@example.org");
    await page.getByRole("link", { name: /\(your account\)/ }).click();
    await expect(page).toHaveURL("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    const sessions = page.getByTestId("sessions");
    await expect(page.getByRole("heading", { name: "Sessions (2 open)" })).toBeVisible();
    await expect(sessions.getByText("Open (this browser)")).toHaveCount(1);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect(await cookieStillSignsIn(browser, baseURL, saved)).toBe(false);
    await laptop.page.goto("/account");
    await expect(laptop.page).toHaveURL("/login?returnTo=%2Faccount");
    await laptop.context.close();
  });

  test("ending one session from the account page signs that browser out only", async ({ page, browser }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL;
    const phone = await newBrowser(browser, baseURL, PHONE);
    await signIn(phone.page, "cso1@example.org");
    await expect(phone.page).toHaveURL(/\/dashboard$/);
    await signIn(page, "cso1@example.org");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/account");
    const before = await openSessions(page);
    const other = page.getByTestId("sessions").getByRole("row").filter({ hasText: "Safari on iOS" }).filter({ hasText: "Open" });
    await other.getByRole("button", { name: /^End/ }).click();
    await expect(page.getByRole("heading", { name: `Sessions (${before - 1} open)` })).toBeVisible();
    await expect(page.getByTestId("sessions").getByText("Ended by you")).toHaveCount(1);
    await phone.page.goto("/dashboard");
    await expect(phone.page).toHaveURL("/login?returnTo=%2Fdashboard");
    await page.goto("/dashboard");
    await expect(page).toHaveURL("/dashboard");
    await phone.context.close();
  });
});

test.describe("the account page", () => {
  test("changing the password asks the current one, refuses a weak one with why, and ends the other sessions", async ({
    page,
    browser,
  }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL;
    const elsewhere = await newBrowser(browser, baseURL);
    await signIn(elsewhere.page, "psc4@example.org");
    await expect(elsewhere.page).toHaveURL(/\/dashboard$/);

    await signIn(page, "psc4@example.org");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/account");
    const form = page.getByRole("region", { name: "Password" });
    await form.getByLabel("Current password").fill("pillars-demo");
    await form.getByLabel("New password", { exact: true }).fill("aaaaaaaaaaaa");
    await form.getByLabel("New password again").fill("aaaaaaaaaaaa");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText(/^This password is too easy to guess: .*Try a longer passphrase of several unrelated words\.$/)).toBeVisible();
    await expect(form.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    await form.getByLabel("Current password").fill("not-my-password");
    await form.getByLabel("New password", { exact: true }).fill("quiet harbour lantern mosaic");
    await form.getByLabel("New password again").fill("quiet harbour lantern mosaic");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("That is not your current password.")).toBeVisible();

    await form.getByLabel("Current password").fill("pillars-demo");
    await form.getByLabel("New password", { exact: true }).fill("quiet harbour lantern mosaic");
    await form.getByLabel("New password again").fill("quiet harbour lantern mosaic");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("status").or(form.getByRole("alert"))).toHaveText("Password changed. 1 other session was signed out.");

    await elsewhere.page.goto("/dashboard");
    await expect(elsewhere.page).toHaveURL("/login?returnTo=%2Fdashboard");
    await signIn(elsewhere.page, "psc4@example.org");
    await expect(elsewhere.page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    await signIn(elsewhere.page, "psc4@example.org", "quiet harbour lantern mosaic");
    await expect(elsewhere.page).toHaveURL(/\/dashboard$/);
    await elsewhere.context.close();

    // The notice is in the inbox.
    await page.goto("/inbox");
    await expect(page.getByRole("link", { name: "Your password was changed" })).toHaveAttribute("href", "/account");
    await expect(page.getByText("1 other session was signed out. If you did not change it, tell an administrator at once.")).toBeVisible();

    // The demo password again, for the tests that sign in as this director later.
    await page.goto("/account");
    await form.getByLabel("Current password").fill("quiet harbour lantern mosaic");
    await form.getByLabel("New password", { exact: true }).fill("pillars-demo");
    await form.getByLabel("New password again").fill("pillars-demo");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("status").or(form.getByRole("alert"))).toHaveText(/^Password changed\./);
  });

  test("the profile keeps a new name and timezone, shown in the header", async ({ page }) => {
    await signIn(page, "gov4@example.org");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/account");
    const profile = page.getByRole("region", { name: "Profile" });
    await profile.getByLabel("Name").fill("Ingrid Solberg-Haas");
    await profile.getByLabel("Timezone").selectOption("Asia/Tokyo");
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect(profile.getByText("Profile saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("link", { name: /Ingrid Solberg-Haas/ })).toBeVisible();
    await expect(profile.getByLabel("Timezone")).toHaveValue("Asia/Tokyo");
    await expectNoAxeViolations(page);
  });
});

test.describe("an administrator's view of a user", () => {
  test("sees and ends a user's sessions, deactivates them with a confirmation and reactivates them", async ({
    page,
    browser,
    signInAs,
  }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL;
    const director = await newBrowser(browser, baseURL);
    await signIn(director.page, "cso3@example.org");
    await expect(director.page).toHaveURL(/\/dashboard$/);
    await expect(director.page.getByTestId("header-affiliation")).toHaveText("Civil Society Organisations");

    await signInAs("admin@example.org", "/admin/users");
    // The administrator works for the Association, which is no pillar: neither the header nor the list names one.
    await expect(page.getByTestId("header-affiliation")).toHaveText("Association Secretariat");
    const adminRow = page.getByRole("row", { name: /admin@example\.org/ });
    await expect(adminRow.getByRole("cell").nth(3)).toHaveText("The Association (no pillar)");
    await expect(
      page
        .getByRole("row", { name: /cso3@example\.org/ })
        .getByRole("cell")
        .nth(3),
    ).toHaveText("Civil Society Organisations");
    await page
      .getByRole("row", { name: /cso3@example\.org/ })
      .getByRole("link")
      .first()
      .click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    // The director's browser is one of them (others may be open from other tests).
    const open = await openSessions(page);
    expect(open).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page);

    // Deactivating needs the box ticked; refused, nothing changes.
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await expect(page.getByText("Tick the box to confirm.")).toBeVisible();
    await director.page.goto("/dashboard");
    await expect(director.page).toHaveURL("/dashboard");

    await page.getByLabel(/^Yes, deactivate/).check();
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await expect(page.getByText("Account deactivated; its sessions have ended.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sessions (0 open)" })).toBeVisible();
    await expect(page.getByTestId("sessions").getByText(/^Account deactivated · /)).toHaveCount(open);
    await expectNoAxeViolations(page);

    await director.page.goto("/dashboard");
    await expect(director.page).toHaveURL("/login?returnTo=%2Fdashboard");
    await signIn(director.page, "cso3@example.org");
    await expect(director.page.getByRole("main").getByRole("alert")).toHaveText(
      "This account has been deactivated. Ask an administrator if you need it again.",
    );

    await page.getByLabel(/^Yes, reactivate/).check();
    await page.getByRole("button", { name: "Reactivate account" }).click();
    await expect(page.getByText("Account reactivated.")).toBeVisible();
    await signIn(director.page, "cso3@example.org");
    await expect(director.page).toHaveURL(/\/dashboard$/);

    await page.reload();
    await expect(page.getByRole("heading", { name: "Sessions (1 open)" })).toBeVisible();
    await page.getByRole("button", { name: /^Sign .* out everywhere$/ }).click();
    await expect(page.getByText("1 session ended.")).toBeVisible();
    await director.page.goto("/dashboard");
    await expect(director.page).toHaveURL("/login?returnTo=%2Fdashboard");
    await director.context.close();
  });
});
