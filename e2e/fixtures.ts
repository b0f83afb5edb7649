import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "pillars-demo";

/** One demo account per role, with the label its dashboard shows. */
export const ROLE_ACCOUNTS = [
  { role: "admin", email: "admin@example.org", shows: "Administrator" },
  { role: "secretariat", email: "secretariat@example.org", shows: "Secretariat" },
  { role: "chair", email: "gov1@example.org", shows: "Chair" },
  { role: "director", email: "cso2@example.org", shows: "Director" },
  { role: "representative", email: "rep.psc@example.org", shows: "Representative" },
] as const;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fails with the list of violations, so a report says what to fix. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}
