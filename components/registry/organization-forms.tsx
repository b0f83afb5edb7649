"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { CERTIFICATION_STANDARDS, type MembershipStatus } from "@/db/schema";
import type { ActionState } from "@/lib/errors";
import { changeStatusAction, createOrganizationAction, updateOrganizationAction } from "@/lib/registry/actions";
import { STATUS_LABELS } from "@/lib/registry/rules";
import { submitKeepingValues, useFieldValues } from "./use-field-values";

type Details = { name: string; country: string | null; website: string | null; certification: { standard: string | null; expiresOn: string | null } };

function Messages({ state }: { state: ActionState }) {
  if (state && !state.ok) return <Alert tone="error">{state.error}</Alert>;
  if (state?.ok && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}

function fieldErrors(state: ActionState) {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}

function DetailFields({ errors, values }: { errors: Record<string, string[] | undefined>; values?: Details }) {
  const bind = useFieldValues({
    name: values?.name ?? "",
    country: values?.country ?? "",
    website: values?.website ?? "",
    certificationStandard: values?.certification.standard ?? "",
    certificationExpiresOn: values?.certification.expiresOn ?? "",
  });
  return (
    <>
      <TextField label="Name" {...bind("name")} errors={errors.name} />
      <TextField label="Country code" {...bind("country")} maxLength={2} hint="Two letters, such as CH." errors={errors.country} />
      <TextField label="Website" type="url" {...bind("website")} errors={errors.website} />
      <SelectField label="Certification standard" {...bind("certificationStandard")} errors={errors.certificationStandard}>
        <option value="">None</option>
        {CERTIFICATION_STANDARDS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
      <TextField label="Certification expires on" type="date" {...bind("certificationExpiresOn")} errors={errors.certificationExpiresOn} />
    </>
  );
}

export function CreateOrganizationForm({ pillars }: { pillars: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createOrganizationAction, null);
  const errors = fieldErrors(state);
  const bind = useFieldValues({ pillarId: "", slug: "" });
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <Messages state={state} />
      </div>
      <DetailFields errors={errors} />
      <SelectField label="Pillar" {...bind("pillarId")} errors={errors.pillarId}>
        <option value="" disabled>
          Choose a pillar
        </option>
        {pillars.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Short name (address)" {...bind("slug")} hint="Optional; made from the name when empty. It cannot change later." errors={errors.slug} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add organisation"}
        </Button>
      </div>
    </form>
  );
}

export function EditOrganizationForm({ organizationId, values }: { organizationId: string; values: Details }) {
  const [state, action, pending] = useActionState(updateOrganizationAction, null);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <Messages state={state} />
      </div>
      <input type="hidden" name="organizationId" value={organizationId} />
      <DetailFields errors={fieldErrors(state)} values={values} />
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
      </div>
    </form>
  );
}

export function ChangeStatusForm({ organizationId, slug, allowed, today }: { organizationId: string; slug: string; allowed: readonly MembershipStatus[]; today: string }) {
  const [state, action, pending] = useActionState(changeStatusAction, null);
  const errors = fieldErrors(state);
  const bind = useFieldValues({ toStatus: "", effectiveOn: today, statusReason: "" });
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <Messages state={state} />
      </div>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      <SelectField label="New status" {...bind("toStatus")} errors={errors.toStatus} hint="Only the changes the membership rules allow from the current status are listed.">
        <option value="" disabled>
          Choose a status
        </option>
        {allowed.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextField label="Effective on" type="date" {...bind("effectiveOn")} errors={errors.effectiveOn} />
      <div className="md:col-span-2">
        <TextField label="Reason" {...bind("statusReason")} errors={errors.reason} hint="Shown in the public status history." />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change status"}
        </Button>
      </div>
    </form>
  );
}
