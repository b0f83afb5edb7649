"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { signInAction } from "@/lib/auth/actions";

export function LoginForm({ returnTo }: { returnTo: string }) {
  // A failed attempt keeps the email; only the password is typed again.
  const { state, action, pending, errors, value } = useForm(signInAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={value("email")} errors={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
