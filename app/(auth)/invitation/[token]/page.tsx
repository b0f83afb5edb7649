import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChoosePasswordForm } from "@/components/accounts/choose-password-form";
import { getDb } from "@/db";
import { acceptInvitationAction } from "@/lib/accounts/actions";
import { findOpenInvitation } from "@/lib/accounts/invitations";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

/** An invitation's one-time link: an unknown, used, revoked or expired link is not found. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(await getDb(), token);
  if (!invitation) notFound();
  return (
    <div className="mx-auto max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="mb-2 text-2xl font-bold">Welcome to Pillars, {invitation.name}</h1>
      <p className="mb-6 text-slate-700">
        You are invited as <strong>{invitation.email}</strong> for {invitation.organizationName}. Choose your password to finish.
      </p>
      <ChoosePasswordForm action={acceptInvitationAction} token={token} email={invitation.email} submitLabel="Create my account" />
    </div>
  );
}
