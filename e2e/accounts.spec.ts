import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";
import { emailsTo, waitForEmail } from "./mail";

const EMAIL = "nadia.haddad@example.org";
const FIRST_PASSWORD = "lantern orbit cobalt meadow";
const NEW_PASSWORD = "harbour violet quartz thimble";

/** The code an authenticator app shows for this key, `ahead` 30-second steps from now. */
function codeFor(secret: string, ahead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + ahead * 30_000 });
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
}

/** Moves Private Security Companies seat 4 to the holder chosen by its label. */
async function seat(admin: Page, holderLabel: string) {
  await admin.goto("/admin/seats");
  await admin.getByRole("link", { name: "Manage Private Security Companies seat 4" }).click();
  await admin.getByLabel("Reason for vacating").fill("Seat handed over to a new director.");
  await admin.getByRole("button", { name: "Vacate seat…", exact: true }).click();
  const confirmation = admin.getByRole("dialog", { name: "Vacate this seat today?" });
  await confirmation.getByRole("button", { name: "Vacate the seat", exact: true }).click();
  await expect(confirmation).toBeHidden();
  await expect(admin.getByRole("status").filter({ hasText: "Seat vacated." })).toBeVisible();
  await admin.getByRole("combobox", { name: "Holder" }).selectOption({ label: holderLabel });
  await admin.getByRole("button", { name: "Assign holder" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Holder assigned" })).toBeVisible();
}

test.describe("accounts: invitations, two-factor sign-in and recovery", () => {
  test("an administrator invites a new director, who joins, turns on two-factor sign-in, signs in with codes and resets a forgotten password", async ({
    browser,
    page,
    signInAs,
  }) => {
    test.setTimeout(180_000);
    // The administrator invites; nobody types the newcomer's password but the newcomer.
    await signInAs("admin@example.org");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Invitations" })).toBeVisible();
    await expect(page.getByLabel(/password/i)).toHaveCount(0);
    let since = Date.now();
    await page.getByLabel("Name").fill("Nadia Haddad");
    await page.getByLabel("Email").fill("Nadia.Haddad@example.org");
    await page.getByRole("combobox", { name: "Organisation" }).selectOption({ label: "Sentinel Risk Partners LLC (Private Security Companies)" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${EMAIL}.` })).toBeVisible();
    const pending = page.getByRole("table", { name: "Pending invitations" }).getByRole("row").filter({ hasText: EMAIL });
    await expect(pending).toContainText("Nadia Haddad");
    await expect(pending).toContainText("Sentinel Risk Partners LLC (Private Security Companies)");
    await expectNoAxeViolations(page);

    const invitation = await waitForEmail(EMAIL, /^You are invited to Pillars$/, since);
    expect(invitation.text).toContain("Lena Fischer invited you to join Pillars for Sentinel Risk Partners LLC.");
    const baseURL = test.info().project.use.baseURL!;
    expect(invitation.links).toHaveLength(1);
    const joinLink = invitation.links[0]!;
    expect(joinLink).toMatch(new RegExp(`^${baseURL}/invitation/[A-Za-z0-9_-]{43}$`));

    // The newcomer, in a browser of their own, chooses a password; a weak one is refused with why.
    const context = await browser.newContext();
    const nadia = await context.newPage();
    await nadia.goto(joinLink);
    await expect(nadia.getByRole("heading", { level: 1 })).toHaveText("Welcome to Pillars, Nadia Haddad");
    await expect(nadia.getByRole("main")).toContainText(`You are invited as ${EMAIL} for Sentinel Risk Partners LLC.`);
    await expectNoAxeViolations(nadia);
    await nadia.getByLabel("New password").fill("aaaaaaaaaaaa");
    await nadia.getByLabel("Repeat the password").fill("aaaaaaaaaaaa");
    await nadia.getByRole("button", { name: "Create my account" }).click();
    await expect(nadia.getByText(/^This password is too easy to guess/)).toBeVisible();
    await nadia.getByLabel("New password").fill(FIRST_PASSWORD);
    await nadia.getByLabel("Repeat the password").fill(FIRST_PASSWORD);
    await nadia.getByRole("button", { name: "Create my account" }).click();
    // Without a seat yet she has no workspace: she lands signed in on the home page.
    await expect(nadia).toHaveURL(`${baseURL}/`);
    await expect(nadia.getByRole("button", { name: "Sign out" })).toBeVisible();
    // The link worked once.
    expect((await nadia.request.get(joinLink)).status()).toBe(404);
    await expect(await waitForEmail(EMAIL, /^Welcome to Pillars$/, since).then((m) => m.text)).toContain("Your account is ready.");
    // The invitation is no longer pending.
    await page.reload();
    await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("row").filter({ hasText: EMAIL })).toHaveCount(0);

    // The administrator seats her; the seat makes her a director.
    await seat(page, "Nadia Haddad, Sentinel Risk Partners LLC");
    try {
      await nadia.goto("/dashboard");
      await expect(nadia.getByTestId("header-roles")).toContainText("Director");

      // She turns on two-factor sign-in: scan (the key is shown too), prove it with a code, keep the recovery codes.
      await nadia.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Security" }).click();
      await expect(nadia.getByText("Two-factor sign-in is off.")).toBeVisible();
      await expectNoAxeViolations(nadia);
      await nadia.getByRole("button", { name: "Set up two-factor sign-in" }).click();
      await expect(nadia.getByRole("img", { name: "QR code to add Pillars to an authenticator app" })).toBeVisible();
      const secret = (await nadia.getByTestId("totp-secret").textContent())!.trim();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expectNoAxeViolations(nadia);
      await nadia.getByLabel("Code from your app").fill("123456" === codeFor(secret) ? "654321" : "123456");
      await nadia.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      await expect(nadia.getByText("That code is not right; check your app's clock and try the current code.")).toBeVisible();
      since = Date.now();
      await nadia.getByLabel("Code from your app").fill(codeFor(secret));
      await nadia.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      const codes = nadia.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
      await expect(codes).toHaveCount(10);
      const recovery = await codes.allTextContents();
      for (const code of recovery) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      await expect(nadia.getByText(/^Two-factor sign-in is on since .*10 recovery codes left\.$/)).toBeVisible();
      await expectNoAxeViolations(nadia);
      await waitForEmail(EMAIL, /^Two-factor sign-in is on$/, since);

      // Signing in now asks for a code after the password: a wrong one is refused, the next one works.
      await signOut(nadia);
      await signIn(nadia, EMAIL, FIRST_PASSWORD);
      await expect(nadia.getByLabel("Two-factor code")).toBeVisible();
      await expect(nadia.getByRole("main")).toContainText(`Signing in as ${EMAIL}.`);
      await expectNoAxeViolations(nadia);
      await nadia.getByLabel("Two-factor code").fill(codeFor(secret, 5));
      await nadia.getByRole("button", { name: "Sign in" }).click();
      await expect(nadia.getByText("That code is not right.")).toBeVisible();
      // The code of the next step: the one used to turn it on cannot be used again.
      await nadia.getByLabel("Two-factor code").fill(codeFor(secret, 1));
      await nadia.getByRole("button", { name: "Sign in" }).click();
      await expect(nadia).toHaveURL(/\/dashboard$/);

      // A recovery code signs in once.
      await signOut(nadia);
      since = Date.now();
      await signIn(nadia, EMAIL, FIRST_PASSWORD);
      await nadia.getByLabel("Two-factor code").fill(recovery[0]!.toUpperCase());
      await nadia.getByRole("button", { name: "Sign in" }).click();
      await expect(nadia).toHaveURL(/\/dashboard$/);
      await expect((await waitForEmail(EMAIL, /^A recovery code was used to sign in$/, since)).text).toContain("You have 9 recovery codes left.");
      await signOut(nadia);
      await signIn(nadia, EMAIL, FIRST_PASSWORD);
      await nadia.getByLabel("Two-factor code").fill(recovery[0]!);
      await nadia.getByRole("button", { name: "Sign in" }).click();
      await expect(nadia.getByText("That code is not right.")).toBeVisible();
      await expect(nadia).toHaveURL(/\/login/);

      // She forgets her password. The answer is the same for an address nobody has.
      await nadia.goto("/login");
      await nadia.getByRole("link", { name: "Forgot password?" }).click();
      await expect(nadia.getByRole("heading", { level: 1 })).toHaveText("Forgot your password?");
      await expectNoAxeViolations(nadia);
      since = Date.now();
      await nadia.getByLabel("Email").fill("nobody.here@example.org");
      await nadia.getByRole("button", { name: "Send me a link" }).click();
      await expect(nadia.getByRole("status")).toHaveText(
        "If nobody.here@example.org belongs to an account, we have sent it a link to choose a new password. The link works for one hour.",
      );
      await nadia.getByLabel("Email").fill(EMAIL);
      await nadia.getByRole("button", { name: "Send me a link" }).click();
      await expect(nadia.getByRole("status")).toHaveText(
        `If ${EMAIL} belongs to an account, we have sent it a link to choose a new password. The link works for one hour.`,
      );
      const reset = await waitForEmail(EMAIL, /^Reset your Pillars password$/, since);
      expect(await emailsTo("nobody.here@example.org")).toEqual([]);
      const resetLink = reset.links[0]!;
      expect(resetLink).toMatch(new RegExp(`^${baseURL}/reset-password/[A-Za-z0-9_-]{43}$`));
      await nadia.goto(resetLink);
      await expect(nadia.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
      await expectNoAxeViolations(nadia);
      await nadia.getByLabel("New password").fill(NEW_PASSWORD);
      await nadia.getByLabel("Repeat the password").fill(NEW_PASSWORD);
      await nadia.getByRole("button", { name: "Save the new password" }).click();
      await expect(nadia).toHaveURL(/\/login\?reset=1$/);
      await expect(nadia.getByRole("status")).toHaveText("Your password was changed. Sign in with the new one.");
      expect((await nadia.request.get(resetLink)).status()).toBe(404);
      await waitForEmail(EMAIL, /^Your password was reset$/, since);

      // The old password fails; the new one, with a recovery code, signs in.
      await signIn(nadia, EMAIL, FIRST_PASSWORD);
      await expect(nadia.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
      await signIn(nadia, EMAIL, NEW_PASSWORD);
      await nadia.getByLabel("Two-factor code").fill(recovery[1]!);
      await nadia.getByRole("button", { name: "Sign in" }).click();
      await expect(nadia).toHaveURL(/\/dashboard$/);
      await context.close();
    } finally {
      // The seat goes back to its demo holder, as the other stories expect, whatever happened above.
      await seat(page, "Rachel Moreno, Sentinel Risk Partners LLC");
    }
  });
});
