import type { Page } from "@playwright/test";
import { parseCsv } from "../lib/consultations/csv-parse";
import { expect, expectNoAxeViolations, test } from "./fixtures";

const TITLE = "Detention Standards for Member Companies";
const SLUG = "detention-standards-for-member-companies";

const V1 = `**1. Scope.** This policy applies to every member company that holds persons on behalf of a client.

**2. Notification.** Companies notify the Secretariat of every apprehension within 14 days of the event.

**3. Records.** Companies keep a written record of each apprehension for five years.

**4. Review.** The Board reviews this policy every three years.`;

const V2 = `**1. Scope.** This policy applies to every member company that holds persons on behalf of a client.

**2. Notification.** Companies notify the Secretariat of every apprehension within 72 hours of the event.

**4. Review.** The Board reviews this policy every three years.

**5. Handover.** Persons apprehended are handed to the competent public authorities without delay.`;

function paragraph(page: Page, n: number) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Paragraph ${n}`, exact: true }) });
}

test.describe("policies and consultations", () => {
  test("visitors read adopted policies only, and the pages pass axe", async ({ page }) => {
    await page.goto("/policies");
    await expect(page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Certification Procedure for Member Companies" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Whistleblower Protection Guidance for Member Companies" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Certification Procedure for Member Companies" }).click();
    await expect(page.getByRole("heading", { name: "Version 2 (adopted)" })).toBeVisible();
    await expectNoAxeViolations(page);
    // A draft is not found for the public (it may not learn the draft exists); signing in is offered.
    const draft = await page.goto("/policies/whistleblower-protection-guidance");
    expect(draft?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in and try again" })).toHaveAttribute(
      "href",
      "/login?returnTo=%2Fpolicies%2Fwhistleblower-protection-guidance",
    );
    await expect(page.getByText("Whistleblower Protection Guidance")).toHaveCount(0);
    // The register export is for signed-in readers: a visitor gets a 401 JSON error, not a file.
    const csv = await page.request.get("/api/consultations/00000000-0000-4000-8000-000000000000/register");
    expect(csv.status()).toBe(401);
    expect((await csv.json()).error.code).toBe("unauthenticated");
  });

  test("the Secretariat drafts, consults two pillars, answers, and version 2 marks the comments it no longer fits", async ({
    page,
    signInAs,
    switchTo,
  }) => {
    test.setTimeout(180_000);
    // Create a policy in the Markdown editor, with a preview.
    await signInAs("secretariat@example.org", "/policies");
    await page.getByRole("link", { name: "New policy" }).click();
    await page.getByLabel("Title").fill(TITLE);
    await page.getByLabel("Category").selectOption("procedure");
    await page.getByLabel("Text").fill("**1. Scope.** A first rough draft.");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("region", { name: "Preview" }).locator("strong")).toHaveText("1. Scope.");
    await page.getByRole("button", { name: "Back to editing" }).click();
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(page).toHaveURL(new RegExp(`/policies/${SLUG}$`));
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

    // Edit the draft, make version 1 final.
    await page.getByRole("link", { name: "Edit draft version 1" }).click();
    await expect(page).toHaveURL(new RegExp(`/policies/${SLUG}/edit$`));
    await page.getByLabel("Text of version 1").fill(V1);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft of version 1 saved.")).toBeVisible();
    await page.getByRole("link", { name: "Back to the policy" }).click();
    await page.getByRole("button", { name: "Make version 1 final…" }).click();
    await expect(page.getByRole("dialog", { name: "Make version 1 final?" })).toContainText("Version 1's text can never change again.");
    await page.getByRole("dialog").getByRole("button", { name: "Make version 1 final" }).click();
    await expect(page.getByText("Version 1 is final.")).toBeVisible();

    // Open a consultation on version 1 to Governments and Civil Society Organisations.
    await page.getByRole("link", { name: "Open a consultation" }).click();
    await expect(page).toHaveURL(/\/consultations\/new$/);
    await page.getByRole("combobox", { name: "Version" }).selectOption({ label: "Version 1" });
    await page.getByRole("checkbox", { name: "Governments" }).check();
    await page.getByRole("checkbox", { name: "Civil Society Organisations" }).check();
    await page.getByRole("button", { name: "Open the consultation" }).click();
    await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
    const consultationUrl = new URL(page.url()).pathname;
    await expect(page.getByText("Open for comment")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Not heard yet:" })).toContainText(
      "Governments, Civil Society Organisations are invited",
    );
    // The Secretariat's own comment on paragraph 1, answered later.
    await page.getByLabel("Paragraph", { exact: true }).selectOption({ index: 0 });
    await page.getByLabel("Your comment").fill("Scope should say whether subcontractors are covered.");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Comment posted.")).toBeVisible();
    await expectNoAxeViolations(page);
    const keyOfParagraph2 = await paragraph(page, 2).getAttribute("id");

    // A representative of an invited pillar comments on paragraph 2, with a quote; user HTML stays text.
    await switchTo("rep.gov@example.org", consultationUrl);
    await paragraph(page, 2).getByRole("link", { name: "Comment on paragraph 2" }).click();
    await expect(page.getByLabel("Paragraph", { exact: true })).toHaveValue(keyOfParagraph2!.replace("paragraph-", ""));
    await page.getByLabel("Quoted words (optional)").fill("within 14 days");
    await page
      .getByLabel("Your comment")
      .fill('Fourteen days is too slow. <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">');
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Comment posted.")).toBeVisible();
    const govComment = paragraph(page, 2).getByRole("article", { name: /Comment by/ });
    await expect(govComment).toContainText("Fourteen days is too slow.");
    await expect(govComment).toContainText("Governments");
    await expect(govComment).toContainText("“within 14 days”");
    await expect(govComment).toContainText("<script>window.__pwned = 1</script>");
    await expect(page.locator("main script")).toHaveCount(0);
    await expect(page.locator("main img")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The other invited pillar comments on paragraph 3, which version 2 will delete.
    await switchTo("rep.cso@example.org", consultationUrl);
    await page.getByLabel("Paragraph", { exact: true }).selectOption({ index: 2 });
    await page.getByLabel("Your comment").fill("Five years is too short for records of detention.");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Comment posted.")).toBeVisible();

    // For the third pillar's representative, not invited, neither the consultation nor the draft exists.
    await switchTo("rep.psc@example.org");
    const uninvited = await page.goto(consultationUrl);
    expect(uninvited?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("There is nothing at this address, or it has not been shared with you.")).toBeVisible();
    await expect(page.getByLabel("Your comment")).toHaveCount(0);
    expect((await page.request.get(`/policies/${SLUG}`)).status()).toBe(404);

    // The administrator may read it, but the comment box is replaced by the reason.
    await switchTo("admin@example.org", consultationUrl);
    await expect(page.getByText("Why you cannot comment:")).toBeVisible();
    await expect(page.getByLabel("Your comment")).toHaveCount(0);

    // The register: filter, answer (a reason is required for "not accepted"), CSV.
    await switchTo("secretariat@example.org", `${consultationUrl}/register`);
    await expect(page.getByRole("heading", { name: "3 comments" })).toBeVisible();
    await page.getByLabel("Pillar").selectOption({ label: "Governments" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("heading", { name: "1 comment" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Fourteen days is too slow." })).toBeVisible();
    await page.goto(`${consultationUrl}/register`);
    const secRow = page.getByRole("row").filter({ hasText: "Scope should say whether subcontractors" });
    await secRow.getByLabel("Answer", { exact: true }).selectOption("not_accepted");
    await secRow.getByRole("button", { name: "Save answer" }).click();
    await expect(secRow.getByText("Give the reason why the comment is not accepted.")).toBeVisible();
    await secRow.getByLabel("Response").fill("Subcontractors are covered by the Code itself.");
    await secRow.getByRole("button", { name: "Save answer" }).click();
    await expect(secRow.getByText("Answer saved.")).toBeVisible();
    await page.goto(`${consultationUrl}/register?status=not_accepted`);
    await expect(page.getByRole("heading", { name: "1 comment" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`${consultationUrl}/register`);
    const csvHref = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const csv = await page.request.get(csvHref!);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const table = parseCsv(await csv.text());
    expect(table[0]).toEqual([
      "Paragraph",
      "Quote",
      "Comment",
      "Author",
      "Organisation",
      "Pillar",
      "Answer",
      "Response",
      "Answered by",
      "Answered at",
      "Commented at",
      "Outdated",
    ]);
    expect(table).toHaveLength(4);
    const govRow = table.find((r) => r[1] === "within 14 days")!;
    expect(govRow.slice(0, 3)).toEqual([
      "2",
      "within 14 days",
      'Fourteen days is too slow. <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">',
    ]);
    expect(table.find((r) => r[6] === "not_accepted")?.[7]).toBe("Subcontractors are covered by the Code itself.");

    // Version 2 edits paragraph 2, deletes paragraph 3 and inserts a new one.
    await page.goto(`/policies/${SLUG}`);
    await page.getByRole("button", { name: "Start version 2" }).click();
    await expect(page).toHaveURL(new RegExp(`/policies/${SLUG}/edit$`));
    await expect(page.getByLabel("Text of version 2")).toBeVisible();
    await page.getByLabel("Text of version 2").fill(V2);
    await page.getByLabel("Summary of changes (optional)").fill("Notification within 72 hours; records moved to guidance; handover added.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft of version 2 saved.")).toBeVisible();
    await page.getByRole("link", { name: "Back to the policy" }).click();
    // The round's text is frozen: version 2 cannot be made final while the consultation on version 1 is open.
    await expect(page.locator("p").filter({ hasText: "Version 2 cannot be made final yet." })).toContainText("frozen until the round closes");
    await expect(page.getByRole("button", { name: "Make version 2 final…" })).toHaveCount(0);
    await page.goto(consultationUrl);
    await page.getByRole("button", { name: "Close the consultation now…" }).click();
    const closing = page.getByRole("dialog", { name: "Close this consultation early?" });
    await expect(closing).toContainText("The representatives of Governments, Civil Society Organisations, and everyone who commented.");
    await closing.getByLabel("Reason for closing early").fill("Version 2 answers the comments received.");
    await closing.getByRole("button", { name: "Close the consultation" }).click();
    await expect(page.getByText("The consultation is closed; 2 people were told.")).toBeVisible();
    await page.goto(`/policies/${SLUG}`);
    await page.getByRole("button", { name: "Make version 2 final…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Make version 2 final" }).click();
    await expect(page.getByText("Version 2 is final. 0 open comment(s) carried forward, 2 marked outdated.")).toBeVisible();

    // The consultation keeps its own text; each comment says its version and whether version 2 still fits it.
    await page.goto(consultationUrl);
    await expect(page.getByText("version 2 is now the latest, and comments that no longer fit it are marked outdated")).toBeVisible();
    await expect(page.getByText("Version 2 answers the comments received.")).toBeVisible();
    expect(await paragraph(page, 2).getAttribute("id")).toBe(keyOfParagraph2);
    const govThread = paragraph(page, 2).getByRole("article", { name: /Comment by/ });
    await expect(govThread).toContainText("Fourteen days is too slow.");
    await expect(govThread).toContainText("Written on version 1");
    await expect(govThread).toContainText("Outdated: quoted words no longer in version 2");
    const csoThread = paragraph(page, 3).getByRole("article", { name: /Comment by/ });
    await expect(csoThread).toContainText("Five years is too short for records of detention.");
    await expect(csoThread).toContainText("Outdated: paragraph removed in version 2");
    await expect(paragraph(page, 1).getByRole("article", { name: /Comment by/ })).not.toContainText("Outdated");
    await expectNoAxeViolations(page);

    // The comparison shows word-level changes, side by side and inline.
    await page.goto(`/policies/${SLUG}`);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Compare with version 1" }).click();
    await expect(page).toHaveURL(/\/diff\?from=1&to=2$/);
    await expect(page.locator("del").filter({ hasText: "14 days" }).first()).toBeVisible();
    await expect(page.locator("ins").filter({ hasText: "72 hours" }).first()).toBeVisible();
    await expect(page.getByText("Deleted paragraph", { exact: true })).toBeVisible();
    await expect(page.getByText("Inserted paragraph", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Inline" }).click();
    await expect(page).toHaveURL(/view=inline$/);
    await expect(page.locator("ins").filter({ hasText: "72 hours" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`/policies/${SLUG}/diff?from=abc&to=2`);
    await expect(page.getByText(/^Bad request: from/)).toBeVisible();
    await page.goto(`/policies/${SLUG}/diff?from=1&to=99`);
    await expect(page.getByText("Bad request: This policy has no version 99 that you can read.")).toBeVisible();
  });

  test("a representative follows the dashboard to the open demo consultation, with its coverage and register", async ({ page, signInAs }) => {
    await signInAs("rep.psc@example.org");
    await page.getByRole("link", { name: "Complaints Procedure for Affected Persons" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Consultation on version 1" })).toBeVisible();
    const heat = page.getByRole("table", { name: /Comments per paragraph and pillar/ });
    await expect(heat.getByRole("columnheader", { name: "Private Security Companies" })).toBeVisible();
    await expect(heat.getByRole("row")).toHaveCount(9);
    await expect(page.getByRole("table", { name: "Who has commented, by pillar" }).getByRole("row", { name: /Governments/ })).toBeVisible();
    await expect(page.getByLabel("Your comment")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Consultation register" }).click();
    await expect(page.getByRole("heading", { name: "14 comments" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a director opens every demo policy, in every status, and each comparison of its versions", async ({ page, signInAs }) => {
    await signInAs("cso2@example.org", "/policies");
    const links = page.getByRole("table").getByRole("link");
    // The seven demo policies, one per status (another test may have added its own).
    await expect(links.filter({ hasText: "Whistleblower Protection Guidance" })).toBeVisible();
    expect(await links.count()).toBeGreaterThanOrEqual(7);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of hrefs) {
      await page.goto(href);
      await expect(page.getByRole("heading", { name: "Versions" })).toBeVisible();
      const compare = page.getByRole("link", { name: /^Compare with version/ });
      if (await compare.count()) {
        await compare.first().click();
        await expect(page.getByRole("heading", { level: 1, name: "Compare versions" })).toBeVisible();
        await expect(page.getByRole("table", { name: /paragraph by paragraph/ })).toBeVisible();
      }
    }
    await page.goto("/policies?status=draft&category=guidance");
    await expect(links).toHaveCount(1);
    await expect(links).toHaveText("Whistleblower Protection Guidance for Member Companies");
  });
});
