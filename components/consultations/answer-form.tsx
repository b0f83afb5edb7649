"use client";

import { COMMENT_STATUS_LABELS } from "@/components/policies/labels";
import { Button } from "@/components/ui/button";
import { useForm } from "@/components/ui/use-form";
import { answerCommentAction } from "@/lib/consultations/actions";

const ANSWERS = ["accepted", "partly_accepted", "not_accepted", "noted"] as const;

/** The Secretariat's answer to one comment; ids carry the comment id so many forms can share a page. */
export function AnswerForm({
  commentId,
  consultationId,
  slug,
  status,
  response,
  label,
}: {
  commentId: string;
  consultationId: string;
  slug: string;
  status: string;
  response: string;
  label: string;
}) {
  const { state, action, pending, errors, value } = useForm(answerCommentAction);
  const id = (name: string) => `${name}-${commentId}`;
  return (
    <form action={action} className="flex min-w-64 flex-col gap-2" aria-label={`Answer ${label}`} noValidate>
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor={id("status")} className="text-sm font-semibold text-slate-800">
        Answer
      </label>
      {/* Keyed on its default: React applies a select's defaultValue only when it mounts. */}
      <select
        key={value("status", status)}
        id={id("status")}
        name="status"
        defaultValue={value("status", status === "open" ? "" : status)}
        className="rounded-md border border-slate-500 bg-white px-2 py-1 text-sm"
      >
        <option value="" disabled>
          Choose an answer
        </option>
        {ANSWERS.map((a) => (
          <option key={a} value={a}>
            {COMMENT_STATUS_LABELS[a]}
          </option>
        ))}
      </select>
      {errors.status ? <p className="text-sm font-medium text-red-800">{errors.status.join(" ")}</p> : null}
      <label htmlFor={id("response")} className="text-sm font-semibold text-slate-800">
        Response
      </label>
      <textarea
        id={id("response")}
        name="response"
        rows={3}
        defaultValue={value("response", response)}
        aria-invalid={errors.response ? true : undefined}
        aria-describedby={errors.response ? id("response-error") : undefined}
        className="rounded-md border border-slate-500 bg-white px-2 py-1 text-sm"
      />
      {errors.response ? (
        <p id={id("response-error")} className="text-sm font-medium text-red-800">
          {errors.response.join(" ")}
        </p>
      ) : null}
      {state && !state.ok && !errors.response && !errors.status ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-900">
          {state.message}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save answer"}
        </Button>
      </div>
    </form>
  );
}
