import { describe, expect, it } from "vitest";
import { TASK_STATUSES, type TaskStatus } from "@/lib/tasks/vocabulary";
import { availableMoves, decideMove, mayPostProgress, TASK_MOVES, type TaskMove, type TaskState, type TaskViewer } from "./rules";

const VIEWERS = {
  creator: { id: "creator", roles: ["secretariat"] },
  assignee: { id: "assignee", roles: ["secretariat"] },
  assigneeWhoCreated: { id: "assignee", roles: ["secretariat"] },
  chair: { id: "chair", roles: ["director", "chair"] },
  director: { id: "director", roles: ["director"] },
  otherSecretariat: { id: "other", roles: ["secretariat"] },
  representative: { id: "rep", roles: ["representative"] },
  admin: { id: "admin", roles: ["admin"] },
} satisfies Record<string, TaskViewer>;
type Who = keyof typeof VIEWERS;

function taskFor(who: Who, status: TaskStatus, blockedFrom: TaskStatus | null = null): TaskState {
  return { status, blockedFrom, assigneeId: "assignee", creatorId: who === "assigneeWhoCreated" ? "assignee" : "creator" };
}

// The status each move starts from, and who may make it there.
const LEGAL: Record<TaskMove, { from: TaskStatus[]; to: (from: TaskStatus) => TaskStatus; who: Who[] }> = {
  start: { from: ["open"], to: () => "in_progress", who: ["assignee", "assigneeWhoCreated"] },
  submit: { from: ["in_progress"], to: () => "in_review", who: ["assignee", "assigneeWhoCreated"] },
  accept: { from: ["in_review"], to: () => "done", who: ["creator", "chair", "director"] },
  return: { from: ["in_review"], to: () => "in_progress", who: ["creator", "chair", "director"] },
  block: { from: ["open", "in_progress", "in_review"], to: () => "blocked", who: ["creator", "assignee", "assigneeWhoCreated", "chair", "director"] },
  unblock: { from: ["blocked"], to: () => "in_review", who: ["creator", "assignee", "assigneeWhoCreated", "chair", "director"] },
};

describe("the task state machine, every move × status × role", () => {
  for (const move of TASK_MOVES) {
    for (const who of Object.keys(VIEWERS) as Who[]) {
      for (const status of TASK_STATUSES) {
        const legal = LEGAL[move];
        const permitted = legal.who.includes(who);
        const fromOk = legal.from.includes(status);
        const expected = !permitted ? "forbidden" : fromOk ? "ok" : "conflict";
        it(`${who} ${move} from ${status}: ${expected}`, () => {
          const task = taskFor(who, status, status === "blocked" ? "in_review" : null);
          const decision = decideMove(task, VIEWERS[who], move, "Because the evidence is missing.");
          if (expected === "ok") {
            expect(decision).toMatchObject({ ok: true, to: legal.to(status) });
          } else {
            expect(decision).toMatchObject({ ok: false, code: expected });
          }
        });
      }
    }
  }
});

describe("reasons, unblocking and the assignee's own work", () => {
  it("a return and a block need a reason; blanks do not count", () => {
    expect(decideMove(taskFor("creator", "in_review"), VIEWERS.creator, "return", "  ")).toMatchObject({
      ok: false,
      code: "invalid",
      field: "reason",
    });
    expect(decideMove(taskFor("creator", "in_review"), VIEWERS.director, "return")).toMatchObject({ ok: false, code: "invalid" });
    expect(decideMove(taskFor("assignee", "open"), VIEWERS.assignee, "block", "")).toMatchObject({ ok: false, code: "invalid", field: "reason" });
    expect(decideMove(taskFor("creator", "in_review"), VIEWERS.chair, "return", "Add the annex.")).toMatchObject({ ok: true, eventKind: "returned" });
  });

  it("unblocking returns the task to the status it was blocked from", () => {
    for (const from of ["open", "in_progress", "in_review"] as const) {
      expect(decideMove(taskFor("assignee", "blocked", from), VIEWERS.assignee, "unblock")).toEqual({ ok: true, to: from, eventKind: "unblocked" });
    }
  });

  it("the assignee who created the task still cannot accept or return it", () => {
    const own = taskFor("assigneeWhoCreated", "in_review");
    expect(decideMove(own, VIEWERS.assigneeWhoCreated, "accept")).toMatchObject({ ok: false, code: "forbidden" });
    expect(availableMoves(own, VIEWERS.assigneeWhoCreated)).toEqual(["block"]);
    // A director assigned a task (unusual, but the rule holds) cannot accept it either.
    const directorOwn: TaskState = { status: "in_review", blockedFrom: null, assigneeId: "director", creatorId: "creator" };
    expect(decideMove(directorOwn, VIEWERS.director, "accept")).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("the buttons offered match the decisions", () => {
    expect(availableMoves(taskFor("creator", "open"), VIEWERS.assignee)).toEqual(["start", "block"]);
    expect(availableMoves(taskFor("creator", "in_review"), VIEWERS.creator)).toEqual(["accept", "return", "block"]);
    expect(availableMoves(taskFor("creator", "in_review"), VIEWERS.otherSecretariat)).toEqual([]);
    expect(availableMoves(taskFor("creator", "done"), VIEWERS.chair)).toEqual([]);
  });

  it("only the assignee posts progress, and not on a task that is done", () => {
    expect(mayPostProgress(taskFor("creator", "in_progress"), VIEWERS.assignee)).toBe(true);
    expect(mayPostProgress(taskFor("creator", "blocked", "open"), VIEWERS.assignee)).toBe(true);
    expect(mayPostProgress(taskFor("creator", "done"), VIEWERS.assignee)).toBe(false);
    for (const who of ["creator", "chair", "director", "otherSecretariat", "representative", "admin"] as const) {
      expect(mayPostProgress(taskFor("creator", "in_progress"), VIEWERS[who])).toBe(false);
    }
  });
});
