import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications, taskEvents, tasks, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { advanceTask, blockTask, createTask, postProgress, reviewTask } from "./commands";
import { expectRefused } from "@/lib/testing/refusal";

let t: TestDatabase;
let sec: Actor, staff2: Actor, gov2: Actor, cso3: Actor, rep: Actor, admin: Actor;

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  sec = await t.actor("secretariat@example.org");
  staff2 = await t.actor("staff2@example.org");
  gov2 = await t.actor("gov2@example.org");
  cso3 = await t.actor("cso3@example.org");
  rep = await t.actor("rep.gov@example.org");
  admin = await t.actor("admin@example.org");
});
afterAll(async () => {
  await t?.close();
});

const statusOf = async (id: string) => (await t.db.select({ s: tasks.status }).from(tasks).where(eq(tasks.id, id)))[0]!.s;
const noticesFor = (userId: string, href: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.href, href)));

describe("a task's life: assigned, worked, submitted, returned, resubmitted, accepted", () => {
  it("runs the whole story, with a timeline, audit rows and notices at each step", async () => {
    const { id } = await createTask(t.db, sec, {
      title: "Prepare the Board pack for the June meeting",
      description: "Agenda, papers and minutes of the last meeting.",
      assigneeId: staff2.id,
      dueOn: "2030-06-01",
      priority: "high",
    });
    const href = `/tasks/${id}`;
    expect(await noticesFor(staff2.id, href)).toMatchObject([{ kind: "task_assigned" }]);

    await advanceTask(t.db, staff2, { taskId: id, move: "start" });
    await postProgress(t.db, staff2, { taskId: id, note: "Agenda agreed with the Chair.", evidenceUrl: "https://docs.example.org/agenda" });
    await advanceTask(t.db, staff2, { taskId: id, move: "submit" });
    expect(await noticesFor(sec.id, href)).toMatchObject([{ kind: "task_submitted" }]);

    // The assignee cannot accept their own work, whatever request they craft.
    const own = await expectRefused(t.db, () => reviewTask(t.db, staff2, { taskId: id, move: "accept" }));
    expect(own.code).toBe("forbidden");

    // A return without a reason is a field error, and nothing changes.
    const noReason = await expectRefused(t.db, () => reviewTask(t.db, gov2, { taskId: id, move: "return", reason: "   " }));
    expect(noReason.code).toBe("invalid");
    expect(noReason.fieldErrors.reason).toEqual(["Say why the task is returned."]);

    await reviewTask(t.db, gov2, { taskId: id, move: "return", reason: "Please add the financial statements." });
    expect(await statusOf(id)).toBe("in_progress");
    expect(await noticesFor(staff2.id, href)).toMatchObject([
      { kind: "task_assigned" },
      { kind: "task_returned", body: "Please add the financial statements." },
    ]);

    await advanceTask(t.db, staff2, { taskId: id, move: "submit" });
    await reviewTask(t.db, gov2, { taskId: id, move: "accept" });
    const [done] = await t.db.select().from(tasks).where(eq(tasks.id, id));
    expect(done).toMatchObject({ status: "done" });
    expect(done!.completedAt).toBeInstanceOf(Date);

    const timeline = await t.db.select().from(taskEvents).where(eq(taskEvents.taskId, id)).orderBy(asc(taskEvents.createdAt), asc(taskEvents.id));
    expect(timeline.map((e) => [e.kind, e.toStatus])).toEqual([
      ["created", "open"],
      ["status", "in_progress"],
      ["progress", null],
      ["status", "in_review"],
      ["returned", "in_progress"],
      ["status", "in_review"],
      ["status", "done"],
    ]);
    expect(timeline[2]).toMatchObject({ note: "Agenda agreed with the Chair.", evidenceUrl: "https://docs.example.org/agenda" });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "task"), eq(auditLog.entityId, id)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual([
      "task.create",
      "task.start",
      "task.progress",
      "task.submit",
      "task.return",
      "task.submit",
      "task.accept",
    ]);
    expect(audit[4]).toMatchObject({
      actorId: gov2.id,
      before: { status: "in_review" },
      after: { status: "in_progress", reason: "Please add the financial statements." },
    });
  });

  it("the assignee who created the task still cannot accept it; a director can", async () => {
    const { id } = await createTask(t.db, staff2, { title: "Self-assigned check", assigneeId: staff2.id, dueOn: "2030-01-01", priority: "low" });
    // Nobody is told about a task they gave themselves.
    expect(await noticesFor(staff2.id, `/tasks/${id}`)).toEqual([]);
    await advanceTask(t.db, staff2, { taskId: id, move: "start" });
    await advanceTask(t.db, staff2, { taskId: id, move: "submit" });
    expect((await expectRefused(t.db, () => reviewTask(t.db, staff2, { taskId: id, move: "accept" }))).code).toBe("forbidden");
    expect((await expectRefused(t.db, () => reviewTask(t.db, staff2, { taskId: id, move: "return", reason: "No." }))).code).toBe("forbidden");
    await reviewTask(t.db, cso3, { taskId: id, move: "accept" });
    expect(await statusOf(id)).toBe("done");
  });
});

