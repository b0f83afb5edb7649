"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { type ActionState, NOT_A_FORM, toActionError } from "@/lib/errors";
import { deliverEmailsNow } from "@/lib/notifications/delivery";
import { regenerateCalendarToken } from "./calendar";
import { advanceTask, blockTask, createTask, postProgress, reviewTask } from "./commands";

/** Notices commit with the change; their emails go out once the response is sent. */
function sendEmailsAfterCommit() {
  after(() => deliverEmailsNow());
}

export async function createTaskAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  let id: string;
  try {
    ({ id } = await createTask(await getDb(), await currentActor(), {
      title: formData.get("title"),
      description: formData.get("description") ?? "",
      assigneeId: formData.get("assigneeId"),
      dueOn: formData.get("dueOn"),
      priority: formData.get("priority"),
      motionId: formData.get("motionId"),
      policyId: formData.get("policyId"),
    }));
  } catch (error) {
    return toActionError(error);
  }
  sendEmailsAfterCommit();
  revalidatePath("/tasks");
  redirect(`/tasks/${id}`);
}

const MOVE_COMMANDS = { start: advanceTask, submit: advanceTask, accept: reviewTask, return: reviewTask, block: blockTask, unblock: blockTask };
const MOVE_DONE: Record<keyof typeof MOVE_COMMANDS, string> = {
  start: "Work started.",
  submit: "Submitted for review.",
  accept: "Task accepted as done.",
  return: "Task returned to its assignee.",
  block: "Task marked blocked.",
  unblock: "Task unblocked.",
};

export async function moveTaskAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const move = String(formData.get("move") ?? "") as keyof typeof MOVE_COMMANDS;
  const taskId = String(formData.get("taskId") ?? "");
  // Own keys only: "constructor" or "__proto__" from a crafted request must not reach Object's.
  if (!Object.hasOwn(MOVE_COMMANDS, move)) return { ok: false, error: "Unknown action." };
  const command = MOVE_COMMANDS[move];
  try {
    await command(await getDb(), await currentActor(), { taskId, move, reason: formData.get("reason") ?? "" });
  } catch (error) {
    return toActionError(error);
  }
  sendEmailsAfterCommit();
  revalidatePath(`/tasks/${taskId}`);
  return { ok: true, message: MOVE_DONE[move] };
}

export async function postProgressAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const taskId = String(formData.get("taskId") ?? "");
  try {
    await postProgress(await getDb(), await currentActor(), { taskId, note: formData.get("note"), evidenceUrl: formData.get("evidenceUrl") ?? "" });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(`/tasks/${taskId}`);
  return { ok: true, message: "Progress update added." };
}

export async function regenerateCalendarAction(): Promise<ActionState<{ token: string }>> {
  try {
    const { token } = await regenerateCalendarToken(await getDb(), await currentActor());
    return { ok: true, message: "New calendar address created; the previous one no longer works.", data: { token } };
  } catch (error) {
    return toActionError(error);
  }
}
