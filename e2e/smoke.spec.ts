import { expect, signIn, test } from "./fixtures";

/**
 * The smoke story: the few steps that show a deployment works end to end (pages render from the
 * database, signing in works, a write is saved and shown). Run by the whole suite, and on its own
 * against the standalone server and against a database moved to PostgreSQL (see .ci/run).
 */
test.describe("smoke", () => {
  test("a visitor reads the public pages; the Secretariat signs in, creates a task and sees it", async ({ page }) => {
    const health = await page.request.get("/api/health?probe=ready");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "up", migrations: "applied" });

    await page.goto("/policies");
    await expect(page.getByRole("link", { name: "Certification Procedure for Member Companies" })).toBeVisible();
    await page.goto("/registry");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await signIn(page, "secretariat@example.org");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Secretariat");

    const title = `Smoke check ${Date.now()}`;
    await page.goto("/tasks/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Description").fill("Confirms that this deployment saves and shows a write.");
    await page.getByLabel("Assignee").selectOption({ label: "Tomás Herrera (staff2@example.org)" });
    await page.getByLabel("Due date").fill("2030-06-15");
    await page.getByLabel("Priority").selectOption("high");
    await page.getByRole("button", { name: "Create task" }).click();
    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    // Read back from the database, not from the page the action answered.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  });
});
