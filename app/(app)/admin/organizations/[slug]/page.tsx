import type { Metadata } from "next";
import Link from "next/link";
import { ChangeStatusForm, EditOrganizationForm } from "@/components/registry/organization-forms";
import { StandingBadge } from "@/components/registry/standing-badge";
import { StatusHistory } from "@/components/registry/status-history";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { loadPageItem, requirePageActor } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";
import { getOrganizationForStaff } from "@/lib/registry/queries";
import { allowedTransitions, describeStatus } from "@/lib/registry/rules";

export const metadata: Metadata = { title: "Organisation" };

const DONE: Record<string, string> = { created: "Organisation added.", status: "Status changed and recorded in the history." };

export default async function OrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor("organization.manage", `/admin/organizations/${slug}`, query);
  const found = await loadPageItem(async () => getOrganizationForStaff(await getDb(), actor, slug));
  const { entry } = found;
  const { done } = query;
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
