import { getDb } from "@/db";
import { appOrigin, readEnv } from "@/lib/env";
import { logError } from "@/lib/log";
import { createMailer, deliverPendingEmails, type Mail, type Mailer } from "./email";

type MailState = { mailer: Mailer; running: Promise<void> | null; again: boolean; timer?: NodeJS.Timeout };
const state = globalThis as unknown as { __pillarsMail?: MailState };

function mailState(): MailState {
  state.__pillarsMail ??= { mailer: createMailer(readEnv().SMTP_URL), running: null, again: false };
  return state.__pillarsMail;
}

/**
 * Sends whatever the outbox holds, now. Actions call it after their transaction commits (through
 * `after()`), and the interval below catches notices written anywhere else. Never throws.
 */
export function deliverEmailsNow(): Promise<void> {
  const s = mailState();
  // A call during a sweep asks for one more, so a notice committed just after the last claim still goes now.
  if (s.running) {
    s.again = true;
    return s.running;
  }
  s.running = (async () => {
    try {
      const db = await getDb();
      const baseUrl = appOrigin();
      for (let round = 0; round < 20; round++) {
        const { sent, failed } = await deliverPendingEmails(db, s.mailer, { baseUrl });
        if (sent + failed === 0) break;
      }
    } catch (error) {
      logError("Email delivery failed", error instanceof Error ? error.message : error);
    } finally {
      s.running = null;
      if (s.again) {
        s.again = false;
        void deliverEmailsNow();
      }
    }
  })();
  return s.running;
}

/** Started once at server start: a modest sweep of the outbox. */
export function startEmailDelivery(intervalMs = 30_000): void {
  const s = mailState();
  if (s.timer) return;
  s.timer = setInterval(() => void deliverEmailsNow(), intervalMs);
  s.timer.unref();
  void deliverEmailsNow();
}

/**
 * Sends one email now, outside the outbox: for messages that carry a one-time link, whose secret must
 * never be stored. Never throws; a failure is logged (the person can ask for the link again).
 */
export async function sendEmailNow(mail: Mail): Promise<void> {
  const s = mailState();
  try {
    await s.mailer.send(mail);
  } catch (error) {
    logError(`Email "${mail.subject}" to ${mail.to} failed (${s.mailer.describe})`, error instanceof Error ? error.message : error);
  }
}
