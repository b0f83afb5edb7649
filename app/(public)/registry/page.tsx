import type { Metadata } from "next";
import Link from "next/link";
import { RegistrySearchForm } from "@/components/registry/search-form";
import { StandingBadge } from "@/components/registry/standing-badge";
import { Alert } from "@/components/ui/alert";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { PUBLIC_TAGS, cachedPublicRead } from "@/lib/public/cache";
import { listPillars, searchRegistry } from "@/lib/registry/queries";
import { describeStatus } from "@/lib/registry/rules";

export const metadata: Metadata = { title: "Member registry" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function RegistryPage({ searchParams }: { searchParams: Promise<Params> }) {
  const raw = await searchParams;
  const values = {
    q: first(raw.q),
    country: first(raw.country),
    pillar: first(raw.pillar),
    status: first(raw.status),
    goodStanding: first(raw.goodStanding),
    page: first(raw.page),
  };
  const db = await getDb();
  // One cached answer per search: the pillars to filter by, and the results or the reason the search was refused.
  const { pillars, result, problem } = await cachedPublicRead(db, PUBLIC_TAGS.registry, ["registry-search", JSON.stringify(values)], async () => {
    const pillars = await listPillars(db);
    try {
      return { pillars, result: await searchRegistry(db, values), problem: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { pillars, result: null, problem: error.message };
    }
  });
  const pageLink = (page: number) => {
    const query = new URLSearchParams(Object.entries({ ...values, page: String(page) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `/registry?${query}`;
  };
  const lastPage = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  return (
    <>
      <PageTitle lead="Check whether an organisation is a member in good standing. Also available as JSON at /api/registry.">
        Member registry
      </PageTitle>
      <RegistrySearchForm values={values} pillars={pillars} />
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {result ? (
        <Card title={`${result.total} ${result.total === 1 ? "organisation" : "organisations"} found`}>
          <p className="mb-3 text-sm text-slate-700">
            Good standing as of {formatDateTime(result.asOf, result.timezone)} ({result.timezone}).
          </p>
          {result.results.length === 0 ? (
            <EmptyState>No organisation matches this search.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table w-full text-left text-sm">
                <caption className="sr-only">
                  Organisations matching the search, page {result.page} of {lastPage}
                </caption>
                <thead className="border-b border-slate-300">
                  <tr>
                    <th scope="col">Organisation</th>
                    <th scope="col">Pillar</th>
                    <th scope="col">Country</th>
                    <th scope="col">Status</th>
                    <th scope="col">Good standing</th>
                    <th scope="col">Certification</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {result.results.map((r) => (
                    <tr key={r.slug}>
                      <th scope="row">
                        <Link href={`/registry/${r.slug}`}>{r.name}</Link>
                      </th>
                      <td>{r.pillarName}</td>
                      <td>{r.country ?? "—"}</td>
                      <td>{describeStatus(r.membershipStatus)}</td>
                      <td>
                        <StandingBadge goodStanding={r.goodStanding} membershipStatus={r.membershipStatus} />
                      </td>
                      <td>
                        {r.certification.standard
                          ? `${r.certification.standard}${r.certification.expiresOn ? `, expires ${formatDate(r.certification.expiresOn)}` : ""}`
                          : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Result pages" className="mt-4 flex items-center gap-4 text-sm">
            {result.page > 1 ? (
              <Link className="text-brand-700 underline" href={pageLink(result.page - 1)}>
                Previous page
              </Link>
            ) : null}
            <span className="text-slate-700">
              Page {result.page} of {lastPage}
            </span>
            {result.page < lastPage ? (
              <Link className="text-brand-700 underline" href={pageLink(result.page + 1)}>
                Next page
              </Link>
            ) : null}
          </nav>
        </Card>
      ) : null}
    </>
  );
}
