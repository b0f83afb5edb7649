import type { Metadata } from "next";
import { EndOwnSessionButton, PasswordForm, ProfileForm, SignOutEverywhereForm } from "@/components/accounts/account-forms";
import { SessionList } from "@/components/accounts/session-list";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageActor } from "@/lib/auth/page-access";
import { getTimezone, validTimezone } from "@/lib/settings";
import { getOwnProfile, listOwnSessions } from "@/lib/users/account";
import { sessionView } from "@/lib/users/session-view";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requirePageActor("account.manage", "/account");
  const db = await getDb();
  const [profile, rows, organizationZone] = await Promise.all([getOwnProfile(db, actor), listOwnSessions(db, actor), getTimezone(db)]);
  const timeZone = profile.timezone ? validTimezone(profile.timezone) : organizationZone;
  const sessions = rows.map((row) => sessionView(row, timeZone));
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <>
      <PageTitle lead={`${profile.email} · ${profile.organizationName}`}>Your account</PageTitle>
      <div className="flex flex-col gap-6">
        <Card title="Profile">
          <ProfileForm name={profile.name} timezone={profile.timezone} zones={zones} organizationZone={organizationZone} />
        </Card>
        <Card title="Password">
          <PasswordForm />
        </Card>
        {/* Two-factor sign-in settings belong in this section. */}
        <Card title="Two-factor sign-in">
          <p className="text-sm text-slate-700" data-testid="two-factor-status">
            Two-factor sign-in is not set up for this account.
          </p>
        </Card>
        <Card title={`Sessions (${sessions.filter((s) => s.open).length} open)`}>
          <div className="flex flex-col gap-4">
            <SessionList
              sessions={sessions}
              caption="Your sessions"
              end={(s) => <EndOwnSessionButton sessionId={s.id} label={`${s.browser} from ${s.address ?? "an unknown address"}`} />}
            />
            <SignOutEverywhereForm />
          </div>
        </Card>
      </div>
    </>
  );
}
