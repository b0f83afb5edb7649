import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

/** A page of its own browser context, in the account's session, opened at `landing` (see e2e/fixtures.ts). */
type PageAs = (email: string, landing?: string) => Promise<Page>;

async function castBallot(pageAs: PageAs, motionUrl: string, who: string, choice: "Yes" | "No" | "Abstain") {
  const page = await pageAs(`${who}@example.org`, motionUrl);
  await page.getByRole("group", { name: "Your ballot" }).getByLabel(choice, { exact: true }).check();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your ballot is recorded" })).toBeVisible();
  await page.reload();
  const needs = (await page.getByTestId("needs").count()) ? await page.getByTestId("needs").innerText() : "";
  await page.context().close();
  return needs;
}

test.describe("board motions and pillar-balanced votes", () => {
  test("the Secretariat drafts, the Chair opens, twelve directors vote, and 8 yes with one industry yes fails", async ({ browser, pageAs }) => {
    test.setTimeout(240_000);
    const secretariat = await pageAs("secretariat@example.org", "/votes");
    await expectNoAxeViolations(secretariat);
    await secretariat.getByLabel("To adopt a policy version").check();
    await secretariat.getByLabel("Title").fill("Adopt the Human Rights Impact Assessment Guidance");
    await secretariat.getByLabel("Policy version to adopt").selectOption({ label: "Human Rights Impact Assessment Guidance, version 1" });
    await secretariat.getByRole("button", { name: "Draft the motion" }).click();
    await expect(secretariat).toHaveURL(/\/votes\/[0-9a-f-]{36}$/);
    const motionUrl = new URL(secretariat.url()).pathname;
    await expect(secretariat.getByRole("heading", { level: 1 })).toContainText("Draft");
    await expect(secretariat.getByRole("button", { name: "Open the motion for ballots" })).toHaveCount(0);
    await secretariat.context().close();

    const chair = await pageAs("gov1@example.org", motionUrl);
    await chair.getByRole("button", { name: "Open the motion for ballots…" }).click();
    await expect(chair.getByRole("dialog", { name: "Open this motion for ballots?" })).toContainText("Every director on the roll.");
    await chair.getByRole("dialog").getByRole("button", { name: "Open the motion" }).click();
    await expect(chair.getByRole("heading", { name: "Live tally" })).toBeVisible();
    await chair.reload();
    await expect(chair.getByTestId("needs")).toContainText("Quorum needs 7 more ballots in total");
    await expectNoAxeViolations(chair);
    await chair.context().close();

    const pattern: [string, "Yes" | "No" | "Abstain"][] = [
      ["gov1", "Yes"],
      ["gov2", "Yes"],
      ["gov3", "Yes"],
      ["gov4", "Yes"],
      ["cso1", "Yes"],
      ["cso2", "Yes"],
      ["cso3", "Yes"],
      ["cso4", "No"],
      ["psc1", "Yes"],
      ["psc2", "No"],
      ["psc3", "No"],
      ["psc4", "Abstain"],
    ];
    const needsAfter: string[] = [];
    for (const [who, choice] of pattern) needsAfter.push(await castBallot(pageAs, motionUrl, who, choice));
    expect(needsAfter[0]).toContain("Quorum needs 6 more ballots in total");
    expect(needsAfter[0]).toContain("Needs 1 more yes from Governments");
    expect(needsAfter[3]).not.toContain("from Governments");
    expect(needsAfter[3]).toContain("Needs 2 more yes from Civil Society Organisations");
    expect(needsAfter[8]).toContain("Needs 1 more yes from Private Security Companies");
    expect(needsAfter[11]).toBe("Needs 1 more yes from Private Security Companies");

    const closing = await pageAs("gov1@example.org", motionUrl);
    await expect(closing.getByTestId("decided")).toHaveText("Decided: passage is no longer possible, whatever the remaining directors do.");
    await expect(closing.getByRole("table").first()).toContainText("8");
    await closing.getByRole("button", { name: "Close the motion now…" }).click();
    await closing
      .getByRole("dialog", { name: "Close this motion before its closing time?" })
      .getByRole("button", { name: "Close the motion" })
      .click();
    await expect(closing.getByText("The motion failed.")).toBeVisible();
    await closing.reload();
    await expect(closing.getByTestId("reasons")).toContainText(
      "Threshold not met in Private Security Companies: 1 yes of the 2 required from that pillar",
    );
    await expect(closing.getByRole("heading", { name: "Roll call" })).toBeVisible();
    const csv = await closing.request.get(`/api/votes/${motionUrl.split("/").pop()}/roll-call`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^Motion,Director,Organisation,Pillar,Seat,Ballot/);
    await expectNoAxeViolations(closing);
    await closing.context().close();

    // The public sees the totals per pillar, never who voted how.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/votes");
    await expect(visitor.getByRole("link", { name: "Adopt the Human Rights Impact Assessment Guidance" })).toBeVisible();
    await expect(visitor.getByRole("heading", { name: /Open motions/ })).toHaveCount(0);
    await expectNoAxeViolations(visitor);
    await visitor.goto(motionUrl);
    await expect(visitor.getByRole("heading", { name: "Totals per pillar" })).toBeVisible();
    await expect(visitor.getByRole("heading", { name: "Roll call" })).toHaveCount(0);
    await expect(visitor.getByRole("link", { name: /Export the roll call/ })).toHaveCount(0);
    expect((await visitor.request.get(`/api/votes/${motionUrl.split("/").pop()}/roll-call`)).status()).toBe(401);
    await expectNoAxeViolations(visitor);
    await visitor.context().close();
  });

  test("a changed ballot reads as a sentence in the audit log, which the Secretariat filters by person", async ({ pageAs }) => {
    const title = `Hold the spring meeting in Montreux ${Date.now()}`;
    const secretariat = await pageAs("secretariat@example.org", "/votes");
    await secretariat.getByLabel("A resolution in its own words").check();
    await secretariat.getByLabel("Title").fill(title);
    await secretariat.getByLabel("Resolution text").fill("The Board resolves to hold its spring meeting in Montreux.");
    await secretariat.getByRole("button", { name: "Draft the motion" }).click();
    await expect(secretariat).toHaveURL(/\/votes\/[0-9a-f-]{36}$/);
    const motionUrl = new URL(secretariat.url()).pathname;

    const chair = await pageAs("gov1@example.org", motionUrl);
    await chair.getByRole("button", { name: "Open the motion for ballots…" }).click();
    await chair.getByRole("dialog").getByRole("button", { name: "Open the motion" }).click();
    await expect(chair.getByRole("heading", { name: "Live tally" })).toBeVisible();
    await chair.context().close();

    const lucia = await pageAs("cso2@example.org", motionUrl);
    await lucia.getByRole("group", { name: "Your ballot" }).getByLabel("No", { exact: true }).check();
    await lucia.getByRole("button", { name: "Cast my ballot" }).click();
    await expect(lucia.getByRole("status").filter({ hasText: "Your ballot is recorded" })).toBeVisible();
    await lucia.reload();
    await lucia.getByRole("group", { name: "Your ballot" }).getByLabel("Yes", { exact: true }).check();
    await lucia.getByRole("button", { name: "Change my ballot" }).click();
    await expect(lucia.getByRole("status").filter({ hasText: "Your ballot is recorded: yes" })).toBeVisible();
    await lucia.context().close();

    // The Secretariat reads the audit log now: the header links to it.
    await secretariat.getByRole("link", { name: "Audit log", exact: true }).first().click();
    await expect(secretariat.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await secretariat.getByLabel("Person").fill("Lucía Mendoza");
    await secretariat.getByRole("button", { name: "Filter" }).click();
    await expect(secretariat).toHaveURL(/person=Luc%C3%ADa\+Mendoza/);
    const entries = secretariat.getByRole("list", { name: "Audit entries, newest first" }).getByRole("listitem");
    await expect(entries.first()).toContainText(`Lucía Mendoza (Civil Society) changed their ballot on the motion “${title}” from no to yes.`);
    await expect(entries.nth(1)).toContainText(`Lucía Mendoza (Civil Society) voted no on the motion “${title}”.`);
    // Only her entries: the Chair opened the motion, and that is not among them.
    await expect(entries.filter({ hasText: "opened the motion" })).toHaveCount(0);
    await expectNoAxeViolations(secretariat);
    await entries
      .first()
      .getByRole("link", { name: `Open ${title}` })
      .click();
    await expect(secretariat).toHaveURL(motionUrl);
  });

  test("a director sees the seeded open motion, its roll call, and may declare a conflict of interest", async ({ pageAs }) => {
    const page = await pageAs("cso4@example.org", "/votes");
    await page.getByRole("link", { name: "Adopt Incident Reporting Requirements for Member Companies version 2" }).click();
    await expect(page.getByRole("heading", { name: "Live tally" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Roll call" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByText("I have a conflict of interest").click();
    await page.getByLabel("Reason for the conflict of interest").fill("My organisation drafted part of this text for a member company.");
    await page.getByRole("button", { name: "Declare a conflict of interest" }).click();
    await expect(page.getByRole("status").filter({ hasText: "off the roll" })).toBeVisible();
    await page.reload();
    await expect(page.getByText(/You declared a conflict of interest/)).toBeVisible();
    await page.context().close();
  });

  test("an administrator manages decision rules, and a rule that does not fit the seats is refused", async ({ pageAs }) => {
    const page = await pageAs("admin@example.org");
    await page.getByRole("link", { name: "Decision rules" }).click();
    await expect(page.getByRole("heading", { name: "Pillar-balanced supermajority (default, configurable)" })).toBeVisible();
    await expectNoAxeViolations(page);
    const create = page.getByRole("region", { name: "Create a rule" });
    await create.getByLabel("Name").fill("Two-thirds with every pillar");
    await create.getByLabel("Quorum: ballots in total").fill("13");
    await create.getByLabel("Quorum: ballots from each pillar").fill("1");
    await create.getByLabel("Yes votes needed in total").fill("0");
    await create.getByLabel("Yes votes needed from each pillar").fill("1");
    await create.getByLabel("Yes share must be more than").fill("0.66");
    await create.getByRole("button", { name: "Create the rule" }).click();
    await expect(create.getByText("The board has only 12 seats.")).toBeVisible();
    await create.getByLabel("Quorum: ballots in total").fill("8");
    await create.getByRole("button", { name: "Create the rule" }).click();
    await expect(create.getByRole("status")).toHaveText("Rule saved.");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Two-thirds with every pillar" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
