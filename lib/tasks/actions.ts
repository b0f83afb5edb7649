"use server";

import { formAction } from "@/lib/actions/form-action";
import { AppError } from "@/lib/errors";
import { regenerateCalendarToken } from "./calendar";
import { advanceTask, blockTask, createTask, postProgress, reviewTask } from "./commands";

export const createTaskAction = formAction(
  ({ db, actor, input }) =>
    createTask(db, actor, {
      ...input.pick("title", "assigneeId", "dueOn", "priority", "motionId", "policyId"),
      description: input.text("description") ?? "",
    }),
  ({ id }) => ({ refresh: ["/tasks"], redirectTo: `/tasks/${id}` }),
);

const MOVE_COMMANDS = { start: advanceTask, submit: advanceTask, accept: reviewTask, return: reviewTask, block: blockTask, unblock: blockTask };
type Move = keyof typeof MOVE_COMMANDS;
const MOVE_DONE: Record<Move, string> = {
  start: "Work started.",
  submit: "Submitted for review.",
  accept: "Task accepted as done.",
  return: "Task returned to its assignee.",
  block: "Task marked blocked.",
  unblock: "Task unblocked.",
};

/** Own keys only: "constructor" or "__proto__" from a crafted request must not reach Object's. */
function moveOf(value: string | undefined): Move {
  if (value && Object.hasOwn(MOVE_COMMANDS, value)) return value as Move;
  throw new AppError("invalid", "Unknown action.");
}

export const moveTaskAction = formAction(
  ({ db, actor, input }) => {
    const move = moveOf(input.text("move"));
    return MOVE_COMMANDS[move](db, actor, { taskId: input.text("taskId") ?? "", move, reason: input.text("reason") ?? "" });
  },
  (_result, input) => ({ message: MOVE_DONE[moveOf(input.text("move"))], refresh: [`/tasks/${input.segment("taskId")}`] }),
);

export const postProgressAction = formAction(
  ({ db, actor, input }) =>
    postProgress(db, actor, { taskId: input.text("taskId") ?? "", note: input.text("note"), evidenceUrl: input.text("evidenceUrl") ?? "" }),
  (_result, input) => ({ message: "Progress update added.", refresh: [`/tasks/${input.segment("taskId")}`] }),
);

export const regenerateCalendarAction = formAction(
  ({ db, actor }) => regenerateCalendarToken(db, actor),
  ({ token }) => ({ message: "New calendar address created; the previous one no longer works.", data: { token } }),
);
