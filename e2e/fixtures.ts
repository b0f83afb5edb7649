import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, type BrowserContext, expect, type Page } from "@playwright/test";

export { expect };

export const PASSWORD = "pillars-demo";

/** One demo account per role, with the label its dashboard shows. */
export const ROLE_ACCOUNTS = [
  { role: "admin", email: "admin@example.org", shows: "Administrator" },
  { role: "secretariat", email: "secretariat@example.org", shows: "Secretariat" },
  { role: "chair", email: "gov1@example.org", shows: "Chair" },
  { role: "director", email: "cso2@example.org", shows: "Director" },
  { role: "representative", email: "rep.psc@example.org", shows: "Representative" },
] as const;

/** Signs in through the form. Tests of signing in, and tests that sign out, use this. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fails with the list of violations, so a report says what to fix. */
export async function expectNoAxeViolations(page: Page) {
  // A page reached by a client navigation gets its <title> a moment after its content.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

type Sessions = {
  /**
   * Puts a page (with no session) into the account's session: the first time in a run by signing in
   * over HTTP, after which the session is saved; later by its saved cookies.
   */
  enter: (page: Page, email: string) => Promise<void>;
};

/** Each opens `landing` (the dashboard unless told) and checks the page is seen signed in there. */
type SessionFixtures = {
  /** Fails the test when a page breaks the Content-Security-Policy (every test has it, unasked). */
  cspViolations: void;
  /** Puts this page in the account's session. */
  signInAs: (email: string, landing?: string) => Promise<void>;
  /** Leaves the current account (the page then shows a visitor's "Sign in" link) for another's session. */
  switchTo: (email: string, landing?: string) => Promise<void>;
  /** A page in a browser context of its own, in the account's session. */
  pageAs: (email: string, landing?: string) => Promise<Page>;
};

/**
 * Signing in costs a password hash and three page loads, and the stories switch accounts often: each
 * account signs in once per run, and later tests reuse that session.
 * Never sign out of a shared session, nor end an account's sessions while others reuse them: such a
 * test signs in itself with `signIn`, in a session of its own. Every spec takes `test` from here, so
 * all run in one worker (one browser) whatever fixtures they use.
 */
export const test = base.extend<SessionFixtures, { sessions: Sessions }>({
  sessions: [
    async ({}, provide) => {
      // The run's folder (playwright.config.ts): its sessions belong to the run's fresh database.
      const folder = process.env.E2E_SESSIONS_DIR;
      if (!folder) throw new Error("E2E_SESSIONS_DIR is not set: run the end-to-end tests with playwright.config.ts");
      mkdirSync(folder, { recursive: true });
      await provide({
        async enter(page, email) {
          const file = path.join(folder, `${email}.json`);
          if (existsSync(file)) {
            const { cookies } = JSON.parse(await readFile(file, "utf8"));
            await page.context().addCookies(cookies);
            // Sessions are revocable: one that another test ended (signing out everywhere, a password
            // change, a deactivation) is signed in afresh.
            if (await (await page.request.get("/api/auth/session")).json()) return;
            await page.context().clearCookies();
          }
          // Auth.js's own credentials endpoint, as the sign-in action calls it: the real check of the
          // password, the throttle and the session, without a page load. e2e/sign-in.spec.ts tests the form.
          const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
          const signedIn = await page.request.post("/api/auth/callback/credentials", {
            form: { email, password: PASSWORD, csrfToken, callbackUrl: "/dashboard" },
            maxRedirects: 0,
          });
          expect(signedIn.headers().location, `signing in as ${email}`).toMatch(/\/dashboard$/);
          await page.context().storageState({ path: file });
        },
      });
    },
    { scope: "worker" },
  ],
  cspViolations: [
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      const watch = (watched: BrowserContext) =>
        watched.on("console", (message) => {
          if (message.type() === "error" && /Content Security Policy|Content-Security-Policy/i.test(message.text())) {
            violations.push(`${message.location().url}: ${message.text()}`);
          }
        });
      watch(context);
      // Contexts a test opens itself (other accounts, no JavaScript) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const opened = await newContext(...args);
        watch(opened);
        return opened;
      };
      await provide();
      browser.newContext = newContext;
      expect(violations, "the browser reported Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  signInAs: async ({ page, sessions }, provide) => {
    await provide(async (email, landing = "/dashboard") => {
      await page.context().clearCookies();
      await sessions.enter(page, email);
      await openSignedIn(page, landing);
    });
  },
  switchTo: async ({ page, signInAs }, provide) => {
    await provide(async (email, landing) => {
      await page.context().clearCookies();
      await page.goto("/");
      await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
      await signInAs(email, landing);
    });
  },
  pageAs: async ({ browser, sessions }, provide) => {
    await provide(async (email, landing = "/dashboard") => {
      const page = await (await browser.newContext()).newPage();
      await sessions.enter(page, email);
      await openSignedIn(page, landing);
      return page;
    });
  },
});

/** A protected page sends a visitor to the sign-in page, and only a signed-in page offers "Sign out". */
async function openSignedIn(page: Page, landing: string) {
  await page.goto(landing);
  await expect(page).toHaveURL(landing);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
