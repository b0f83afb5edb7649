import type { AddressInfo } from "node:net";
import { isNull } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { notifications } from "@/db/schema";
import { createTask } from "@/lib/tasks/commands";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createMailer, deliverPendingEmails } from "./email";

type Received = { from: string; to: string[]; data: string };

/** A local SMTP sink: accepts every message and keeps it, or refuses every one when `reject` is set. */
async function startSink(options: { reject?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        if (options.reject) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

async function createOneTask(title: string) {
  const sec = await t.actor("secretariat@example.org");
  const staff2 = await t.actor("staff2@example.org");
  return createTask(t.db, sec, { title, assigneeId: staff2.id, dueOn: "2030-04-01", priority: "normal" });
}

describe("email delivery of notices", () => {
  it("the demo notices are history and are not mailed at start", async () => {
    expect(await t.db.select().from(notifications).where(isNull(notifications.emailedAt))).toEqual([]);
  });

  it("a committed notice reaches the SMTP sink once, addressed to its recipient", async () => {
    const sink = await startSink();
    try {
      const { id } = await createOneTask("Book the meeting room for the Board");
      const mailer = createMailer(sink.url);
      expect(await deliverPendingEmails(t.db, mailer, { baseUrl: "https://pillars.example.org" })).toEqual({ sent: 1, failed: 0 });
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.to).toEqual(["staff2@example.org"]);
      expect(sink.received[0]!.data).toContain("Subject: Task assigned: Book the meeting room for the Board");
      expect(sink.received[0]!.data).toContain(`https://pillars.example.org/tasks/${id}`);
      // Claimed rows are not sent twice.
      expect(await deliverPendingEmails(t.db, mailer)).toEqual({ sent: 0, failed: 0 });
      expect(sink.received).toHaveLength(1);
    } finally {
      await sink.close();
    }
  });

  it("a refusing SMTP server does not fail the action; the failure is logged", async () => {
    const sink = await startSink({ reject: true });
    const errors = captureLog();
    try {
      const { id } = await createOneTask("Renew the office insurance");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const result = await deliverPendingEmails(t.db, createMailer(sink.url));
      expect(result).toEqual({ sent: 0, failed: 1 });
      expect(sink.received).toEqual([]);
      const failed = (lines: Record<string, unknown>[]) => lines.some((line) => line.level === "error" && String(line.msg).includes("failed"));
      expect(failed(await errors.lines(failed))).toBe(true);
    } finally {
      errors.mockRestore();
      await sink.close();
    }
  });

  it("an unreachable SMTP server is logged too, and never throws", async () => {
    const errors = captureLog();
    try {
      await createOneTask("Order the new badges");
      expect(await deliverPendingEmails(t.db, createMailer("smtp://127.0.0.1:1"))).toEqual({ sent: 0, failed: 1 });
    } finally {
      errors.mockRestore();
    }
  });

  it("without SMTP_URL the mail is written to the server log", async () => {
    const logs = captureLog();
    try {
      await createOneTask("Check the translation invoices");
      expect(await deliverPendingEmails(t.db, createMailer(undefined))).toEqual({ sent: 1, failed: 0 });
      const mailed = (lines: Record<string, unknown>[]) => lines.some((line) => String(line.msg).includes("Check the translation invoices"));
      expect((await logs.lines(mailed)).map((line) => String(line.msg)).join("\n")).toMatch(
        /To: staff2@example.org \| Subject: Task assigned: Check the translation invoices/,
      );
    } finally {
      logs.mockRestore();
    }
  });
});

/** The JSON lines the server log (lib/log.ts) writes to standard output meanwhile. */
function captureLog() {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return {
    /** The lines so far, once `until` holds for them (a line is written once its request id is known; at most 5 s). */
    async lines(until: (lines: Record<string, unknown>[]) => boolean = (lines) => lines.length > 0): Promise<Record<string, unknown>[]> {
      const parsed = () =>
        written
          .join("")
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
      for (let waited = 0; !until(parsed()) && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      return parsed();
    },
    mockRestore: () => spy.mockRestore(),
  };
}
