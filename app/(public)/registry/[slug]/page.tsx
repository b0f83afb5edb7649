import type { Metadata } from "next";
import Link from "next/link";
import { StandingBadge } from "@/components/registry/standing-badge";
import { StatusHistory } from "@/components/registry/status-history";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { loadPageItem } from "@/lib/auth/page-access";
import { formatDate, formatDateTime } from "@/lib/format";
import { cachedRegistryEntry } from "@/lib/registry/public";
import { describeStatus } from "@/lib/registry/rules";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const found = await cachedRegistryEntry(await getDb(), (await params).slug);
  return { title: found ? found.entry.name : "Not found" };
}

export default async function RegistryEntryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = await loadPageItem(async () => cachedRegistryEntry(await getDb(), slug));
  const { entry } = found;
  const expired = entry.certification.expiresOn !== null && entry.certification.expiresOn < found.today;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 underline" href="/registry">
          Back to the registry
        </Link>
      </p>
      <PageTitle lead={`${entry.pillarName}${entry.country ? ` · ${entry.country}` : ""}`}>{entry.name}</PageTitle>
      <div className="flex flex-col gap-6">
        <Card title="Membership">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold text-slate-800">Status</dt>
            <dd>{describeStatus(entry.membershipStatus)}</dd>
            <dt className="font-semibold text-slate-800">Good standing</dt>
            <dd>
              <StandingBadge goodStanding={entry.goodStanding} membershipStatus={entry.membershipStatus} />{" "}
              <span className="text-slate-700">as of {formatDateTime(found.asOf, found.timezone)}</span>
            </dd>
            <dt className="font-semibold text-slate-800">Certification standard</dt>
            <dd>{entry.certification.standard ?? "None recorded"}</dd>
            <dt className="font-semibold text-slate-800">Certification expiry</dt>
            <dd>
              {entry.certification.expiresOn ? formatDate(entry.certification.expiresOn) : "None recorded"}
              {expired ? " (expired)" : ""}
            </dd>
            {entry.website ? (
              <>
                <dt className="font-semibold text-slate-800">Website</dt>
                <dd>{entry.website}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card title="Status history">
          <StatusHistory steps={found.statusHistory} />
        </Card>
        <p className="text-sm text-slate-700">
          As JSON: <code>/api/registry/{entry.slug}</code>
        </p>
      </div>
    </>
  );
}
