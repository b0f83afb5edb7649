import type { Metadata } from "next";
import Link from "next/link";
import { CreateOrganizationForm } from "@/components/registry/organization-forms";
import { StandingBadge } from "@/components/registry/standing-badge";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageActor } from "@/lib/auth/page-access";
import { listOrganizationsForStaff, listPillars } from "@/lib/registry/queries";
import { describeStatus } from "@/lib/registry/rules";

export const metadata: Metadata = { title: "Organisations" };

export default async function OrganizationsPage() {
  const actor = await requirePageActor("organization.manage", "/admin/organizations");
  const db = await getDb();
  const [{ organizations }, pillars] = await Promise.all([listOrganizationsForStaff(db, actor), listPillars(db)]);
  return (
    <>
      <PageTitle lead="The registry's organisations: their details, membership status and history.">Organisations</PageTitle>
      <div className="flex flex-col gap-6">
        <Card title={`All organisations (${organizations.length})`}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Organisations by pillar</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    Organisation
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Pillar
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Status
                  </th>
                  <th scope="col" className="py-2">
                    Good standing
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {organizations.map((o) => (
                  <tr key={o.id}>
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <Link className="text-brand-700 underline" href={`/admin/organizations/${o.slug}`}>
                        {o.name}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">{o.pillarName}</td>
                    <td className="py-2 pr-4">{describeStatus(o.membershipStatus)}</td>
                    <td className="py-2">
                      <StandingBadge goodStanding={o.goodStanding} membershipStatus={o.membershipStatus} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card title="Add an organisation">
          <CreateOrganizationForm pillars={pillars} />
        </Card>
      </div>
    </>
  );
}
