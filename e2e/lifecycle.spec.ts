import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { waitForEmail } from "./mail";

const TITLE = "Use of Force Reporting for Member Companies";
const SLUG = "use-of-force-reporting-for-member-companies";

const V1 = `**1. Scope.** This policy applies to every member company and its personnel on duty.

**2. Reporting.** Companies report every use of force to the Secretariat within 14 days.

**3. Review.** The Board reviews this policy every three years.`;

const V2 = `**1. Scope.** This policy applies to every member company and its personnel on duty.

**2. Reporting.** Companies report every use of force to the Secretariat within 72 hours.

**3. Review.** The Board reviews this policy every two years.`;

const SUCCESSOR = { name: "Amina Diallo", email: "amina.diallo@example.org", password: "saffron kettle orbits quietly 42" };

function paragraph(page: Page, n: number) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Paragraph ${n}`, exact: true }) });
}

async function confirm(page: Page, trigger: string, dialogName: string, button: string, reason?: { label: string; text: string }) {
  await page.getByRole("button", { name: trigger, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: dialogName });
  await expect(dialog).toBeVisible();
  if (reason) await dialog.getByLabel(reason.label).fill(reason.text);
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function comment(page: Page, n: number, text: string, quote?: string) {
  await paragraph(page, n)
    .getByRole("link", { name: `Comment on paragraph ${n}` })
    .click();
  if (quote) await page.getByLabel("Quoted words (optional)").fill(quote);
  await page.getByLabel("Your comment").fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Comment posted.")).toBeVisible();
}

async function answer(page: Page, rowText: string, status: string, response: string) {
  const row = page.getByRole("row").filter({ hasText: rowText });
  await row.getByLabel("Answer", { exact: true }).selectOption(status);
  await row.getByLabel("Response").fill(response);
  await row.getByRole("button", { name: "Save answer" }).click();
  await expect(row.getByText("Answer saved.")).toBeVisible();
}

async function openRound(page: Page, version: string, pillars: string[]) {
  await page.getByRole("combobox", { name: "Version" }).selectOption({ label: version });
  for (const pillar of pillars) await page.getByRole("checkbox", { name: pillar }).check();
  await page.getByRole("button", { name: "Open the consultation" }).click();
  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

async function vote(pageAs: (email: string, landing?: string) => Promise<Page>, motionUrl: string, email: string, choice: "Yes" | "No") {
  const page = await pageAs(email, motionUrl);
  await page.getByRole("group", { name: "Your ballot" }).getByLabel(choice, { exact: true }).check();
  await page.getByRole("button", { name: /^(Cast|Change) my ballot$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your ballot is recorded" })).toBeVisible();
  return page;
}

test.use({ actionTimeout: 15_000 });

test.describe("a policy's whole life, as the Secretariat, the pillars, the Chair and the directors run it", () => {
  test("draft → round 1 → version 2 → round 2 → board review → motion drafted, amended, edited, opened → a seat changes holder → a recusal after voting → passed", async ({
    browser,
    page,
    signInAs,
    switchTo,
    pageAs,
  }) => {
    test.setTimeout(420_000);
    // The Secretariat drafts version 1 and makes it final, after a confirmation that says what it does.
    await signInAs("secretariat@example.org", "/policies/new");
    await page.getByLabel("Title").fill(TITLE);
    await page.getByLabel("Category").selectOption("procedure");
    await page.getByLabel("Text").fill(V1);
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(page).toHaveURL(new RegExp(`/policies/${SLUG}$`));
    await page.getByRole("button", { name: "Make version 1 final…" }).click();
    await expect(page.getByRole("dialog", { name: "Make version 1 final?" })).toContainText("can never change again");
    await expectNoAxeViolations(page);
    await page.getByRole("dialog").getByRole("button", { name: "Make version 1 final", exact: true }).click();
    await expect(page.getByText("Version 1 is final.")).toBeVisible();

    // Round 1, to Governments and Civil Society Organisations: the list shows version 1 and the badge.
    await page.getByRole("link", { name: "Open a consultation" }).click();
    const round1 = await openRound(page, "Version 1", ["Governments", "Civil Society Organisations"]);
    await page.goto("/policies");
    const listed = page.getByRole("row").filter({ hasText: TITLE });
    await expect(listed.getByRole("cell").nth(3)).toHaveText("1");
    await expect(listed).toContainText("Open for comment");

    // Comments from two pillars.
    await switchTo("rep.gov@example.org", round1);
    await comment(page, 2, "Fourteen days is far too slow for a use of force.", "within 14 days");
    await switchTo("rep.cso@example.org", round1);
    await comment(page, 3, "Three years between reviews is too long.");
    await expect(paragraph(page, 3).getByRole("article", { name: /Comment by/ })).toContainText("Written on version 1");

    // Version 2 is drafted, but cannot be made final while round 1 is open.
    await switchTo("secretariat@example.org", `/policies/${SLUG}`);
    await page.getByRole("button", { name: "Start version 2" }).click();
    await page.getByLabel("Text of version 2").fill(V2);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft of version 2 saved.")).toBeVisible();
    await page.goto(`/policies/${SLUG}`);
    await expect(page.locator("p").filter({ hasText: "Version 2 cannot be made final yet." })).toContainText("frozen until the round closes");
    await expect(page.getByRole("button", { name: "Make version 2 final…" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Send to board review…" })).toHaveCount(0);
    await page.goto("/policies");
    await expect(page.getByRole("row").filter({ hasText: TITLE }).getByRole("cell").nth(3)).toHaveText("2");

    // The register answers both; Noted needs a text too.
    await page.goto(`${round1}/register`);
    const govRow = page.getByRole("row").filter({ hasText: "Fourteen days is far too slow" });
    await govRow.getByLabel("Answer", { exact: true }).selectOption("noted");
    await govRow.getByRole("button", { name: "Save answer" }).click();
    await expect(govRow.getByText("Say what was noted and what follows from it.")).toBeVisible();
    await answer(page, "Fourteen days is far too slow", "accepted", "Version 2 asks for a report within 72 hours.");
    await answer(page, "Three years between reviews", "partly_accepted", "Version 2 reviews every two years.");
    await expectNoAxeViolations(page);

    // Round 1 closes early, with a reason, and everyone invited is told.
    await page.goto(round1);
    await confirm(page, "Close the consultation now…", "Close this consultation early?", "Close the consultation", {
      label: "Reason for closing early",
      text: "Version 2 answers every comment received.",
    });
    await expect(page.getByText("The consultation is closed; 2 people were told.")).toBeVisible();

    // Now version 2 can be made final; round 2 opens on it.
    await page.goto(`/policies/${SLUG}`);
    await confirm(page, "Make version 2 final…", "Make version 2 final?", "Make version 2 final");
    await expect(page.getByText(/^Version 2 is final\./)).toBeVisible();
    await page.getByRole("link", { name: "Open the next consultation round" }).click();
    const round2 = await openRound(page, "Version 2", ["Civil Society Organisations"]);
    await expect(page.getByRole("heading", { level: 1, name: "Consultation on version 2" })).toBeVisible();
    await switchTo("rep.cso@example.org", round2);
    await comment(page, 2, "Seventy-two hours is workable.");
    // The comment of round 1 is marked against the new text on round 1's page.
    await page.goto(round1);
    await expect(paragraph(page, 3).getByRole("article", { name: /Comment by/ })).toContainText("Written on version 1");
    await switchTo("secretariat@example.org", `${round2}/register`);
    await answer(page, "Seventy-two hours is workable.", "noted", "Thank you; kept as is.");
    await page.goto(round2);
    await confirm(page, "Close the consultation now…", "Close this consultation early?", "Close the consultation", {
      label: "Reason for closing early",
      text: "The pillar consulted has answered.",
    });

    // Board review, with the register's summary by pillar.
    await page.goto(`/policies/${SLUG}`);
    await confirm(page, "Send to board review…", "Send the policy to board review?", "Send to board review");
    await expect(page.getByText("Status changed.")).toBeVisible();
    const summary = page.getByRole("region", { name: "Consultation register of the last round" });
    await expect(summary.getByRole("row", { name: /Civil Society Organisations/ })).toHaveText(/Civil Society Organisations\s*1\s*0\s*0\s*0\s*1\s*0/);
    await expectNoAxeViolations(page);

    // The Chair drafts the motion from the policy page, prefilled.
    await switchTo("gov1@example.org", `/policies/${SLUG}`);
    const draft = page.getByRole("region", { name: "Draft a motion" });
    await expect(draft.getByLabel("Title")).toHaveValue(`Adopt version 2 of ${TITLE}`);
    await expect(draft.getByLabel("Policy version to adopt")).toHaveValue(/[0-9a-f-]{36}/);
    await expectNoAxeViolations(page);
    await draft.getByRole("button", { name: "Draft the motion" }).click();
    await expect(page).toHaveURL(/\/votes\/[0-9a-f-]{36}$/);
    const motionUrl = new URL(page.url()).pathname;

    // A director proposes an amendment; the Chair puts it to the vote, then edits the draft.
    await switchTo("cso2@example.org", motionUrl);
    await page.getByText("Propose an amendment").click();
    await page.getByLabel("Amended title").fill(`Adopt version 2 of ${TITLE}, in force from 1 March`);
    await page.getByLabel("Why this amendment").fill("Companies need time to train their personnel.");
    await page.getByRole("button", { name: "Propose the amendment" }).click();
    await expect(page.getByText("Amendment 1 is proposed; the Chair chooses the version put to the vote.")).toBeVisible();
    await expect(page.locator("ins").filter({ hasText: "in force from 1 March" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await switchTo("gov1@example.org", motionUrl);
    await page.getByLabel(/^Amendment 1:/).check();
    await page.getByRole("button", { name: "Put this version to the vote" }).click();
    await expect(page.getByText(`The version put to the vote is now: Adopt version 2 of ${TITLE}, in force from 1 March.`)).toBeVisible();
    await page.reload();
    const edit = page.getByRole("region", { name: "Edit the draft" });
    await edit.getByLabel("Title").fill(`Adopt version 2 of ${TITLE}, in force from 1 April`);
    await edit.getByRole("button", { name: "Save the draft" }).click();
    await expect(page.getByText("The draft is saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("in force from 1 April");
    await confirm(page, "Open the motion for ballots…", "Open this motion for ballots?", "Open the motion");
    await expect(page.getByRole("heading", { name: "Live tally" })).toBeVisible();

    // Civil Society seat 4 changes holder mid-vote: the new holder votes for the seat.
    // The successor is invited and chooses her own password from the emailed link, in a browser of her own.
    await switchTo("admin@example.org", "/admin/invitations");
    const invitedAt = Date.now();
    await page.getByLabel("Name").fill(SUCCESSOR.name);
    await page.getByLabel("Email").fill(SUCCESSOR.email);
    await page.getByRole("combobox", { name: "Organisation" }).selectOption({ label: "Sahel Civic Forum (Civil Society Organisations)" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${SUCCESSOR.email}.` })).toBeVisible();
    const invitation = await waitForEmail(SUCCESSOR.email, /^You are invited to Pillars$/, invitedAt);
    const successor = await (await browser.newContext()).newPage();
    await successor.goto(invitation.links[0]!);
    await successor.getByLabel("New password").fill(SUCCESSOR.password);
    await successor.getByLabel("Repeat the password").fill(SUCCESSOR.password);
    await successor.getByRole("button", { name: "Create my account" }).click();
    await expect(successor.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.goto("/admin/seats");
    await page.getByRole("link", { name: "Manage Civil Society Organisations seat 4" }).click();
    await page.getByLabel("Reason for vacating").fill("Resigned to join the national human rights commission.");
    await confirm(page, "Vacate seat…", "Vacate this seat today?", "Vacate the seat");
    await expect(page.getByRole("status").filter({ hasText: "Seat vacated." })).toBeVisible();
    await page.getByRole("combobox", { name: "Holder" }).selectOption({ label: `${SUCCESSOR.name}, Sahel Civic Forum` });
    await page.getByRole("button", { name: "Assign holder" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Holder assigned" })).toBeVisible();

    await successor.goto(motionUrl);
    await successor.getByRole("group", { name: "Your ballot" }).getByLabel("Yes", { exact: true }).check();
    await successor.getByRole("button", { name: "Cast my ballot" }).click();
    await expect(successor.getByRole("status").filter({ hasText: "Your ballot is recorded" })).toBeVisible();
    await successor.context().close();
    for (const who of ["gov1", "gov2", "gov3", "cso1", "cso2", "psc1", "psc2"])
      await (await vote(pageAs, motionUrl, `${who}@example.org`, "Yes")).context().close();

    // A director votes, changes the ballot, then declares a conflict: the ballot is set aside.
    const cso3 = await vote(pageAs, motionUrl, "cso3@example.org", "Yes");
    await cso3.reload();
    await cso3.getByRole("group", { name: "Your ballot" }).getByLabel("No", { exact: true }).check();
    await cso3.getByRole("button", { name: "Change my ballot" }).click();
    await expect(cso3.getByRole("status").filter({ hasText: "Your ballot is recorded: no." })).toBeVisible();
    await cso3.reload();
    await cso3.getByText("I have a conflict of interest (my ballot will be set aside)").click();
    await cso3.getByLabel("Reason for the conflict of interest").fill("My organisation advises a company named in the reports.");
    await cso3.getByRole("button", { name: "Declare a conflict of interest" }).click();
    await cso3.reload();
    await expect(cso3.getByText("Your ballot (no) is set aside and does not count.")).toBeVisible();
    await expectNoAxeViolations(cso3);
    await cso3.context().close();

    // The outcome is decided; the Chair closes the motion and it passes.
    await switchTo("gov1@example.org", motionUrl);
    await confirm(page, "Close the motion now…", "Close this motion before its closing time?", "Close the motion");
    await expect(page.getByText("The motion passed.")).toBeVisible();
    await page.reload();
    const roll = page.getByRole("table", { name: "Roll call: each director on the roll and their ballot" });
    await expect(roll.getByRole("row", { name: /Chinedu Obi/ })).toContainText("Left the seat");
    await expect(roll.getByRole("row", { name: new RegExp(SUCCESSOR.name) })).toContainText("Yes");
    const recused = roll.getByRole("row", { name: /Oliver Grant/ });
    await expect(recused).toContainText("Recused after voting; ballot (No) set aside");
    await expect(recused).toContainText(/Ballot history: Yes \(.+\) → No \(.+\)/);
    await expectNoAxeViolations(page);
    await page.goto(`/policies/${SLUG}`);
    await expect(page.getByRole("heading", { name: "Version 2 (adopted)" })).toBeVisible();

    // The seat goes back to its holder, so the other stories meet the demo board.
    await switchTo("admin@example.org", "/admin/seats");
    await page.getByRole("link", { name: "Manage Civil Society Organisations seat 4" }).click();
    await page.getByLabel("Reason for vacating").fill("Interim appointment ended.");
    await confirm(page, "Vacate seat…", "Vacate this seat today?", "Vacate the seat");
    await page.getByRole("combobox", { name: "Holder" }).selectOption({ label: "Chinedu Obi, Delta Community Justice Initiative" });
    await page.getByRole("button", { name: "Assign holder" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Holder assigned" })).toBeVisible();
  });

  test("withdrawing a policy asks why, closes its consultation, and the representative can no longer comment; an open motion is withdrawn with no result", async ({
    page,
    signInAs,
    switchTo,
  }) => {
    test.setTimeout(180_000);
    const title = "Armoured Vehicle Guidance";
    await signInAs("secretariat@example.org", "/policies/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Category").selectOption("guidance");
    await page.getByLabel("Text").fill(V1);
    await page.getByRole("button", { name: "Create policy" }).click();
    await confirm(page, "Make version 1 final…", "Make version 1 final?", "Make version 1 final");
    await page.getByRole("link", { name: "Open a consultation" }).click();
    const round = await openRound(page, "Version 1", ["Governments"]);
    await switchTo("rep.gov@example.org", round);
    await comment(page, 1, "Please cover leased vehicles too.");

    await switchTo("secretariat@example.org", "/policies/armoured-vehicle-guidance");
    await page.getByRole("button", { name: "Withdraw the policy…" }).click();
    const dialog = page.getByRole("dialog", { name: "Withdraw this policy?" });
    await expect(dialog).toContainText("Its open consultation closes at once and takes no more comments");
    await expect(dialog).toContainText("The representatives of every pillar it was put out to, everyone who commented on it");
    await expectNoAxeViolations(page);
    // Escape closes the dialog without withdrawing; focus goes back to the button that opened it.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Withdraw the policy…" })).toBeFocused();
    await page.getByRole("button", { name: "Withdraw the policy…" }).click();
    await dialog.getByRole("button", { name: "Withdraw the policy", exact: true }).click();
    // A reason is required: the browser asks for it before anything is sent.
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Reason for withdrawing").fill("Merged into the use of force reporting policy.");
    await dialog.getByRole("button", { name: "Withdraw the policy", exact: true }).click();
    await expect(page.getByText("The policy is withdrawn; 1 person was told.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("Merged into the use of force reporting policy.")).toBeVisible();

    await switchTo("rep.gov@example.org", round);
    await expect(page.getByText("Why it closed early")).toBeVisible();
    await expect(page.getByText("This policy was withdrawn; comments are no longer accepted.")).toBeVisible();
    await expect(page.getByLabel("Your comment")).toHaveCount(0);
    await page.goto("/inbox");
    await expect(page.getByText(`Policy withdrawn: ${title}`).first()).toBeVisible();

    // The Chair withdraws an open motion with a reason: no result, recorded on the motion.
    await switchTo("gov1@example.org", "/votes");
    const form = page.getByRole("region", { name: "Draft a motion" });
    await form.getByLabel("A resolution in its own words").check();
    await form.getByLabel("Title").fill("Hold the spring meeting in Geneva");
    await form.getByLabel("Resolution text").fill("The Board resolves to hold its spring meeting in Geneva.");
    await form.getByRole("button", { name: "Draft the motion" }).click();
    await expect(page).toHaveURL(/\/votes\/[0-9a-f-]{36}$/);
    await confirm(page, "Open the motion for ballots…", "Open this motion for ballots?", "Open the motion");
    await page.reload();
    await confirm(page, "Withdraw the motion…", "Withdraw this motion?", "Withdraw the motion", {
      label: "Reason for withdrawing",
      text: "The venue is no longer available.",
    });
    await page.reload();
    await expect(page.getByText("with no result: The venue is no longer available.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Withdrawn");
    await expectNoAxeViolations(page);
  });
});
