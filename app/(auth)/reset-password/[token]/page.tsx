import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChoosePasswordForm } from "@/components/accounts/choose-password-form";
import { getDb } from "@/db";
import { resetPasswordAction } from "@/lib/accounts/actions";
import { findOpenResetLink } from "@/lib/accounts/recovery";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

/** A reset link: an unknown, used or expired one is not found. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findOpenResetLink(await getDb(), token);
  if (!link) notFound();
  return (
    <div className="mx-auto max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="mb-2 text-2xl font-bold">Choose a new password</h1>
      <p className="mb-6 text-slate-700">
        For <strong>{link.email}</strong>. Every signed-in session of the account ends when you save it.
      </p>
      <ChoosePasswordForm action={resetPasswordAction} token={token} email={link.email} submitLabel="Save the new password" />
    </div>
  );
}
