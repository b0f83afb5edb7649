"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "@/lib/accounts/actions";

export type TwoFactorView =
  { enabled: true; enabledOn: string; recoveryCodesLeft: number } | { enabled: false; enrolment: { secret: string; qrDataUrl: string } | null };

/**
 * The reader's two-factor sign-in: set it up (scan, then prove it with a code), see the recovery
 * codes once, or turn it off. One component, so the codes stay on screen after the page refreshes.
 */
export function TwoFactorSettings({ view }: { view: TwoFactorView }) {
  const start = useForm(startTwoFactorAction);
  const confirm = useForm(confirmTwoFactorAction);
  const disable = useForm(disableTwoFactorAction);
  const codes = confirm.state?.ok ? confirm.state.data?.recoveryCodes : undefined;
  return (
    <div className="flex flex-col gap-4">
      {codes ? (
        <section aria-labelledby="recovery-codes-title" className="rounded-md border border-amber-600 bg-amber-50 p-4">
          <h3 id="recovery-codes-title" className="font-semibold text-slate-900">
            Your recovery codes
          </h3>
          <p className="mt-1 text-sm text-slate-800">
            Keep them somewhere safe: each signs you in once if you lose your phone. They are shown only now.
          </p>
          <ul aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-2 font-mono text-base">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.enabled ? (
        <>
          <Alert tone="success">
            Two-factor sign-in is on since {view.enabledOn}. {view.recoveryCodesLeft} recovery code{view.recoveryCodesLeft === 1 ? "" : "s"} left.
          </Alert>
          <form action={disable.action} className="flex max-w-md flex-col gap-3" noValidate>
            <h3 className="font-semibold text-slate-900">Turn two-factor sign-in off</h3>
            <FormMessage state={disable.state} hideFieldErrors />
            <TextField
              label="Code from your app"
              name="code"
              autoComplete="one-time-code"
              errors={disable.errors.code}
              hint="Or leave it empty and give your password."
            />
            <TextField label="Your password" name="password" type="password" autoComplete="current-password" errors={disable.errors.password} />
            <div>
              <Button type="submit" variant="danger" disabled={disable.pending}>
                Turn off
              </Button>
            </div>
          </form>
        </>
      ) : view.enrolment ? (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-800">
            Scan this code with an authenticator app (such as FreeOTP, Aegis or Google Authenticator), then enter the six-digit code it shows.
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data address, drawn by the server */}
          <img src={view.enrolment.qrDataUrl} alt="QR code to add Pillars to an authenticator app" width={200} height={200} className="bg-white" />
          <p className="text-sm text-slate-800">
            Or type this key into the app:{" "}
            <code data-testid="totp-secret" className="font-mono">
              {view.enrolment.secret}
            </code>
          </p>
          <form action={confirm.action} className="flex max-w-md flex-col gap-3" noValidate>
            <FormMessage state={confirm.state} hideFieldErrors />
            <TextField
              label="Code from your app"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              errors={confirm.errors.code}
            />
            <div>
              <Button type="submit" disabled={confirm.pending}>
                Turn on two-factor sign-in
              </Button>
            </div>
          </form>
        </div>
      ) : (
        <form action={start.action} className="flex flex-col gap-3">
          <p className="text-sm text-slate-800">Two-factor sign-in is off. With it on, signing in also asks for a code from an app on your phone.</p>
          <FormMessage state={start.state} />
          <div>
            <Button type="submit" disabled={start.pending}>
              Set up two-factor sign-in
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
