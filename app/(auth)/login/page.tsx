import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { safeReturnPath } from "@/lib/auth/return-to";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ returnTo?: string | string[]; joined?: string | string[]; reset?: string | string[] }>;
}) {
  const { returnTo, joined, reset } = await searchParams;
  const back = safeReturnPath(typeof returnTo === "string" ? returnTo : undefined);
  // Someone already signed in goes straight where the link was taking them.
  if (await currentActor()) redirect(back);
  return (
    <div className="mx-auto max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="mb-6 text-2xl font-bold">Sign in to Pillars</h1>
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
    </div>
  );
}
