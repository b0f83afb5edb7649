import type { TaskStatus } from "@/lib/tasks/vocabulary";
import { can, type Role } from "@/lib/auth/permissions";

/**
 * The task state machine, pure: open → in_progress → in_review → done, in_review → in_progress when
 * returned (with a reason), any state but done → blocked (with a reason) and back to where it was.
 */
export const TASK_MOVES = ["start", "submit", "accept", "return", "block", "unblock"] as const;
export type TaskMove = (typeof TASK_MOVES)[number];

export type TaskState = { status: TaskStatus; blockedFrom: TaskStatus | null; assigneeId: string; creatorId: string };
export type TaskViewer = { id: string; roles: readonly Role[] };

export type MoveDecision =
  | { ok: true; to: TaskStatus; eventKind: "status" | "returned" | "blocked" | "unblocked" }
  | { ok: false; code: "forbidden" | "conflict" | "invalid"; message: string; field?: "reason" };

export const MOVE_LABELS: Record<TaskMove, string> = {
  start: "Start work",
  submit: "Submit for review",
  accept: "Accept",
  return: "Return",
  block: "Mark blocked",
  unblock: "Unblock",
};

const FROM: Record<Exclude<TaskMove, "block" | "unblock">, TaskStatus> = {
  start: "open",
  submit: "in_progress",
  accept: "in_review",
  return: "in_review",
};
const TO: Record<Exclude<TaskMove, "block" | "unblock">, TaskStatus> = {
  start: "in_progress",
  submit: "in_review",
  accept: "done",
  return: "in_progress",
};

function isAssignee(task: TaskState, viewer: TaskViewer): boolean {
  return task.assigneeId === viewer.id;
}

function isBoard(viewer: TaskViewer): boolean {
  return viewer.roles.includes("director") || viewer.roles.includes("chair");
}

/** Who may make a move, whatever the task's status. */
export function mayMake(task: TaskState, viewer: TaskViewer, move: TaskMove): boolean {
  switch (move) {
    case "start":
    case "submit":
      return isAssignee(task, viewer) && can(viewer.roles, "task.progress");
    case "accept":
    case "return":
      // The assignee never judges their own work, even when they also created the task.
      if (isAssignee(task, viewer)) return false;
      return can(viewer.roles, "task.review") && (task.creatorId === viewer.id || isBoard(viewer));
    case "block":
    case "unblock":
      if (!can(viewer.roles, "task.block")) return false;
      return isAssignee(task, viewer) || task.creatorId === viewer.id || isBoard(viewer);
  }
}

/** Whether the viewer may post a progress update (note and evidence) on the task. */
export function mayPostProgress(task: TaskState, viewer: TaskViewer): boolean {
  return isAssignee(task, viewer) && can(viewer.roles, "task.progress") && task.status !== "done";
}

/** Decides one move: who may, from which status, and whether the reason it needs is given. */
export function decideMove(task: TaskState, viewer: TaskViewer, move: TaskMove, reason?: string | null): MoveDecision {
  if (!mayMake(task, viewer, move)) {
    const message =
      (move === "accept" || move === "return") && isAssignee(task, viewer)
        ? "You cannot accept or return your own work; its creator, the Chair or a director reviews it."
        : "Only the task's assignee, creator, the Chair or a director may do this, each for their own part.";
    return { ok: false, code: "forbidden", message };
  }
  const hasReason = (reason ?? "").trim().length > 0;
  if (move === "block") {
    if (task.status === "done" || task.status === "blocked") {
      return { ok: false, code: "conflict", message: `A task that is ${task.status === "done" ? "done" : "already blocked"} cannot be blocked.` };
    }
    if (!hasReason) return { ok: false, code: "invalid", message: "Say why the task is blocked.", field: "reason" };
    return { ok: true, to: "blocked", eventKind: "blocked" };
  }
  if (move === "unblock") {
    if (task.status !== "blocked" || !task.blockedFrom) return { ok: false, code: "conflict", message: "The task is not blocked." };
    return { ok: true, to: task.blockedFrom, eventKind: "unblocked" };
  }
  if (task.status !== FROM[move]) {
    return { ok: false, code: "conflict", message: `This cannot be done while the task is ${task.status.replace("_", " ")}.` };
  }
  if (move === "return") {
    if (!hasReason) return { ok: false, code: "invalid", message: "Say why the task is returned.", field: "reason" };
    return { ok: true, to: TO.return, eventKind: "returned" };
  }
  return { ok: true, to: TO[move], eventKind: "status" };
}

/** The moves the viewer can make now, for showing buttons (the server decides again on submit). */
export function availableMoves(task: TaskState, viewer: TaskViewer): TaskMove[] {
  return TASK_MOVES.filter((move) => {
    const decision = decideMove(task, viewer, move, "a reason");
    return decision.ok;
  });
}
