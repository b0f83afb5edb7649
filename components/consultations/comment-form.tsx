"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { createCommentAction } from "@/lib/consultations/actions";

type Props = {
  consultationId: string;
  slug: string;
  paragraphs: { key: string; label: string }[];
  selectedKey?: string;
};

/** A new top-level comment on a chosen paragraph, with an optional quote. */
export function CommentForm({ consultationId, slug, paragraphs, selectedKey }: Props) {
  const { state, action, pending, errors, value } = useForm(createCommentAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="slug" value={slug} />
      <SelectField
        label="Paragraph"
        name="paragraphKey"
        defaultValue={value("paragraphKey", selectedKey ?? paragraphs[0]?.key)}
        errors={errors.paragraphKey}
      >
        {paragraphs.map((p, i) => (
          <option key={p.key} value={p.key}>
            ¶{i + 1}: {p.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Quoted words (optional)"
        name="quote"
        hint="Copy the exact words your comment is about."
        defaultValue={value("quote")}
        errors={errors.quote}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="body" className="text-sm font-semibold text-slate-800">
          Your comment
        </label>
        <p id="body-hint" className="text-sm text-slate-700">
          Markdown is allowed. Your name, organisation and pillar are shown with it.
        </p>
        <textarea
          id="body"
          name="body"
          rows={5}
          defaultValue={value("body")}
          aria-describedby={errors.body ? "body-hint body-error" : "body-hint"}
          aria-invalid={errors.body ? true : undefined}
          className="rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
        />
        {errors.body ? (
          <p id="body-error" className="text-sm font-medium text-red-800">
            {errors.body.join(" ")}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Posting…" : "Post comment"}
        </Button>
      </div>
    </form>
  );
}

/** A reply to a top-level comment (threads are one level deep). */
export function ReplyForm({
  consultationId,
  slug,
  parentId,
  paragraphKey,
}: {
  consultationId: string;
  slug: string;
  parentId: string;
  paragraphKey: string;
}) {
  const { state, action, pending, errors, value } = useForm(createCommentAction);
  const id = `reply-${parentId}`;
  const error = state && !state.ok ? (errors.body?.join(" ") ?? state.error) : null;
  return (
    <form action={action} className="mt-2 flex flex-col gap-2">
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="parentId" value={parentId} />
      <input type="hidden" name="paragraphKey" value={paragraphKey} />
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        Your reply
      </label>
      <textarea
        id={id}
        name="body"
        rows={3}
        defaultValue={value("body")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-md border border-slate-500 bg-white px-3 py-2 text-sm text-slate-900"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-900">
          {state.message}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Posting…" : "Post reply"}
        </Button>
      </div>
    </form>
  );
}
