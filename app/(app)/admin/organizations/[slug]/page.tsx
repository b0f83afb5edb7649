import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeStatusForm, EditOrganizationForm } from "@/components/registry/organization-forms";
import { StandingBadge } from "@/components/registry/standing-badge";
import { StatusHistory } from "@/components/registry/status-history";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { getOrganizationForStaff } from "@/lib/registry/queries";
import { allowedTransitions, describeStatus } from "@/lib/registry/rules";

export const metadata: Metadata = { title: "Organisation" };

const DONE: Record<string, string> = { created: "Organisation added.", status: "Status changed and recorded in the history." };

export default async function OrganizationPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await currentActor();
  if (!actor || !can(actor.roles, "organization.manage")) return <Forbidden what="manage the registry's organisations" />;
  const [{ slug }, { done }] = await Promise.all([params, searchParams]);
  const found = await getOrganizationForStaff(await getDb(), actor, slug);
  if (!found) notFound();
  const { entry } = found;
  const allowed = allowedTransitions(entry.membershipStatus);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 underline" href="/admin/organizations">
          All organisations
        </Link>{" "}
        ·{" "}
        <Link className="text-brand-700 underline" href={`/registry/${entry.slug}`}>
          Public registry page
        </Link>
      </p>
      <PageTitle lead={`${entry.pillarName} · ${describeStatus(entry.membershipStatus)}`}>{entry.name}</PageTitle>
      <div className="flex flex-col gap-6">
        {done && DONE[done] ? <Alert tone="success">{DONE[done]}</Alert> : null}
        <p>
          <StandingBadge goodStanding={entry.goodStanding} membershipStatus={entry.membershipStatus} />
        </p>
        {can(actor.roles, "organization.changeStatus") ? (
          <Card title="Change the membership status">
            <ChangeStatusForm organizationId={found.id} slug={entry.slug} allowed={allowed} today={found.today} />
          </Card>
        ) : null}
        <Card title="Details">
          <EditOrganizationForm organizationId={found.id} values={entry} />
        </Card>
        <Card title="Status history">
          <StatusHistory steps={found.statusHistory} />
        </Card>
      </div>
    </>
  );
}
