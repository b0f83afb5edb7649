"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { MFA_REQUIRED } from "@/lib/accounts/vocabulary";
import { signInAction } from "@/lib/auth/actions";

export function LoginForm({ returnTo }: { returnTo: string }) {
  // A failed attempt keeps the email; only the password is typed again.
  const { state, action, pending, errors, value } = useForm(signInAction);
  // The email and password of the first step, sent again with the code when the account asks for one.
  const [typed, setTyped] = useState<{ email: string; password: string } | null>(null);
  const askCode = value(MFA_REQUIRED) === "1";
  // Read on submit, before the action runs; the form posts to the server action itself, so it signs
  // in without JavaScript too (the code step then asks for the password again beside the code).
  const remember = (event: React.FormEvent<HTMLFormElement>) => {
    if (askCode && typed) return;
    const form = new FormData(event.currentTarget);
    setTyped({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  };
  return (
    <form action={action} onSubmit={remember} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} hideFieldErrors={askCode} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {askCode && typed ? (
        <>
          <input type="hidden" name="email" value={typed.email} />
          <input type="hidden" name="password" value={typed.password} />
          <p className="text-sm text-slate-700">
            Signing in as <strong>{typed.email}</strong>.
          </p>
        </>
      ) : (
        <>
          <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={value("email")} errors={errors.email} />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
        </>
      )}
      {askCode ? (
        <TextField
          label="Two-factor code"
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          required
          autoFocus
          hint="The six-digit code from your authenticator app, or one of your recovery codes."
          errors={errors.code}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {askCode ? null : (
        <p className="text-sm">
          <Link href="/forgot-password" className="text-brand-800 underline">
            Forgot password?
          </Link>
        </p>
      )}
    </form>
  );
}
