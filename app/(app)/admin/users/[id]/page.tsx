import type { Metadata } from "next";
import Link from "next/link";
import { SessionList } from "@/components/accounts/session-list";
import { EndAllUserSessionsForm, EndUserSessionButton, SetUserActiveForm } from "@/components/admin/user-account-forms";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { loadPageItem, requirePageActor } from "@/lib/auth/page-access";
import { formatDateTime } from "@/lib/format";
import { getTimezone } from "@/lib/settings";
import { getUserAccount } from "@/lib/users/account";
import { sessionView } from "@/lib/users/session-view";

export const metadata: Metadata = { title: "User account" };

export default async function UserAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("user.manageSessions", `/admin/users/${id}`);
  const db = await getDb();
  const user = await loadPageItem(async () => {
    try {
      return await getUserAccount(db, actor, id);
    } catch (error) {
      // A malformed id names no user.
      if (error instanceof AppError && error.code === "invalid") return null;
      throw error;
    }
  });
  const timeZone = await getTimezone(db);
  const sessions = user.sessions.map((row) => sessionView(row, timeZone));
  const open = sessions.filter((s) => s.open).length;
  const active = !user.deactivatedAt;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-brand-700 underline">
          All users
        </Link>
      </p>
      <PageTitle lead={user.email}>
        {user.name} {active ? null : <Badge tone="bad">Deactivated {formatDateTime(user.deactivatedAt!, timeZone)}</Badge>}
      </PageTitle>
      <div className="flex flex-col gap-6">
        <Card title={`Sessions (${open} open)`}>
          <div className="flex flex-col gap-4">
            {sessions.length ? (
              <SessionList
                sessions={sessions}
                caption={`Sessions of ${user.name}`}
                end={(s) => (
                  <EndUserSessionButton userId={user.id} sessionId={s.id} label={`${s.browser} from ${s.address ?? "an unknown address"}`} />
                )}
              />
            ) : (
              <p className="text-sm text-slate-700">{user.name} has never signed in.</p>
            )}
            <EndAllUserSessionsForm userId={user.id} name={user.name} open={open} />
          </div>
        </Card>
        {user.isSelf ? null : (
          <Card title={active ? "Deactivate the account" : "Reactivate the account"}>
            <SetUserActiveForm userId={user.id} name={user.name} active={active} />
          </Card>
        )}
      </div>
    </>
  );
}
