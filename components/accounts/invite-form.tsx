"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { inviteUserAction } from "@/lib/accounts/actions";
import { ASSOCIATION_LABEL } from "@/lib/users/vocabulary";

type Choice = { id: string; name: string; pillarName: string | null };
const ROLE_CHOICES = [
  { value: "admin", label: "Administrator" },
  { value: "secretariat", label: "Secretariat" },
  { value: "representative", label: "Representative" },
];

/** Invites a person by email; the Secretariat is offered the representative role only. */
export function InviteForm({ organizations, representativesOnly }: { organizations: Choice[]; representativesOnly: boolean }) {
  const { state, action, pending, errors, value, values } = useForm(inviteUserAction);
  const roles = representativesOnly ? ROLE_CHOICES.filter((r) => r.value === "representative") : ROLE_CHOICES;
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
      <TextField label="Name" name="name" required defaultValue={value("name")} errors={errors.name} />
      <TextField label="Email" name="email" type="email" required defaultValue={value("email")} errors={errors.email} />
      <SelectField label="Organisation" name="organizationId" required errors={errors.organizationId} defaultValue={value("organizationId")}>
        <option value="" disabled>
          Choose an organisation
        </option>
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({o.pillarName ?? ASSOCIATION_LABEL})
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">Roles</legend>
        <p className="text-sm text-slate-600">Directors and the Chair follow from board seats: invite them, then assign their seat.</p>
        <div className="mt-2 flex flex-wrap gap-4">
          {roles.map((role) => (
            <label key={role.value} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="roles"
                value={role.value}
                defaultChecked={values("roles", representativesOnly ? ["representative"] : []).includes(role.value)}
                className="h-4 w-4"
              />
              {role.label}
            </label>
          ))}
        </div>
        {errors.roles ? <p className="text-sm font-medium text-red-800">{errors.roles.join(" ")}</p> : null}
      </fieldset>
      <div className="md:col-span-2">
        <p className="mb-3 text-sm text-slate-600">The person receives a link, valid for 72 hours, where they choose their own password.</p>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </form>
  );
}
