import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SSO_REFUSALS } from "@/lib/accounts/vocabulary";
import { signInWithSingleSignOnAction } from "@/lib/auth/actions";
import { singleSignOn } from "@/lib/env";
import { safeReturnPath } from "@/lib/auth/return-to";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ returnTo?: string | string[]; joined?: string | string[]; reset?: string | string[]; error?: string | string[] }>;
}) {
  const { returnTo, joined, reset, error } = await searchParams;
  const sso = singleSignOn();
  // Auth.js sends other failures of a provider here too (`?error=Configuration`, …).
  const refusal =
    typeof error !== "string"
      ? undefined
      : Object.hasOwn(SSO_REFUSALS, error)
        ? SSO_REFUSALS[error]
        : "Signing in did not work. Try again, or sign in with your password.";
  const back = safeReturnPath(typeof returnTo === "string" ? returnTo : undefined);
  // Someone already signed in goes straight where the link was taking them.
  if (await currentActor()) redirect(back);
  return (
    <div className="mx-auto max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="mb-6 text-2xl font-bold">Sign in to Pillars</h1>
      {refusal ? (
        <div className="mb-4">
          <Alert tone="error">{refusal}</Alert>
        </div>
      ) : null}
      {reset === "1" ? (
        <div className="mb-4">
          <Alert tone="success">Your password was changed. Sign in with the new one.</Alert>
        </div>
      ) : joined === "1" ? (
        <div className="mb-4">
          <Alert tone="success">Your account is ready. Sign in with the password you chose.</Alert>
        </div>
      ) : null}
      <LoginForm returnTo={back} />
      {sso ? (
        <form action={signInWithSingleSignOnAction} className="mt-6 border-t border-slate-200 pt-6">
          <input type="hidden" name="returnTo" value={back} />
          <Button type="submit" variant="secondary" className="w-full">
            Continue with {sso.name}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
