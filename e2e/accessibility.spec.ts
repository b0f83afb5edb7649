import { expect, expectNoAxeViolations, ROLE_ACCOUNTS, test } from "./fixtures";

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  test("the public pages have no violations", async ({ page }) => {
    for (const path of ["/", "/login"]) {
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