describe("refusals change nothing", () => {
  let taskId: string;
  beforeAll(async () => {
    ({ id: taskId } = await createTask(t.db, gov2, { title: "Refusal target", assigneeId: sec.id, dueOn: "2030-03-03", priority: "normal" }));
  });

  it("wrong roles: a representative or an administrator cannot create; others cannot work someone else's task", async () => {
    const input = { title: "Not allowed", assigneeId: staff2.id, dueOn: "2030-01-01", priority: "normal" };
    expect((await expectRefused(t.db, () => createTask(t.db, rep, input))).code).toBe("forbidden");
    expect((await expectRefused(t.db, () => createTask(t.db, admin, input))).code).toBe("forbidden");
    expect((await expectRefused(t.db, () => createTask(t.db, null, input))).code).toBe("unauthenticated");
    expect((await expectRefused(t.db, () => advanceTask(t.db, staff2, { taskId, move: "start" }))).code).toBe("forbidden");
    expect((await expectRefused(t.db, () => postProgress(t.db, staff2, { taskId, note: "Not mine" }))).code).toBe("forbidden");
    expect((await expectRefused(t.db, () => blockTask(t.db, staff2, { taskId, move: "block", reason: "Not mine" }))).code).toBe("forbidden");
  });

  it("wrong state: submitting an open task, accepting one not under review, unblocking one not blocked", async () => {
    expect((await expectRefused(t.db, () => advanceTask(t.db, sec, { taskId, move: "submit" }))).code).toBe("conflict");
    expect((await expectRefused(t.db, () => reviewTask(t.db, gov2, { taskId, move: "accept" }))).code).toBe("conflict");
    expect((await expectRefused(t.db, () => blockTask(t.db, sec, { taskId, move: "unblock" }))).code).toBe("conflict");
  });

  it("bad input: field errors, unknown ids, unsafe links and moves through the wrong door", async () => {
    const bad = await expectRefused(t.db, () =>
      createTask(t.db, sec, { title: " ", assigneeId: "42", dueOn: "2030-02-31", priority: "urgent", policyId: "nope" }),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["assigneeId", "dueOn", "policyId", "priority", "title"]);
    const notStaff = await expectRefused(t.db, () =>
      createTask(t.db, sec, { title: "For a director", assigneeId: gov2.id, dueOn: "2030-01-01", priority: "low" }),
    );
    expect(notStaff.fieldErrors.assigneeId).toEqual(["Choose a member of the Secretariat."]);
    const unknownMotion = await expectRefused(t.db, () =>
      createTask(t.db, sec, {
        title: "Follow-up",
        assigneeId: staff2.id,
        dueOn: "2030-01-01",
        priority: "low",
        motionId: "00000000-0000-4000-8000-000000000000",
      }),
    );
    expect(unknownMotion.fieldErrors.motionId).toBeDefined();
    for (const evidenceUrl of ["javascript:alert(1)", "ftp://files.example.org/x", "not a link"]) {
      const error = await expectRefused(t.db, () => postProgress(t.db, sec, { taskId, note: "Done", evidenceUrl }));
      expect(error.fieldErrors.evidenceUrl?.length).toBe(1);
    }
    expect((await expectRefused(t.db, () => postProgress(t.db, sec, { taskId, note: "" }))).fieldErrors.note).toBeDefined();
    expect((await expectRefused(t.db, () => advanceTask(t.db, sec, { taskId: "00000000-0000-4000-8000-000000000000", move: "start" }))).code).toBe(
      "not_found",
    );
    expect((await expectRefused(t.db, () => advanceTask(t.db, sec, { taskId, move: "accept" }))).code).toBe("invalid");
    expect((await expectRefused(t.db, () => blockTask(t.db, sec, { taskId, move: "block", reason: "" }))).fieldErrors.reason).toBeDefined();
  });

  it("block and unblock return the task to where it was, with reasons in the timeline", async () => {
    await advanceTask(t.db, sec, { taskId, move: "start" });
    await blockTask(t.db, sec, { taskId, move: "block", reason: "Waiting for the auditors." });
    const [blocked] = await t.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(blocked).toMatchObject({ status: "blocked", blockedFrom: "in_progress", blockedReason: "Waiting for the auditors." });
    await blockTask(t.db, gov2, { taskId, move: "unblock" });
    const [back] = await t.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(back).toMatchObject({ status: "in_progress", blockedFrom: null, blockedReason: null });
    const [creator] = await t.db.select({ id: users.id }).from(users).where(eq(users.id, back!.creatorId));
    expect(creator!.id).toBe(gov2.id);
  });
});
