"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { createUserAction } from "@/lib/users/actions";

type Choice = { id: string; name: string; pillarName: string };
const ROLE_CHOICES = [
  { value: "admin", label: "Administrator" },
  { value: "secretariat", label: "Secretariat" },
  { value: "representative", label: "Representative" },
];

export function CreateUserForm({ organizations }: { organizations: Choice[] }) {
  const { state, action, pending, errors, value, values } = useForm(createUserAction);
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
            {o.name} ({o.pillarName})
          </option>
        ))}
      </SelectField>
      <TextField
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters, hard to guess, without the person's name or email. Share it with the person securely."
        errors={errors.password}
      />
      <fieldset className="md:col-span-2">
        <legend className="text-sm font-semibold text-slate-800">Roles</legend>
        <p className="text-sm text-slate-600">Directors and the Chair follow from board seats, not from roles here.</p>
        <div className="mt-2 flex flex-wrap gap-4">
          {ROLE_CHOICES.map((role) => (
            <label key={role.value} className="flex items-center gap-2">
              <input type="checkbox" name="roles" value={role.value} defaultChecked={values("roles").includes(role.value)} className="h-4 w-4" />
              {role.label}
            </label>
          ))}
        </div>
        {errors.roles ? <p className="text-sm font-medium text-red-800">{errors.roles.join(" ")}</p> : null}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create account"}
        </Button>
      </div>
    </form>
  );
}
