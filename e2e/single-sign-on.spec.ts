import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

/**
 * The app at "localhost": Next names a loopback address so in the provider's callback, and the
 * sign-in must start at the address it comes back to (its checks live in cookies of that host).
 */
const app = () => test.info().project.use.baseURL!.replace("//127.0.0.1", "//localhost");

/** Signs in at the OpenID Connect provider's own page as one of its people (e2e/oidc-provider.ts). */
async function signInAtProvider(page: Page, login: string) {
  await page.goto(`${app()}/login`);
  await page.getByRole("button", { name: "Continue with Example SSO" }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.locator("input[name=password]").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test.describe("single sign-on through an OpenID Connect provider", () => {
  test("a verified address of an existing account signs in through the provider and lands on the dashboard as that person", async ({ page }) => {
    await page.goto(`${app()}/login`);
    await expectNoAxeViolations(page);
    await signInAtProvider(page, "jonas");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Signed in as");
    await expect(page.getByTestId("header-roles")).toContainText("Director");
    await expect(page.getByRole("banner")).toContainText("Jonas Keller");
  });

  test("an address the provider has not verified, or one Pillars does not know, is refused with a clear message", async ({ page }) => {
    await signInAtProvider(page, "unverified");
    await expect(page).toHaveURL(/\/login\?error=sso_unverified$/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Your sign-in provider did not confirm your email address, so it cannot sign you in here. Ask your provider's administrator.",
    );
    await page.goto(`${app()}/dashboard`);
    await expect(page).toHaveURL(/\/login\?returnTo=%2Fdashboard$/);

    // Signed out at the provider too, to come back as another of its people.
    await page.context().clearCookies();
    await signInAtProvider(page, "stranger");
    await expect(page).toHaveURL(/\/login\?error=sso_unknown$/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "No Pillars account or pending invitation uses the address your sign-in provider gave. Ask an administrator to invite you.",
    );
    await expectNoAxeViolations(page);
  });
});
