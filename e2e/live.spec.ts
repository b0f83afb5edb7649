import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

/** A page of its own browser context, in the account's session, opened at `landing` (see e2e/fixtures.ts). */
type PageAs = (email: string, landing?: string) => Promise<Page>;

/** The Chair drafts a resolution and opens it for ballots; returns its address. */
async function openResolution(pageAs: PageAs, title: string): Promise<string> {
  const chair = await pageAs("gov1@example.org", "/votes");
  const form = chair.getByRole("region", { name: "Draft a motion" });
  await form.getByLabel("A resolution in its own words").check();
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Resolution text").fill(`The Board resolves: ${title.toLowerCase()}.`);
  await form.getByRole("button", { name: "Draft the motion" }).click();
  await expect(chair).toHaveURL(/\/votes\/[0-9a-f-]{36}$/);
  const motionUrl = new URL(chair.url()).pathname;
  await chair.getByRole("button", { name: "Open the motion for ballots…" }).click();
  await chair.getByRole("dialog").getByRole("button", { name: "Open the motion" }).click();
  await expect(chair.getByRole("heading", { name: "Live tally" })).toBeVisible();
  await chair.context().close();
  return motionUrl;
}

/** Opens `path` and waits until its stream of live updates for `topic` answered. */
async function openFollowing(page: Page, path: string, topic: RegExp): Promise<void> {
  const stream = page.waitForResponse((r) => r.url().includes("/api/live?") && topic.test(decodeURIComponent(r.url())));
  await page.goto(path);
  expect((await stream).status()).toBe(200);
  // A reload would lose this mark.
  await page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
}

const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

/** The tally's "Total" row, by what a reader sees. */
const totalRow = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Total", exact: true }) });

test.describe("live updates", () => {
  test("a director's ballot shows on another director's open motion page without a reload", async ({ pageAs }) => {
    const motionUrl = await openResolution(pageAs, "Publish the annual report in three languages");
    const watcher = await pageAs("cso1@example.org");
    await openFollowing(watcher, motionUrl, /topic=motion:/);
    await expect(totalRow(watcher).getByRole("cell").first()).toHaveText("0");

    const voter = await pageAs("cso2@example.org", motionUrl);
    await voter.getByRole("group", { name: "Your ballot" }).getByLabel("Yes", { exact: true }).check();
    await voter.getByRole("button", { name: "Cast my ballot" }).click();
    await expect(voter.getByRole("status").filter({ hasText: "Your ballot is recorded" })).toBeVisible();
    const recordedAt = Date.now();
    await expect(totalRow(watcher).getByRole("cell").first()).toHaveText("1", { timeout: 2_000 });
    console.log(`live updates (PGlite, one process): ballot recorded → other director's page updated in ${Date.now() - recordedAt} ms`);
    expect(await stillSamePage(watcher)).toBe(true);
    await expectNoAxeViolations(watcher);
    await voter.context().close();
    await watcher.context().close();
  });

  test("the header's unread count follows a new notice without a reload", async ({ pageAs }) => {
    const reader = await pageAs("cso3@example.org", "/inbox");
    // Start from no unread notice: the count is not shown at all.
    const markAll = reader.getByRole("button", { name: "Mark all as read" });
    if (await markAll.count()) {
      await markAll.click();
      await expect(reader.getByTestId("unread-count")).toHaveCount(0);
    }
    await openFollowing(reader, "/dashboard", /topic=inbox/);
    await expect(reader.getByTestId("unread-count")).toHaveCount(0);

    // Opening a motion tells every director on the roll.
    await openResolution(pageAs, "Thank the outgoing Treasurer");
    await expect(reader.getByTestId("unread-count")).toHaveText("1 unread", { timeout: 2_000 });
    expect(await stillSamePage(reader)).toBe(true);
    await expectNoAxeViolations(reader);
    await reader.context().close();
  });
});
