import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { getDb } from "@/db";
import { listAuditEntries } from "@/lib/audit/queries";
import { requirePageActor } from "@/lib/auth/page-access";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log" };

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-600">—</span>;
  return <pre className="max-w-xs overflow-x-auto whitespace-pre-wrap break-words text-xs">{JSON.stringify(value, null, 1)}</pre>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await requirePageActor("audit.read", "/audit", params);
  const input = { entityType: params.entityType, entityId: params.entityId, page: params.page };
  let result: Awaited<ReturnType<typeof listAuditEntries>> | null = null;
  let problem: string | null = null;
  try {
    result = await listAuditEntries(await getDb(), actor, input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  const filter = result?.filter;
  const pageLink = (page: number) =>
    `/audit?${new URLSearchParams({ entityType: filter?.entityType ?? "", entityId: filter?.entityId ?? "", page: String(page) })}`;
  return (
    <>
      <PageTitle lead="Every change of state: who, what, when, and the record before and after. It cannot be edited.">Audit log</PageTitle>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" role="search" aria-label="Filter the audit log">
        <TextField label="Entity type" name="entityType" defaultValue={filter?.entityType ?? ""} hint="For example user, motion, policy" />
        <TextField label="Entity id" name="entityId" defaultValue={filter?.entityId ?? ""} />
        <Button type="submit">Filter</Button>
      </form>
      {problem ? (
        <p role="alert" className="mb-4 text-red-800">
          {problem}
        </p>
      ) : null}
      <Card title="Entries">
        {!result || result.rows.length === 0 ? (
          <EmptyState>No audited change matches this filter.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit entries, newest first</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Who
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Action
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Entity
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Before
                  </th>
                  <th scope="col" className="py-2">
                    After
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 align-top">
                {result.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(row.at)}</td>
                    <td className="py-2 pr-3">{row.actorName ?? "System"}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{row.action}</td>
                    <td className="py-2 pr-3">
                      <Link
                        className="text-brand-700 underline"
                        href={`/audit?entityType=${row.entityType}&entityId=${encodeURIComponent(row.entityId)}`}
                      >
                        {row.entityType} {row.entityId.slice(0, 8)}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">
                      <Json value={row.before} />
                    </td>
                    <td className="py-2">
                      <Json value={row.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Audit pages" className="mt-4 flex gap-4 text-sm">
          {filter && filter.page > 1 ? (
            <Link className="text-brand-700 underline" href={pageLink(filter.page - 1)}>
              Newer entries
            </Link>
          ) : null}
          {result?.hasMore && filter ? (
            <Link className="text-brand-700 underline" href={pageLink(filter.page + 1)}>
              Older entries
            </Link>
          ) : null}
        </nav>
      </Card>
    </>
  );
}
