import { expect, ROLE_ACCOUNTS, signIn, test } from "./fixtures";

test.describe("signing in", () => {
  for (const account of ROLE_ACCOUNTS) {
    test(`the ${account.role} signs in and lands on a dashboard that shows the role`, async ({ page }) => {
      await signIn(page, account.email);
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(`Signed in as`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(account.shows);
      await expect(page.getByTestId("header-roles")).toContainText(account.shows);
    });
  }

  test("the dashboard shows each role what concerns it", async ({ page }) => {
    await signIn(page, "cso2@example.org");
    await expect(page.getByRole("heading", { name: "Motions awaiting your ballot" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Open consultations" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your tasks" })).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, "secretariat@example.org");
    await expect(page.getByRole("heading", { name: "Your tasks" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Comments awaiting an answer/ })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, "rep.cso@example.org");
    await expect(page.getByRole("heading", { name: "Drafts open to Civil Society Organisations" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Motions awaiting your ballot" })).toHaveCount(0);
  });

  test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
    await signIn(page, "gov3@example.org", "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    // The email is kept, so only the password needs typing again.
    await expect(page.getByLabel("Email")).toHaveValue("gov3@example.org");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an empty form gets field errors", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  test("a signed-out visit to the dashboard goes to the sign-in page", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL("/login?returnTo=%2Fdashboard");
    await expect(page.getByRole("heading", { name: "Sign in to Pillars" })).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "admin@example.org");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
  });
});
