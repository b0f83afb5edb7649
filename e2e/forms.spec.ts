import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

/** Fills the new-task form with everything but a due date, which the server then refuses. */
async function fillTaskWithoutDueDate(page: Page, title: string) {
  await page.goto("/tasks/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Minutes of the June meeting, with the annexes.");
  await page.getByLabel("Assignee").selectOption({ label: "Tomás Herrera (staff2@example.org)" });
  await page.getByLabel("Priority").selectOption("high");
  await page.getByRole("button", { name: "Create task" }).click();
}

async function expectTaskFormKept(page: Page, title: string) {
  await expect(page.getByText(/^Give the due date/)).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Description")).toHaveValue("Minutes of the June meeting, with the annexes.");
  await expect(page.getByLabel("Assignee")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel("Assignee").locator("option:checked")).toHaveText("Tomás Herrera (staff2@example.org)");
  await expect(page.getByLabel("Priority")).toHaveValue("high");
}

test.describe("a refused form keeps what was typed", () => {
  test("in the browser: only the missing due date needs adding", async ({ page, signInAs }) => {
    const title = `Circulate the minutes ${Date.now()}`;
    await signInAs("secretariat@example.org");
    await fillTaskWithoutDueDate(page, title);
    await expectTaskFormKept(page, title);
    await page.getByLabel("Due date").fill("2030-07-01");
    await page.getByRole("button", { name: "Create task" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  });

  test("without JavaScript: the server answers the post with the form as it was typed", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const title = `Circulate the annexes ${Date.now()}`;
    // Signing in works without JavaScript too: the form posts and the server redirects.
    await signIn(page, "secretariat@example.org");
    await expect(page).toHaveURL(/\/dashboard$/);
    await fillTaskWithoutDueDate(page, title);
    await expectTaskFormKept(page, title);
    await context.close();
  });
});
