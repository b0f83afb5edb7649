"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/accounts/actions";

/** Resend and revoke, for one pending invitation. */
export function InvitationActions({ invitationId, email }: { invitationId: string; email: string }) {
  const resend = useForm(resendInvitationAction);
  const revoke = useForm(revokeInvitationAction);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={resend.action}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <Button type="submit" variant="secondary" disabled={resend.pending}>
            Resend<span className="sr-only"> the invitation of {email}</span>
          </Button>
        </form>
        <form action={revoke.action}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <Button type="submit" variant="danger" disabled={revoke.pending}>
            Revoke<span className="sr-only"> the invitation of {email}</span>
          </Button>
        </form>
      </div>
      <FormMessage state={resend.state} />
      <FormMessage state={revoke.state} />
    </div>
  );
}
