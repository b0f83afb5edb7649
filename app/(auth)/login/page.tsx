import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeReturnPath } from "@/lib/auth/return-to";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ returnTo?: string | string[] }> }) {
  const { returnTo } = await searchParams;
  const back = safeReturnPath(typeof returnTo === "string" ? returnTo : undefined);
  // Someone already signed in goes straight where the link was taking them.
  if (await currentActor()) redirect(back);
  return (
    <div className="mx-auto max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="mb-6 text-2xl font-bold">Sign in to Pillars</h1>
      <LoginForm returnTo={back} />
    </div>
  );
}
