"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { endAllUserSessionsAction, endUserSessionAction, setUserActiveAction } from "@/lib/users/actions";

export function EndUserSessionButton({ userId, sessionId, label }: { userId: string; sessionId: string; label: string }) {
  const { state, action, pending } = useForm(endUserSessionAction);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        End<span className="sr-only"> the session {label}</span>
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function EndAllUserSessionsForm({ userId, name, open }: { userId: string; name: string; open: number }) {
  const { state, action, pending } = useForm(endAllUserSessionsAction);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="userId" value={userId} />
      <div>
        <Button type="submit" variant="danger" disabled={pending || open === 0}>
          Sign {name} out everywhere
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Deactivate or reactivate, behind a confirmation box. */
export function SetUserActiveForm({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const { state, action, pending, errors } = useForm(setUserActiveAction);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} hideFieldErrors />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <p className="text-sm text-slate-700">
        {active
          ? `${name} will no longer be able to sign in and every session of theirs ends now. Their ballots, comments and audit rows stay as they are.`
          : `${name} will be able to sign in again with their password.`}
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          required
          className="h-4 w-4"
          aria-invalid={errors.confirm?.length ? true : undefined}
          aria-describedby={errors.confirm?.length ? "confirm-error" : undefined}
        />
        {active ? `Yes, deactivate ${name}` : `Yes, reactivate ${name}`}
      </label>
      {errors.confirm?.length ? (
        <p id="confirm-error" className="text-sm font-medium text-red-800">
          {errors.confirm.join(" ")}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant={active ? "danger" : "primary"} disabled={pending}>
          {active ? "Deactivate account" : "Reactivate account"}
        </Button>
      </div>
    </form>
  );
}
