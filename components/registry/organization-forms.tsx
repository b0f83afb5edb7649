"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { changeStatusAction, createOrganizationAction, updateOrganizationAction } from "@/lib/registry/actions";
import { STATUS_LABELS } from "@/lib/registry/rules";
import { CERTIFICATION_STANDARDS, type MembershipStatus } from "@/lib/registry/vocabulary";

type Details = { name: string; country: string | null; website: string | null; certification: { standard: string | null; expiresOn: string | null } };
type Form = ReturnType<typeof useForm>;

function DetailFields({ form, details }: { form: Form; details?: Details }) {
  const { errors, value } = form;
  return (
    <>
      <TextField label="Name" name="name" defaultValue={value("name", details?.name)} errors={errors.name} />
      <TextField
        label="Country code"
        name="country"
        defaultValue={value("country", details?.country ?? "")}
        maxLength={2}
        hint="Two letters, such as CH."
        errors={errors.country}
      />
      <TextField label="Website" name="website" type="url" defaultValue={value("website", details?.website ?? "")} errors={errors.website} />
      <SelectField
        label="Certification standard"
        name="certificationStandard"
        defaultValue={value("certificationStandard", details?.certification.standard ?? "")}
        errors={errors.certificationStandard}
      >
        <option value="">None</option>
        {CERTIFICATION_STANDARDS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Certification expires on"
        name="certificationExpiresOn"
        type="date"
        defaultValue={value("certificationExpiresOn", details?.certification.expiresOn ?? "")}
        errors={errors.certificationExpiresOn}
      />
    </>
  );
}

export function CreateOrganizationForm({ pillars }: { pillars: { id: string; name: string }[] }) {
  const form = useForm(createOrganizationAction);
  const { state, action, pending, errors, value } = form;
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
      <DetailFields form={form} />
      <SelectField label="Pillar" name="pillarId" defaultValue={value("pillarId")} errors={errors.pillarId}>
        <option value="" disabled>
          Choose a pillar
        </option>
        {pillars.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Short name (address)"
        name="slug"
        defaultValue={value("slug")}
        hint="Optional; made from the name when empty. It cannot change later."
        errors={errors.slug}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add organisation"}
        </Button>
      </div>
    </form>
  );
}

export function EditOrganizationForm({ organizationId, values }: { organizationId: string; values: Details }) {
  const form = useForm(updateOrganizationAction);
  return (
    <form action={form.action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={form.state} />
      </div>
      <input type="hidden" name="organizationId" value={organizationId} />
      <DetailFields form={form} details={values} />
      <div className="md:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save details"}
        </Button>
      </div>
    </form>
  );
}

export function ChangeStatusForm({
  organizationId,
  slug,
  allowed,
  today,
}: {
  organizationId: string;
  slug: string;
  allowed: readonly MembershipStatus[];
  today: string;
}) {
  const { state, action, pending, errors, value } = useForm(changeStatusAction);
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      <SelectField
        label="New status"
        name="toStatus"
        defaultValue={value("toStatus")}
        errors={errors.toStatus}
        hint="Only the changes the membership rules allow from the current status are listed."
      >
        <option value="" disabled>
          Choose a status
        </option>
        {allowed.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextField label="Effective on" name="effectiveOn" type="date" defaultValue={value("effectiveOn", today)} errors={errors.effectiveOn} />
      <div className="md:col-span-2">
        <TextField
          label="Reason"
          name="statusReason"
          defaultValue={value("statusReason")}
          errors={errors.reason}
          hint="Shown in the public status history."
        />
      </div>
      <div>
        <ConfirmSubmit
          label="Change status…"
          title="Change this organisation's membership status?"
          consequences="The status changes to the one chosen, from the effective date, with the reason in the public status history. Suspension and termination end good standing at once, and procurement systems see it in the registry and its API."
          told="Nobody is notified; the public registry, its API and the audit log show the change."
          confirmLabel="Change the status"
          pending={pending}
          variant="primary"
        />
      </div>
    </form>
  );
}
