import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

const about = (page: Page) => page.getByRole("region", { name: "About this task" });
const timeline = (page: Page) => page.getByRole("list", { name: "Timeline, oldest first" });

test.describe("Secretariat oversight tasks", () => {
  test("a task goes from the Secretariat to staff2, is returned by a director, resubmitted and accepted", async ({ page, signInAs, switchTo }) => {
    const title = `Prepare the donor report ${Date.now()}`;

    // 1. The Secretariat creates a task for staff2.
    await signInAs("secretariat@example.org", "/tasks/new");
    await expectNoAxeViolations(page);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Description").fill("Narrative and financial report for the annual grant.");
    await page.getByLabel("Assignee").selectOption({ label: "Tomás Herrera (staff2@example.org)" });
    await page.getByLabel("Due date").fill("2030-06-15");
    await page.getByLabel("Priority").selectOption("high");
    await page.getByRole("button", { name: "Create task" }).click();
    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
    const taskUrl = new URL(page.url()).pathname;
    const taskId = taskUrl.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(about(page).getByText("Open", { exact: true })).toBeVisible();

    // 2. staff2 sees it in the inbox and under "assigned to me", starts it, reports progress and submits it.
    await switchTo("staff2@example.org");
    await expect(page.getByTestId("unread-count")).toBeVisible();
    await page.getByRole("link", { name: /^Inbox/ }).click();
    await expect(page.getByRole("link", { name: `Task assigned: ${title}` })).toBeVisible();
    await expectNoAxeViolations(page);
    // Opening the notice lands on the task and marks the notice read.
    const notice = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Task assigned: ${title}` }) });
    await expect(notice.getByText("Unread", { exact: true })).toBeVisible();
    await notice.getByRole("link", { name: `Task assigned: ${title}` }).click();
    await expect(page).toHaveURL(taskUrl);
    await page.goto("/inbox");
    await expect(notice.getByRole("link", { name: `Task assigned: ${title}` })).toBeVisible();
    await expect(notice.getByText("Unread", { exact: true })).toHaveCount(0);
    await expect(notice.getByRole("button", { name: /Mark as read/ })).toHaveCount(0);
    await page.goto("/tasks");
    // The list opens on what is not done yet, soonest due first.
    await expect(page.getByLabel("Status")).toHaveValue("unfinished");
    await expect(page.getByRole("table").getByText("Done", { exact: true })).toHaveCount(0);
    await page.getByLabel("Assigned to me").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/mine=1/);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(taskUrl);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Start work" }).click();
    await expect(about(page).getByText("In progress", { exact: true })).toBeVisible();
    await page.getByLabel("Progress note").fill("Financial tables drafted and checked with the auditors.");
    await page.getByLabel("Evidence link (optional)").fill("https://docs.example.org/donor-report-draft");
    await page.getByRole("button", { name: "Add progress update" }).click();
    await expect(timeline(page).getByRole("link", { name: "https://docs.example.org/donor-report-draft" })).toBeVisible();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(about(page).getByText("In review", { exact: true })).toBeVisible();
    // 3. The assignee is offered no way to accept their own work.
    await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Return" })).toHaveCount(0);

    // 4. gov2 returns it: first without a reason (a field error, nothing changes), then with one.
    await switchTo("gov2@example.org", taskUrl);
    await page.getByRole("button", { name: "Return" }).click();
    await expect(page.getByText("Say why the task is returned.")).toBeVisible();
    await expect(page.getByLabel("Reason for returning it")).toHaveAttribute("aria-invalid", "true");
    await page.reload();
    await expect(about(page).getByText("In review", { exact: true })).toBeVisible();
    await expect(timeline(page).getByText("returned it")).toHaveCount(0);
    await page.getByLabel("Reason for returning it").fill("Please add the spending by pillar.");
    await page.getByRole("button", { name: "Return" }).click();
    await expect(about(page).getByText("In progress", { exact: true })).toBeVisible();

    // staff2 is told, and resubmits.
    await switchTo("staff2@example.org", "/inbox");
    await expect(page.getByRole("link", { name: `Task returned: ${title}` })).toBeVisible();
    await expect(page.getByText("Please add the spending by pillar.")).toBeVisible();
    await page.getByRole("link", { name: `Task returned: ${title}` }).click();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(about(page).getByText("In review", { exact: true })).toBeVisible();

    // 5. gov2 accepts it.
    await switchTo("gov2@example.org", taskUrl);
    await page.getByRole("button", { name: "Accept" }).click();
    await expect(about(page).getByText("Done", { exact: true })).toBeVisible();

    // 6. Every step is in the timeline, oldest first, and in the audit log.
    await page.reload();
    const steps = timeline(page).getByRole("listitem");
    await expect(steps).toHaveCount(7);
    await expect(steps.nth(0)).toContainText("created the task");
    await expect(steps.nth(1)).toContainText("moved it from open to in progress");
    await expect(steps.nth(2)).toContainText("posted a progress update");
    await expect(steps.nth(3)).toContainText("moved it from in progress to in review");
    await expect(steps.nth(4)).toContainText("returned it for more work");
    await expect(steps.nth(4)).toContainText("Please add the spending by pillar.");
    await expect(steps.nth(5)).toContainText("moved it from in progress to in review");
    await expect(steps.nth(6)).toContainText("moved it from in review to done");
    await page.getByRole("link", { name: "This task in the audit log" }).click();
    await expect(page).toHaveURL(`/audit?entityType=task&entityId=${taskId}`);
    // Each entry reads as a sentence, newest first.
    const entries = page.getByRole("list", { name: "Audit entries, newest first" }).getByRole("listitem");
    await expect(entries).toHaveCount(7);
    const sentences = [
      /accepted the task “.+” as done \(now done\)\./,
      /submitted the task “.+” for review \(now in review\)\./,
      /returned the task “.+” for more work \(now in progress\): Please add the spending by pillar\./,
      /submitted the task “.+” for review \(now in review\)\./,
      /recorded progress on the task “.+”: Financial tables drafted and checked with the auditors\./,
      /started work on the task “.+” \(now in progress\)\./,
      /created the task “.+”/,
    ];
    for (const [i, sentence] of sentences.entries()) await expect(entries.nth(i)).toContainText(sentence);
  });

  test("the oversight view shows the figures as a table, with no accessibility violations", async ({ page, signInAs }) => {
    await signInAs("cso2@example.org");
    await page.getByRole("link", { name: "Oversight" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Oversight" })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByRole("rowheader", { name: "Tomás Herrera" })).toBeVisible();
    await expect(table.getByRole("rowheader", { name: "All" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a follow-up task from a passed motion opens the form with the motion linked", async ({ page, signInAs }) => {
    await signInAs("gov1@example.org", "/tasks?status=done");
    await page.getByRole("link", { name: "Publish the adopted Certification Procedure on the public website" }).click();
    const motionHref = await about(page).getByRole("link").first().getAttribute("href");
    const motionId = motionHref!.split("/").pop()!;
    await page.goto(`/tasks/new?motionId=${motionId}`);
    await expect(page.getByLabel("Linked motion")).toHaveValue(motionId);
    await expect(page.getByLabel("Title")).toHaveValue(/^Follow up: Adopt /);
    // An unknown id is ignored rather than trusted.
    await page.goto("/tasks/new?motionId=00000000-0000-4000-8000-000000000000");
    await expect(page.getByLabel("Linked motion")).toHaveValue("");
  });

  test("the CSV export follows the filters, and the calendar address can be revoked", async ({ page, signInAs }) => {
    await signInAs("staff2@example.org");
    const csv = await page.request.get("/api/tasks/export?mine=1&overdue=1");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toContain('"title"');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toContain('"Tomás Herrera"');

    await page.goto("/tasks");
    await page.getByRole("button", { name: /calendar address/ }).click();
    const first = await page.getByLabel(/Your calendar address/).inputValue();
    const feed = await page.request.get(first);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    await page.getByRole("button", { name: "Create a new calendar address" }).click();
    await expect(page.getByLabel(/Your calendar address/)).not.toHaveValue(first);
    expect((await page.request.get(first)).status()).toBe(404);
    expect((await page.request.get(await page.getByLabel(/Your calendar address/).inputValue())).status()).toBe(200);
  });

  test("a representative cannot open tasks", async ({ page, signInAs }) => {
    await signInAs("rep.gov@example.org");
    await expect(page.getByRole("link", { name: "Tasks" })).toHaveCount(0);
    const response = await page.goto("/tasks");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not open to your role" })).toBeVisible();
    await expect(page.getByRole("search", { name: "Filter tasks" })).toHaveCount(0);
    expect((await page.request.get("/api/tasks/export")).status()).toBe(403);
  });
});
