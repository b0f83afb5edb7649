"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { createPolicyAction, editDraftAction } from "@/lib/policies/actions";
import { CATEGORY_LABELS } from "./labels";
import { MarkdownEditor } from "./markdown-editor";

type Draft = { policyId: string; slug: string; title: string; category: string; bodyMd: string; changeSummary: string; versionNumber: number };

/** Creates a policy (no `draft`) or edits the draft version of one. */
export function PolicyForm({ draft }: { draft?: Draft }) {
  const { state, action, pending, errors, value } = useForm(draft ? editDraftAction : createPolicyAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {draft ? (
        <>
          <input type="hidden" name="policyId" value={draft.policyId} />
          <input type="hidden" name="slug" value={draft.slug} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Title" name="title" required defaultValue={value("title", draft?.title)} errors={errors.title} />
        <SelectField label="Category" name="category" required defaultValue={value("category", draft?.category)} errors={errors.category}>
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
          <TextField
            label="Address (optional)"
            name="slug"
            hint="Lowercase words joined by hyphens; made from the title if left empty."
            defaultValue={value("slug")}
            errors={errors.slug}
          />
        )}
      </div>
      <MarkdownEditor
        name="bodyMd"
        label={draft ? `Text of version ${draft.versionNumber}` : "Text"}
        defaultValue={value("bodyMd", draft?.bodyMd)}
        hint="Markdown. Separate paragraphs with a blank line: each paragraph can be commented on."
        errors={errors.bodyMd}
      />
      {draft ? (
        <TextField
          label="Summary of changes (optional)"
          name="changeSummary"
          defaultValue={value("changeSummary", draft.changeSummary)}
          errors={errors.changeSummary}
        />
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : draft ? "Save draft" : "Create policy"}
        </Button>
      </div>
    </form>
  );
}
