import nodemailer from "nodemailer";
import { sql } from "drizzle-orm";
import { type DB, rowsOf } from "@/db/client";
import { logError, logInfo } from "@/lib/log";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { describe: string; send: (mail: Mail) => Promise<void> };

const FROM = "Pillars <no-reply@pillars.invalid>";

/** SMTP through nodemailer when SMTP_URL is set; otherwise each mail is written to the server log. */
export function createMailer(smtpUrl: string | undefined): Mailer {
  if (!smtpUrl) {
    return {
      describe: "server log",
      send: async (mail) => {
        // One line per mail, user text escaped: a title cannot forge log lines.
        logInfo(`[mail] To: ${mail.to} | Subject: ${mail.subject} | ${mail.text}`);
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    describe: "SMTP",
    send: async (mail) => {
      await transport.sendMail({ from: FROM, ...mail });
    },
  };
}

type Claimed = { id: string; title: string; body: string; href: string | null; email: string; name: string };

/**
 * The outbox: claims up to `limit` notices not yet emailed (marking them at once, skipping rows
 * another process holds, so two servers never send one notice twice), then sends them. A failed
 * send is logged and not retried, so a broken mail server never holds up or breaks an action.
 */
export async function deliverPendingEmails(
  db: DB,
  mailer: Mailer,
  options: { limit?: number; baseUrl?: string } = {},
): Promise<{ sent: number; failed: number }> {
  const limit = options.limit ?? 50;
  const claimed = rowsOf<Claimed>(
    await db.execute(sql`
      with claimed as (
        update notifications set emailed_at = now()
        where id in (
          select id from notifications where emailed_at is null
          order by created_at limit ${limit} for update skip locked)
        returning id, user_id, title, body, href)
      select c.id, c.title, c.body, c.href, u.email, u.name
      from claimed c join users u on u.id = c.user_id`),
  );
  let sent = 0;
  let failed = 0;
  for (const notice of claimed) {
    const link = notice.href ? `\n\nOpen it in Pillars: ${(options.baseUrl ?? "").replace(/\/$/, "")}${notice.href}` : "";
    try {
      await mailer.send({
        to: notice.email,
        subject: notice.title,
        text: `Hello ${notice.name},\n\n${notice.title}${notice.body ? `\n\n${notice.body}` : ""}${link}\n\nYou can read all your notices in your Pillars inbox.`,
      });
      sent++;
    } catch (error) {
      failed++;
      logError(`Email for notification ${notice.id} to ${notice.email} failed (${mailer.describe})`, error instanceof Error ? error.message : error);
    }
  }
  return { sent, failed };
}
