import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";

/**
 * The end-to-end run's mail server: it accepts every message the app sends over SMTP (SMTP_URL points
 * here) and keeps it in memory, and answers `GET /messages` with all of them as JSON, so a test reads
 * the email a person would have received (e2e/mail.ts).
 */

export type CaughtMail = { to: string[]; subject: string; text: string; at: number };

const smtpPort = Number(process.env.MAIL_SINK_SMTP_PORT);
const httpPort = Number(process.env.MAIL_SINK_HTTP_PORT);
if (!smtpPort || !httpPort) throw new Error("Set MAIL_SINK_SMTP_PORT and MAIL_SINK_HTTP_PORT");

const caught: CaughtMail[] = [];

/** The single text part nodemailer writes: headers, a blank line, a body in 7bit or quoted-printable. */
function parse(raw: string, to: string[]): CaughtMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  let body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  if (/quoted-printable/i.test(header("Content-Transfer-Encoding"))) {
    const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    body = Buffer.from(bytes, "latin1").toString("utf8");
  } else if (/base64/i.test(header("Content-Transfer-Encoding"))) {
    body = Buffer.from(body, "base64").toString("utf8");
  }
  const subject = header("Subject").replace(/=\?utf-8\?Q\?(.*?)\?=/gi, (_m, text: string) =>
    Buffer.from(
      text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    ).toString("utf8"),
  );
  return { to, subject, text: body.replace(/\r\n/g, "\n").trimEnd(), at: Date.now() };
}

const smtp = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      caught.push(
        parse(
          Buffer.concat(chunks).toString("latin1"),
          session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        ),
      );
      callback();
    });
  },
});
smtp.listen(smtpPort, "127.0.0.1");

createServer((request, response) => {
  if (request.url === "/messages") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(caught));
    return;
  }
  response.writeHead(request.url === "/health" ? 200 : 404).end();
}).listen(httpPort, "127.0.0.1");

for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => process.exit(0));
