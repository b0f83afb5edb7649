import { and, eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { motions, policies, taskEvents, tasks, userRoles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import type { Action } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { notify, type Notice } from "@/lib/notifications/notify";
import { decideMove, mayPostProgress, type TaskMove } from "./rules";
import { createTaskSchema, moveTaskSchema, progressSchema } from "./schemas";

/** Creates a task for a member of the Secretariat and tells them it is theirs. */
export async function createTask(db: DB, actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const creator = authorize(actor, "task.create");
  const data = parseInput(createTaskSchema, input);
  return db.transaction(async (tx) => {
    const [assignee] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "secretariat")))
      .where(eq(users.id, data.assigneeId));
    if (!assignee) throw new AppError("invalid", "Check the highlighted fields.", { assigneeId: ["Choose a member of the Secretariat."] });
    if (data.motionId) {
      const [motion] = await tx.select({ id: motions.id }).from(motions).where(eq(motions.id, data.motionId));
      if (!motion) throw new AppError("invalid", "Check the highlighted fields.", { motionId: ["That motion does not exist."] });
    }
    if (data.policyId) {
      const [policy] = await tx.select({ id: policies.id }).from(policies).where(eq(policies.id, data.policyId));
      if (!policy) throw new AppError("invalid", "Check the highlighted fields.", { policyId: ["That policy does not exist."] });
    }
    const values = {
      title: data.title,
      description: data.description,
      assigneeId: data.assigneeId,
      creatorId: creator.id,
      dueOn: data.dueOn,
      priority: data.priority,
      motionId: data.motionId ?? null,
      policyId: data.policyId ?? null,
    };
    const [task] = await tx.insert(tasks).values(values).returning({ id: tasks.id });
    const id = task!.id;
    await tx.insert(taskEvents).values({ taskId: id, actorId: creator.id, kind: "created", toStatus: "open" });
    await recordAudit(tx, { actorId: creator.id, action: "task.create", entityType: "task", entityId: id, after: { ...values, status: "open" } });
    if (data.assigneeId !== creator.id) {
      await notify(tx, [
        {
          userId: data.assigneeId,
          kind: "task_assigned",
          title: `Task assigned: ${data.title}`,
          body: `Due ${data.dueOn}. Assigned by ${creator.name}.`,
          href: `/tasks/${id}`,
        },
      ]);
    }
    return { id };
  });
}

const MOVE_ACTIONS: Record<TaskMove, Action> = {
  start: "task.progress",
  submit: "task.progress",
  accept: "task.review",
  return: "task.review",
  block: "task.block",
  unblock: "task.block",
};

async function lockTask(tx: Tx, taskId: string) {
  const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for("update");
  if (!task) throw new AppError("not_found", "That task does not exist.");
  return task;
}

/** The notices a move sends: a submission to the creator, a return to the assignee. */
function noticesFor(move: TaskMove, task: typeof tasks.$inferSelect, actor: Actor, reason: string): Notice[] {
  const href = `/tasks/${task.id}`;
  if (move === "submit" && task.creatorId !== actor.id) {
    return [
      {
        userId: task.creatorId,
        kind: "task_submitted",
        title: `Ready for your review: ${task.title}`,
        body: `${actor.name} submitted it for review.`,
        href,
      },
    ];
  }
  if (move === "return") {
    return [{ userId: task.assigneeId, kind: "task_returned", title: `Task returned: ${task.title}`, body: reason, href }];
  }
  return [];
}

async function applyMove(db: DB, actor: Actor | null, input: unknown, moves: readonly TaskMove[]): Promise<void> {
  // Each group of moves shares one row of the permission table.
  const user = authorize(actor, MOVE_ACTIONS[moves[0]!]);
  const { taskId, reason, move } = parseInput(moveTaskSchema, input);
  if (!moves.includes(move)) throw new AppError("invalid", "Unknown action.");
  await db.transaction(async (tx) => {
    const task = await lockTask(tx, taskId);
    const decision = decideMove(task, user, move, reason);
    if (!decision.ok) {
      throw new AppError(decision.code, decision.message, decision.field ? { [decision.field]: [decision.message] } : {});
    }
    const now = new Date();
    const blocking = decision.to === "blocked";
    await tx
      .update(tasks)
      .set({
        status: decision.to,
        blockedFrom: blocking ? task.status : null,
        blockedReason: blocking ? reason : null,
        completedAt: decision.to === "done" ? now : null,
        updatedAt: now,
      })
      .where(eq(tasks.id, task.id));
    const note = decision.eventKind === "returned" || decision.eventKind === "blocked" ? reason : null;
    await tx
      .insert(taskEvents)
      .values({ taskId: task.id, actorId: user.id, kind: decision.eventKind, fromStatus: task.status, toStatus: decision.to, note });
    await recordAudit(tx, {
      actorId: user.id,
      action: `task.${move}`,
      entityType: "task",
      entityId: task.id,
      before: { status: task.status },
      after: { status: decision.to, ...(note ? { reason: note } : {}) },
    });
    await notify(tx, noticesFor(move, task, user, reason));
  });
}

/** The assignee starts work or submits it for review. */
export function advanceTask(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  return applyMove(db, actor, input, ["start", "submit"]);
}

/** The creator, the Chair or a director accepts a task under review, or returns it with a reason. */
export function reviewTask(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  return applyMove(db, actor, input, ["accept", "return"]);
}

/** Marks a task blocked with a reason, or unblocks it back to where it was. */
export function blockTask(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  return applyMove(db, actor, input, ["block", "unblock"]);
}

/** The assignee records what was done, with an optional http(s) link to the evidence. */
export async function postProgress(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const user = authorize(actor, "task.progress");
  const { taskId, note, evidenceUrl } = parseInput(progressSchema, input);
  await db.transaction(async (tx) => {
    const task = await lockTask(tx, taskId);
    if (!mayPostProgress(task, user)) {
      if (task.assigneeId === user.id) throw new AppError("conflict", "A task that is done takes no more updates.");
      throw new AppError("forbidden", "Only the task's assignee posts progress updates.");
    }
    await tx.insert(taskEvents).values({ taskId, actorId: user.id, kind: "progress", note, evidenceUrl: evidenceUrl ?? null });
    await tx.update(tasks).set({ updatedAt: new Date() }).where(eq(tasks.id, taskId));
    await recordAudit(tx, {
      actorId: user.id,
      action: "task.progress",
      entityType: "task",
      entityId: taskId,
      after: { note, evidenceUrl: evidenceUrl ?? null },
    });
  });
}
