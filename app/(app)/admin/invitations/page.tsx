import type { Metadata } from "next";
import { InvitationActions } from "@/components/accounts/invitation-actions";
import { InviteForm } from "@/components/accounts/invite-form";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { listInvitationOrganizations, listPendingInvitations } from "@/lib/accounts/invitations";
import { requirePageActor } from "@/lib/auth/page-access";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { getTimezone } from "@/lib/settings";

export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationsPage() {
  const actor = await requirePageActor("invitation.list", "/admin/invitations");
  const db = await getDb();
  const [pending, organizations, timeZone] = await Promise.all([
    listPendingInvitations(db, actor),
    listInvitationOrganizations(db, actor),
    getTimezone(db),
  ]);
  const representativesOnly = !actor.roles.includes("admin");
  return (
    <>
      <PageTitle lead="People join by invitation and choose their own password.">Invitations</PageTitle>
      <div className="flex flex-col gap-6">
        <Card title={representativesOnly ? "Invite a representative" : "Invite a person"}>
          <InviteForm organizations={organizations} representativesOnly={representativesOnly} />
        </Card>
        <Card title={`Pending invitations (${pending.length})`}>
          {pending.length === 0 ? (
            <EmptyState>No invitation is waiting for an answer.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Pending invitations</caption>
                <thead className="border-b border-slate-300">
                  <tr>
                    <th scope="col" className="py-2 pr-4">
                      Name
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Email
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Organisation
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Roles
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Link
                    </th>
                    <th scope="col" className="py-2">
                      Change
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {pending.map((invitation) => (
                    <tr key={invitation.id}>
                      <td className="py-2 pr-4 font-medium">{invitation.name}</td>
                      <td className="py-2 pr-4">{invitation.email}</td>
                      <td className="py-2 pr-4">
                        {invitation.organizationName} ({invitation.pillarName})
                      </td>
                      <td className="py-2 pr-4">
                        <div className="flex flex-wrap gap-1">
                          {invitation.roles.length ? invitation.roles.map((r) => <Badge key={r}>{ROLE_LABELS[r as Role] ?? r}</Badge>) : "None"}
                        </div>
                      </td>
                      <td className="py-2 pr-4">
                        {!invitation.expired ? (
                          <>
                            Sent {formatDateTime(invitation.sentAt, timeZone)}; works until {formatDateTime(invitation.expiresAt, timeZone)}
                          </>
                        ) : (
                          <Badge tone="warn">Expired {formatDateTime(invitation.expiresAt, timeZone)}</Badge>
                        )}
                      </td>
                      <td className="py-2 align-top">
                        <InvitationActions invitationId={invitation.id} email={invitation.email} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
