import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("the public registry", () => {
  test("a procurement officer finds a company by part of its name and sees its standing", async ({ page }) => {
    await page.goto("/registry");
    await expect(page.getByRole("heading", { level: 1, name: "Member registry" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Name").fill("meridian prot");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByRole("row").filter({ hasText: "Meridian Protective Services Ltd" });
    await expect(row).toContainText("Certified member");
    await expect(row).toContainText("In good standing");
    await expect(page.getByRole("heading", { name: "1 organisation found" })).toBeVisible();
  });

  test("a suspended company and one whose certificate expired are not in good standing", async ({ page }) => {
    await page.goto("/registry?q=cobalt");
    const cobalt = page.getByRole("row").filter({ hasText: "Cobalt Maritime Protection" });
    await expect(cobalt).toContainText("Certified member");
    await expect(cobalt).toContainText("Not in good standing");

    await page.goto("/registry");
    await page.getByLabel("Membership status").selectOption({ label: "Suspended" });
    await page.getByRole("button", { name: "Search" }).click();
    const ironbridge = page.getByRole("row").filter({ hasText: "Ironbridge Security Services" });
    await expect(ironbridge).toContainText("Not in good standing");

    await page.getByRole("link", { name: "Ironbridge Security Services" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ironbridge Security Services" })).toBeVisible();
    await expect(page.getByText("Not in good standing")).toBeVisible();
    await expect(page.getByRole("table", { name: /status changes/i }).getByRole("row")).toHaveCount(5);
    await expectNoAxeViolations(page);

    await page.goto("/registry/cobalt-maritime-protection");
    await expect(page.getByText("Not in good standing")).toBeVisible();
    await expect(page.getByText("ISO 28007", { exact: true })).toBeVisible();
    await expect(page.getByText("(expired)")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the JSON API returns the same verdicts, with 400 for bad parameters and 404 for unknown slugs", async ({ request, baseURL }) => {
    const cobalt = await (await request.get("/api/registry?q=cobalt")).json();
    expect(cobalt).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(typeof cobalt.asOf).toBe("string");
    expect(cobalt.results[0]).toMatchObject({
      slug: "cobalt-maritime-protection",
      membershipStatus: "certified_member",
      goodStanding: false,
      certification: { standard: "ISO 28007" },
      url: `${baseURL}/registry/cobalt-maritime-protection`,
    });
    const suspended = await (await request.get("/api/registry?status=suspended")).json();
    expect(suspended.results.map((r: { slug: string; goodStanding: boolean }) => [r.slug, r.goodStanding])).toEqual([
      ["ironbridge-security-services", false],
    ]);
    const good = await (await request.get("/api/registry?goodStanding=true&pillar=industry")).json();
    const goodSlugs = good.results.map((r: { slug: string }) => r.slug);
    expect(goodSlugs).toContain("meridian-protective-services");
    expect(goodSlugs).not.toContain("cobalt-maritime-protection");
    expect(goodSlugs).not.toContain("ironbridge-security-services");

    const one = await request.get("/api/registry/ironbridge-security-services");
    expect(one.status()).toBe(200);
    const body = await one.json();
    expect(body).toMatchObject({ slug: "ironbridge-security-services", goodStanding: false, membershipStatus: "suspended" });
    expect(body.statusHistory[0]).toMatchObject({ from: "certified_member", to: "suspended" });

    const bad = await request.get("/api/registry?page=0");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.message).toContain("page");
    expect((await request.get("/api/registry?goodStanding=maybe")).status()).toBe(400);
    const missing = await request.get("/api/registry/no-such-company");
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
  });

  test("the Secretariat changes a company's status with a reason, and the registry shows it", async ({ page, signInAs }) => {
    await signInAs("secretariat@example.org");
    await page.getByRole("link", { name: "Organisations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisations" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Orion Integrated Security SAS" }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel("New status").selectOption({ label: "Suspended" });
    await page.getByRole("button", { name: "Change status…" }).click();
    await page
      .getByRole("dialog", { name: "Change this organisation's membership status?" })
      .getByRole("button", { name: "Change the status" })
      .click();
    await expect(page.getByText("Give a reason of at least 3 characters.")).toBeVisible();
    // The refused form keeps what was chosen; only the missing reason needs adding.
    await expect(page.getByLabel("New status")).toHaveValue("suspended");
    await page.getByLabel("Reason").fill("Failure to submit the annual self-assessment.");
    await page.getByRole("button", { name: "Change status…" }).click();
    await page
      .getByRole("dialog", { name: "Change this organisation's membership status?" })
      .getByRole("button", { name: "Change the status" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "Status changed" })).toBeVisible();
    await page.goto("/registry/orion-integrated-security");
    await expect(page.getByText("Not in good standing")).toBeVisible();
    await expect(page.getByRole("cell", { name: "Failure to submit the annual self-assessment." })).toBeVisible();
  });
});
