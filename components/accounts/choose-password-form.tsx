"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import type { ActionState } from "@/lib/errors";

/** Choosing a password through a one-time link: an invitation, or a reset. */
export function ChoosePasswordForm({
  action: serverAction,
  token,
  email,
  submitLabel,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  token: string;
  email: string;
  submitLabel: string;
}) {
  const { state, action, pending, errors } = useForm(serverAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} hideFieldErrors />
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters; a passphrase of several unrelated words is easy to remember and hard to guess."
        errors={errors.password}
      />
      <TextField label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required errors={errors.confirm} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
