import { and, count, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { auditLog, notifications, taskEvents, tasks } from "@/db/schema";
import { insertTask } from "@/lib/tasks/reliability-cases";
import { catalogCase, type ConcurrentCall, defineScenario } from "../concurrency";
import type { Sent } from "../harness";

/**
 * 500 concurrent task updates by the two Secretariat members on their own tasks: 20 progress notes
 * on each of 20 tasks, and 5 copies of one status move per task sent at the same moment (start on
 * the open half, submit on the half in progress). Each note is kept; each move is made exactly once,
 * the copies refused because the task is no longer where the move starts.
 */
const TASKS = 20;
const NOTES = 20;
const COPIES = 5;
const ASSIGNEES = ["secretariat@example.org", "staff2@example.org"];
const CREATOR = "gov1@example.org";

type State = { taskIds: string[]; expected: Record<string, "in_progress" | "in_review"> };

export const taskUpdates = defineScenario<State>({
  name: "500 concurrent task updates",
  perProcess: 10,
  build: async (db) => {
    const progress = catalogCase("post task progress");
    const move = catalogCase("start task");
    const calls: ConcurrentCall[] = [];
    const taskIds: string[] = [];
    const expected: State["expected"] = {};
    for (let t = 0; t < TASKS; t++) {
      const assignee = ASSIGNEES[t % ASSIGNEES.length]!;
      const starting = t < TASKS / 2;
      const taskId = await insertTask(db, starting ? "open" : "in_progress", assignee, CREATOR);
      taskIds.push(taskId);
      expected[taskId] = starting ? "in_progress" : "in_review";
      for (let n = 0; n < NOTES; n++) {
        calls.push({
          case: progress,
          request: { fields: { taskId, note: `Progress note ${n + 1} on task ${t + 1}.`, evidenceUrl: "" } },
          as: assignee,
        });
      }
      for (let c = 0; c < COPIES; c++) {
        calls.push({ case: move, request: { fields: { taskId, move: starting ? "start" : "submit", reason: "" } }, as: assignee });
      }
    }
    // Interleave the tasks, so the notes and the copies of one move land on both processes together.
    const order = calls.map((call, i) => ({ call, key: (i % (NOTES + COPIES)) * TASKS + Math.floor(i / (NOTES + COPIES)) }));
    order.sort((a, b) => a.key - b.key);
    return { calls: order.map((o) => o.call), state: { taskIds, expected } };
  },
  check: async (db, calls, results, { taskIds, expected }) => {
    const isMove = (call: ConcurrentCall) => call.request.fields!.move !== undefined;
    const moveResults = results.filter((_, i) => isMove(calls[i]!));
    const noteResults = results.filter((_, i) => !isMove(calls[i]!));
    const lostRace = (r: Sent) => r.outcome === "invalid" && /^This cannot be done while the task is in (progress|review)\.$/.test(r.message ?? "");
    const unexpected = results.filter((r, i) => r.outcome !== "allowed" && !(isMove(calls[i]!) && lostRace(r)));
    expect(
      unexpected.map((r) => `${r.status} ${r.outcome} ${r.message ?? ""}`),
      "calls neither accepted nor refused as a lost race",
    ).toEqual([]);
    expect(noteResults.filter((r) => r.outcome === "allowed").length, "every note accepted").toBe(TASKS * NOTES);
    expect(moveResults.filter((r) => r.outcome === "allowed").length, "each move made once per task").toBe(TASKS);

    const events = await db
      .select({ kind: taskEvents.kind, n: count() })
      .from(taskEvents)
      .where(inArray(taskEvents.taskId, taskIds))
      .groupBy(taskEvents.kind);
    const byKind = Object.fromEntries(events.map((e) => [e.kind, Number(e.n)]));
    expect(byKind, "task_events rows by kind").toEqual({ progress: TASKS * NOTES, status: TASKS });

    const rows = await db.select({ id: tasks.id, status: tasks.status }).from(tasks).where(inArray(tasks.id, taskIds));
    const wrong = rows.filter((r) => r.status !== expected[r.id]).map((r) => `${r.id}: ${r.status}, expected ${expected[r.id]}`);
    expect(wrong, "task statuses").toEqual([]);
    expect(rows.length).toBe(TASKS);

    const [audits] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "task"), inArray(auditLog.entityId, taskIds)));
    expect(Number(audits!.n), "one audit entry per accepted update").toBe(TASKS * NOTES + TASKS);
    // A submission tells the task's creator (the Chair) once; a start tells nobody.
    const [notices] = await db
      .select({ n: count() })
      .from(notifications)
      .where(
        inArray(
          notifications.href,
          taskIds.map((id) => `/tasks/${id}`),
        ),
      );
    expect(Number(notices!.n), "one notice per submitted task").toBe(TASKS / 2);

    const refused = moveResults.length - TASKS;
    return (
      `${calls.length} concurrent calls on ${TASKS} tasks (${TASKS * NOTES} progress notes, ${TASKS} moves sent ${COPIES} times), ` +
      `${results.filter((r) => r.outcome === "allowed").length} accepted, ${refused} refused as lost races; ` +
      `${byKind.progress} progress + ${byKind.status} status rows in task_events, ${Number(audits!.n)} audit entries, ${Number(notices!.n)} notices, all ${TASKS} statuses as expected`
    );
  },
});
