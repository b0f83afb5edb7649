"use client";

import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { moveTaskAction, postProgressAction } from "@/lib/tasks/actions";
import { MOVE_LABELS, type TaskMove } from "@/lib/tasks/rules";

/** One move that needs no reason: a single button. */
function MoveButton({ taskId, move }: { taskId: string; move: TaskMove }) {
  const { state, action, pending } = useForm(moveTaskAction);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="move" value={move} />
      <div>
        <Button type="submit" variant={move === "accept" ? "primary" : "secondary"} disabled={pending}>
          {MOVE_LABELS[move]}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** A move that needs a reason (return, block): the reason field sits beside its button. */
function MoveWithReason({ taskId, move, label }: { taskId: string; move: TaskMove; label: string }) {
  const { state, action, pending, errors, value } = useForm(moveTaskAction);
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="move" value={move} />
      <TextAreaField label={label} name="reason" id={`${move}-reason`} maxLength={2000} defaultValue={value("reason")} errors={errors.reason} />
      <div>
        <Button type="submit" variant={move === "return" ? "danger" : "secondary"} disabled={pending}>
          {MOVE_LABELS[move]}
        </Button>
      </div>
      <FormMessage state={state} hideFieldErrors />
    </form>
  );
}

export function TaskMoves({ taskId, moves }: { taskId: string; moves: TaskMove[] }) {
  const simple = moves.filter((m) => m !== "return" && m !== "block");
  return (
    <div className="flex flex-col gap-5">
      {simple.length ? (
        <div className="flex flex-wrap gap-4">
          {simple.map((move) => (
            <MoveButton key={move} taskId={taskId} move={move} />
          ))}
        </div>
      ) : null}
      {moves.includes("return") ? <MoveWithReason taskId={taskId} move="return" label="Reason for returning it" /> : null}
      {moves.includes("block") ? <MoveWithReason taskId={taskId} move="block" label="Why it is blocked" /> : null}
    </div>
  );
}

export function ProgressForm({ taskId }: { taskId: string }) {
  const { state, action, pending, errors, value } = useForm(postProgressAction);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="taskId" value={taskId} />
      <TextAreaField label="Progress note" name="note" maxLength={4000} required defaultValue={value("note")} errors={errors.note} />
      <TextField
        label="Evidence link (optional)"
        name="evidenceUrl"
        type="url"
        maxLength={2000}
        placeholder="https://"
        hint="A link to a document or page that shows the work."
        defaultValue={value("evidenceUrl")}
        errors={errors.evidenceUrl}
      />
      <div>
        <Button type="submit" disabled={pending}>
          Add progress update
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
