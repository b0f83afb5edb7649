"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { createPolicyAction, editDraftAction } from "@/lib/policies/actions";
import { CATEGORY_LABELS } from "./labels";
import { MarkdownEditor } from "./markdown-editor";
import { submitKeepingInput } from "./keep-input";

type Draft = { policyId: string; slug: string; title: string; category: string; bodyMd: string; changeSummary: string; versionNumber: number };

/** Creates a policy (no `draft`) or edits the draft version of one. */
export function PolicyForm({ draft }: { draft?: Draft }) {
  const [state, action, pending] = useActionState(draft ? editDraftAction : createPolicyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} onSubmit={submitKeepingInput(action)} className="flex flex-col gap-4" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
      {draft ? (
        <>
          <input type="hidden" name="policyId" value={draft.policyId} />
          <input type="hidden" name="slug" value={draft.slug} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Title" name="title" required defaultValue={draft?.title} errors={errors?.title} />
        <SelectField label="Category" name="category" required defaultValue={draft?.category ?? ""} errors={errors?.category}>
          <option value="" disabled>
            Choose a category
          </option>
          {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        {draft ? null : (
          <TextField label="Address (optional)" name="slug" hint="Lowercase words joined by hyphens; made from the title if left empty." errors={errors?.slug} />
        )}
      </div>
      <MarkdownEditor
        name="bodyMd"
        label={draft ? `Text of version ${draft.versionNumber}` : "Text"}
        defaultValue={draft?.bodyMd}
        hint="Markdown. Separate paragraphs with a blank line: each paragraph can be commented on."
        errors={errors?.bodyMd}
      />
      {draft ? <TextField label="Summary of changes (optional)" name="changeSummary" defaultValue={draft.changeSummary} errors={errors?.changeSummary} /> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : draft ? "Save draft" : "Create policy"}
        </Button>
      </div>
    </form>
  );
}
