"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { setUserRolesAction } from "@/lib/users/actions";

const ROLE_CHOICES = [
  { value: "admin", label: "Administrator" },
  { value: "secretariat", label: "Secretariat" },
  { value: "representative", label: "Representative" },
];

/** One account's directly granted roles, folded away until asked for so the table stays readable. */
export function UserRolesForm({ userId, name, roles }: { userId: string; name: string; roles: string[] }) {
  const { state, action, pending, values } = useForm(setUserRolesAction);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline underline-offset-2">
        Change roles<span className="sr-only"> of {name}</span>
      </summary>
      <form action={action} className="mt-2 flex flex-col gap-2">
        <input type="hidden" name="userId" value={userId} />
        <fieldset>
          <legend className="font-semibold text-slate-800">Roles of {name}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {ROLE_CHOICES.map((role) => (
              <label key={role.value} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="roles"
                  value={role.value}
                  defaultChecked={values("roles", roles).includes(role.value)}
                  className="h-4 w-4"
                />
                {role.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Saving…" : "Save roles"}
          </Button>
        </div>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
