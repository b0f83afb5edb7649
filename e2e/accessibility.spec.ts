import { expect, expectNoAxeViolations, ROLE_ACCOUNTS, test } from "./fixtures";

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  test("the public pages have no violations", async ({ page }) => {
    for (const path of ["/", "/login", "/login?error=sso_unknown", "/login?reset=1", "/forgot-password"]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });

  for (const account of ROLE_ACCOUNTS) {
    test(`the ${account.role}'s pages have no violations`, async ({ page, signInAs }) => {
      await signInAs(account.email);
      await expectNoAxeViolations(page);
      await page.goto("/");
      await expectNoAxeViolations(page);
    });
  }

  test("the invitations and security pages have no violations", async ({ page, signInAs }) => {
    await signInAs("admin@example.org", "/admin/invitations");
    await expectNoAxeViolations(page);
    await page.goto("/account/security");
    await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Roles that must use two-factor sign-in" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the sign-in form is usable with the keyboard alone", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").focus();
    await page.keyboard.type("rep.gov@example.org");
    await page.keyboard.press("Tab");
    await page.keyboard.type("pillars-demo");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
