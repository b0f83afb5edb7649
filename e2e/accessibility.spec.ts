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

  test("the policy, consultation, register and motion pages, with their confirmation dialogs open, have no violations", async ({
    page,
    signInAs,
    switchTo,
  }) => {
    test.setTimeout(120_000);
    await signInAs("secretariat@example.org", "/policies");
    await expectNoAxeViolations(page);
    await page.goto("/policies/complaints-procedure-affected-persons");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Withdraw the policy…" }).click();
    await expect(page.getByRole("dialog", { name: "Withdraw this policy?" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await page
      .getByRole("link", { name: /^Consultation on version/ })
      .first()
      .click();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Close the consultation now…" }).click();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: "Consultation register" }).click();
    await expectNoAxeViolations(page);
    await switchTo("gov1@example.org", "/policies/human-rights-impact-assessment-guidance");
    await expect(page.getByRole("region", { name: "Consultation register of the last round" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/votes");
    await page
      .getByRole("region", { name: /^Open motions/ })
      .getByRole("link")
      .first()
      .click();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Withdraw the motion…" }).click();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
  });

  test("a confirmation dialog works from the keyboard: it opens on Enter, takes the focus, and Escape gives it back", async ({ page, signInAs }) => {
    await signInAs("secretariat@example.org", "/policies/whistleblower-protection-guidance");
    const trigger = page.getByRole("button", { name: "Withdraw the policy…" });
    await trigger.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Withdraw this policy?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Reason for withdrawing")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
    await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
  });

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
