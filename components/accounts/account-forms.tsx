"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { changePasswordAction, endOwnSessionAction, signOutEverywhereAction, updateProfileAction } from "@/lib/users/actions";

/** Name and timezone; the timezone list is the runtime's own, empty meaning the organisation's. */
export function ProfileForm({
  name,
  timezone,
  zones,
  organizationZone,
}: {
  name: string;
  timezone: string | null;
  zones: string[];
  organizationZone: string;
}) {
  const { state, action, pending, errors, value } = useForm(updateProfileAction);
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
      <TextField label="Name" name="name" required autoComplete="name" defaultValue={value("name", name)} errors={errors.name} />
      <SelectField
        label="Timezone"
        name="timezone"
        defaultValue={value("timezone", timezone ?? "")}
        errors={errors.timezone}
        hint="Dates on your profile and sessions are shown in it."
      >
        <option value="">The organisation&apos;s ({organizationZone})</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </Button>
      </div>
    </form>
  );
}

/** Asks the current password and the new one twice; other sessions end when it changes. */
export function PasswordForm() {
  const { state, action, pending, errors } = useForm(changePasswordAction);
  return (
    <form action={action} className="grid max-w-xl gap-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters and hard to guess: several unrelated words work well. Not your name or email."
        errors={errors.newPassword}
      />
      <TextField
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirmPassword}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}

export function EndOwnSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const { state, action, pending } = useForm(endOwnSessionAction);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        End<span className="sr-only"> the session {label}</span>
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function SignOutEverywhereForm() {
  const { state, action, pending } = useForm(signOutEverywhereAction);
  return (
    <form action={action} className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">Ends every session of yours, this one included: you will need to sign in again.</p>
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
