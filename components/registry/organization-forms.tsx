"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { CERTIFICATION_STANDARDS, type MembershipStatus } from "@/db/schema";
import type { ActionState } from "@/lib/errors";
import { changeStatusAction, createOrganizationAction, updateOrganizationAction } from "@/lib/registry/actions";
import { STATUS_LABELS } from "@/lib/registry/rules";

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
  return (
    <>
      <TextField label="Name" name="name" defaultValue={values?.name ?? ""} errors={errors.name} />
      <TextField label="Country code" name="country" maxLength={2} defaultValue={values?.country ?? ""} hint="Two letters, such as CH." errors={errors.country} />
      <TextField label="Website" name="website" type="url" defaultValue={values?.website ?? ""} errors={errors.website} />
      <SelectField label="Certification standard" name="certificationStandard" defaultValue={values?.certification.standard ?? ""} errors={errors.certificationStandard}>
        <option value="">None</option>
        {CERTIFICATION_STANDARDS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
      <TextField label="Certification expires on" name="certificationExpiresOn" type="date" defaultValue={values?.certification.expiresOn ?? ""} errors={errors.certificationExpiresOn} />
    </>
  );
}

export function CreateOrganizationForm({ pillars }: { pillars: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createOrganizationAction, null);
  const errors = fieldErrors(state);
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <Messages state={state} />
      </div>
      <DetailFields errors={errors} />
      <SelectField label="Pillar" name="pillarId" defaultValue="" errors={errors.pillarId}>
        <option value="" disabled>
          Choose a pillar
        </option>
        {pillars.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Short name (address)" name="slug" hint="Optional; made from the name when empty. It cannot change later." errors={errors.slug} />
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
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
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
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <Messages state={state} />
      </div>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      <SelectField label="New status" name="toStatus" defaultValue="" errors={errors.toStatus} hint="Only the changes the membership rules allow from the current status are listed.">
        <option value="" disabled>
          Choose a status
        </option>
        {allowed.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextField label="Effective on" name="effectiveOn" type="date" defaultValue={today} errors={errors.effectiveOn} />
      <div className="md:col-span-2">
        <TextField label="Reason" name="statusReason" errors={errors.reason} hint="Shown in the public status history." />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change status"}
        </Button>
      </div>
    </form>
  );
}
