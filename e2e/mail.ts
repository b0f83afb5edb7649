import { expect } from "@playwright/test";
import type { CaughtMail } from "./mail-sink";

/** The mail sink's reading address (playwright.config.ts starts the sink beside the app). */
function sinkUrl(): string {
  const port = process.env.MAIL_SINK_HTTP_PORT;
  if (!port) throw new Error("MAIL_SINK_HTTP_PORT is not set: run the end-to-end tests with playwright.config.ts");
  return `http://127.0.0.1:${port}/messages`;
}

export type ReceivedMail = CaughtMail & { links: string[] };

/**
 * Waits for the newest email to `to` whose subject matches, sent after `since` (a Date.now() taken
 * before the action that sends it), and returns it with the links in its text.
 */
export async function waitForEmail(to: string, subject: RegExp, since: number): Promise<ReceivedMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const all = (await (await fetch(sinkUrl())).json()) as CaughtMail[];
        found = all.filter((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject) && m.at >= since).at(-1);
        return Boolean(found);
      },
      { message: `an email to ${to} matching ${subject}`, timeout: 15_000 },
    )
    .toBe(true);
  return { ...found!, links: found!.text.match(/https?:\/\/[^\s]+/g) ?? [] };
}

/** Every email to `to` so far, oldest first. */
export async function emailsTo(to: string): Promise<CaughtMail[]> {
  const all = (await (await fetch(sinkUrl())).json()) as CaughtMail[];
  return all.filter((m) => m.to.includes(to.toLowerCase()));
}
