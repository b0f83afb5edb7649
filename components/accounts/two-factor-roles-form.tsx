"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { setTwoFactorRolesAction } from "@/lib/accounts/actions";

/** The administrator's choice of roles that must sign in with two factors. */
export function TwoFactorRolesForm({ roles, required }: { roles: { value: string; label: string }[]; required: string[] }) {
  const { state, action, pending, values } = useForm(setTwoFactorRolesAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">Roles that must use two-factor sign-in</legend>
        <p className="text-sm text-slate-600">People of these roles without it are sent to set it up before they can use the workspace.</p>
        <div className="mt-2 flex flex-wrap gap-4">
          {roles.map((role) => (
            <label key={role.value} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="roles"
                value={role.value}
                defaultChecked={values("roles", required).includes(role.value)}
                className="h-4 w-4"
              />
              {role.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save required roles"}
        </Button>
      </div>
    </form>
  );
}
