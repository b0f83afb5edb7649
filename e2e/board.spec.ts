import { expect, expectNoAxeViolations, test } from "./fixtures";

const PILLARS = ["Governments", "Civil Society Organisations", "Private Security Companies"];

test.describe("the board", () => {
  test("a visitor sees twelve seats, four per pillar, with holders, offices and terms", async ({ page }) => {
    await page.goto("/board");
    await expect(page.getByRole("heading", { level: 1, name: "Board of Directors" })).toBeVisible();
    for (const pillar of PILLARS) {
      await expect(page.getByRole("region", { name: pillar }).getByRole("listitem")).toHaveCount(4);
    }
    const governments = page.getByRole("region", { name: "Governments" });
    await expect(governments.getByRole("listitem").filter({ hasText: "Margaret Ellison" })).toContainText("Chair");
    await expect(governments.getByRole("listitem").filter({ hasText: "Margaret Ellison" })).toContainText("United States Department of State");
    await expect(page.getByRole("listitem").filter({ hasText: "Wanjiru Kamau" })).toContainText("Vice-chair");
    await expect(page.getByText(/^Term \d/).first()).toBeVisible();
    // Time left is for the signed-in workspace only.
    await expect(page.getByText("Term ends within 90 days")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("a signed-in director sees how long each term has left and which end within 90 days", async ({ page, signInAs }) => {
    await signInAs("cso2@example.org", "/board");
    const gov3 = page.getByRole("listitem").filter({ hasText: "Priya Natarajan" });
    await expect(gov3).toContainText(/\d+ days left/);
    await expect(gov3).toContainText("Term ends within 90 days");
    await expect(page.getByRole("listitem").filter({ hasText: "Margaret Ellison" })).toContainText(/years? .*left/);
    await expect(page.getByText("Term ends within 90 days")).toHaveCount(3);
    await expectNoAxeViolations(page);
  });

  test("an administrator vacates a seat, is refused holders of another pillar or with a seat, then fills it", async ({ page, signInAs }) => {
    await signInAs("admin@example.org");
    await page.getByRole("link", { name: "Seats" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Board seats" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Manage Governments seat 4" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Governments, seat 4" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Reason for vacating").fill("Resigned on appointment as ambassador.");
    await page.getByRole("button", { name: "Vacate seat…" }).click();
    await expect(page.getByRole("dialog", { name: "Vacate this seat today?" })).toContainText("loses the director's role at once");
    await expectNoAxeViolations(page);
    await page.getByRole("dialog").getByRole("button", { name: "Vacate the seat" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Seat vacated." })).toBeVisible();

    await page.goto("/board");
    const seat4 = page.getByRole("region", { name: "Governments" }).getByRole("listitem").filter({ hasText: "Seat 4" });
    await expect(seat4).toContainText("Vacant");
    await expect(page.getByText("Erik Lindqvist")).toHaveCount(0);

    await page.goto("/admin/seats");
    await page.getByRole("link", { name: "Manage Governments seat 4" }).click();
    await expectNoAxeViolations(page);
    await page.getByRole("combobox", { name: "Holder" }).selectOption({ label: "Thabo Nkosi, Kestrel Secure Logistics (Pty) Ltd" });
    await page.getByRole("button", { name: "Assign holder" }).click();
    await expect(page.getByRole("region", { name: "Assign a holder" }).getByRole("alert")).toContainText(
      "Thabo Nkosi belongs to Kestrel Secure Logistics (Pty) Ltd (Private Security Companies); this seat is for Governments.",
    );

    await page
      .getByRole("combobox", { name: "Holder" })
      .selectOption({ label: "Jonas Keller, Swiss Federal Department of Foreign Affairs (holds a seat)" });
    await page.getByRole("button", { name: "Assign holder" }).click();
    await expect(page.getByRole("region", { name: "Assign a holder" }).getByRole("alert")).toContainText(
      "Jonas Keller already holds seat 2 of Governments; end that term first.",
    );
    await expectNoAxeViolations(page);

    await page.getByRole("combobox", { name: "Holder" }).selectOption({ label: "Erik Lindqvist, Swedish Ministry for Foreign Affairs" });
    await page.getByRole("button", { name: "Assign holder" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Holder assigned" })).toBeVisible();
    await page.goto("/board");
    await expect(page.getByRole("region", { name: "Governments" }).getByRole("listitem").filter({ hasText: "Seat 4" })).toContainText(
      "Erik Lindqvist",
    );
  });

  test("other roles cannot open seat administration", async ({ page, signInAs }) => {
    await signInAs("secretariat@example.org");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Seats", exact: true })).toHaveCount(0);
    const response = await page.goto("/admin/seats");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not open to your role" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Board seats/ })).toHaveCount(0);
  });
});
