"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { openConsultationAction } from "@/lib/consultations/actions";

type Props = {
  policy: { id: string; slug: string };
  versions: { id: string; number: number }[];
  pillars: { id: string; name: string }[];
  defaults: { opensAt: string; closesAt: string };
  timeZone: string;
};

export function OpenConsultationForm({ policy, versions, pillars, defaults, timeZone }: Props) {
  const { state, action, pending, errors, value, values } = useForm(openConsultationAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="policyId" value={policy.id} />
      <input type="hidden" name="slug" value={policy.slug} />
      <SelectField label="Version" name="versionId" defaultValue={value("versionId", versions[0]?.id)} errors={errors.versionId}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            Version {v.number}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label="Opens"
          name="opensAt"
          type="datetime-local"
          defaultValue={value("opensAt", defaults.opensAt)}
          hint={`Time in ${timeZone}.`}
          errors={errors.opensAt}
        />
        <TextField
          label="Closes"
          name="closesAt"
          type="datetime-local"
          defaultValue={value("closesAt", defaults.closesAt)}
          hint={`Time in ${timeZone}.`}
          errors={errors.closesAt}
        />
      </div>
      <fieldset aria-describedby={errors.pillarIds ? "pillarIds-error" : undefined}>
        <legend className="text-sm font-semibold text-slate-800">Invited pillars</legend>
        <p className="text-sm text-slate-700">
          Representatives of these pillars may comment and are notified. Directors and the Secretariat may always comment.
        </p>
        <div className="mt-2 flex flex-wrap gap-4">
          {pillars.map((p) => (
            <label key={p.id} className="flex items-center gap-2">
              <input type="checkbox" name="pillarIds" value={p.id} defaultChecked={values("pillarIds").includes(p.id)} className="h-4 w-4" />
              {p.name}
            </label>
          ))}
        </div>
        {errors.pillarIds ? (
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
