"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { openConsultationAction } from "@/lib/consultations/actions";
import { submitKeepingInput } from "@/components/policies/keep-input";

type Props = {
  policy: { id: string; slug: string };
  versions: { id: string; number: number }[];
  pillars: { id: string; name: string }[];
  defaults: { opensAt: string; closesAt: string };
  timeZone: string;
};

export function OpenConsultationForm({ policy, versions, pillars, defaults, timeZone }: Props) {
  const [state, action, pending] = useActionState(openConsultationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} onSubmit={submitKeepingInput(action)} className="flex flex-col gap-4" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="policyId" value={policy.id} />
      <input type="hidden" name="slug" value={policy.slug} />
      <SelectField label="Version" name="versionId" defaultValue={versions[0]?.id} errors={errors?.versionId}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            Version {v.number}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Opens" name="opensAt" type="datetime-local" defaultValue={defaults.opensAt} hint={`Time in ${timeZone}.`} errors={errors?.opensAt} />
        <TextField label="Closes" name="closesAt" type="datetime-local" defaultValue={defaults.closesAt} hint={`Time in ${timeZone}.`} errors={errors?.closesAt} />
      </div>
      <fieldset aria-describedby={errors?.pillarIds ? "pillarIds-error" : undefined}>
        <legend className="text-sm font-semibold text-slate-800">Invited pillars</legend>
        <p className="text-sm text-slate-700">Representatives of these pillars may comment and are notified. Directors and the Secretariat may always comment.</p>
        <div className="mt-2 flex flex-wrap gap-4">
          {pillars.map((p) => (
            <label key={p.id} className="flex items-center gap-2">
              <input type="checkbox" name="pillarIds" value={p.id} className="h-4 w-4" />
              {p.name}
            </label>
          ))}
        </div>
        {errors?.pillarIds ? (
          <p id="pillarIds-error" className="text-sm font-medium text-red-800">
            {errors.pillarIds.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Opening…" : "Open the consultation"}
        </Button>
      </div>
    </form>
  );
}
