"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { draftMotionAction } from "@/lib/votes/actions";

type Choices = { versions: { id: string; number: number; policyTitle: string }[]; rules: { id: string; name: string; isDefault: boolean }[] };

/** The motion drafting form; `initial` prefills it, as the policy page does for the policy in board review. */
export function DraftMotionForm({
  choices,
  defaultClosesAt,
  timeZone,
  initial,
}: {
  choices: Choices;
  defaultClosesAt: string;
  timeZone: string;
  initial?: { title: string; versionId: string };
}) {
  const { state, action, pending, errors, value } = useForm(draftMotionAction);
  const [kind, setKind] = useState(() =>
    value("kind", choices.versions.length ? "adopt_policy_version" : "resolution") === "resolution" ? "resolution" : "adopt_policy_version",
  );
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
      <fieldset className="md:col-span-2">
        <legend className="text-sm font-semibold text-slate-800">The motion is</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="kind"
              value="adopt_policy_version"
              checked={kind === "adopt_policy_version"}
              onChange={() => setKind("adopt_policy_version")}
              className="h-4 w-4"
            />
            To adopt a policy version
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="kind"
              value="resolution"
              checked={kind === "resolution"}
              onChange={() => setKind("resolution")}
              className="h-4 w-4"
            />
            A resolution in its own words
          </label>
        </div>
      </fieldset>
      <TextField label="Title" name="title" required defaultValue={value("title", initial?.title)} errors={errors.title} />
      {kind === "adopt_policy_version" ? (
        <SelectField
          label="Policy version to adopt"
          name="versionId"
          defaultValue={value("versionId", initial?.versionId)}
          errors={errors.versionId}
          hint="Final versions of policies in board review."
        >
          <option value="" disabled>
            Choose a version
          </option>
          {choices.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.policyTitle}, version {v.number}
            </option>
          ))}
        </SelectField>
      ) : (
        <div className="md:col-span-2">
          <TextAreaField
            label="Resolution text"
            name="resolutionText"
            rows={5}
            required
            defaultValue={value("resolutionText")}
            errors={errors.resolutionText}
          />
        </div>
      )}
      <SelectField
        label="Decision rule"
        name="ruleId"
        defaultValue={value("ruleId", choices.rules.find((r) => r.isDefault)?.id)}
        errors={errors.ruleId}
      >
        {choices.rules.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Closing time"
        name="closesAt"
        type="datetime-local"
        required
        defaultValue={value("closesAt", defaultClosesAt)}
        hint={`In ${timeZone} time.`}
        errors={errors.closesAt}
      />
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          Draft the motion
        </Button>
      </div>
    </form>
  );
}
