import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { getDb } from "@/db";
import { AUDIT_ENTITY_TYPES, listAuditEntries } from "@/lib/audit/queries";
import { requirePageActor } from "@/lib/auth/page-access";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log" };

function Recorded({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div>
      <dt className="font-semibold">{label}</dt>
      <dd>
        <pre className="overflow-x-auto whitespace-pre-wrap break-words text-xs">{JSON.stringify(value, null, 1)}</pre>
      </dd>
    </div>
  );
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await requirePageActor("audit.read", "/audit", params);
  const input = {
    entityType: one(params.entityType),
    entityId: one(params.entityId),
    person: one(params.person),
    from: one(params.from),
    to: one(params.to),
    page: one(params.page),
  };
  let result: Awaited<ReturnType<typeof listAuditEntries>> | null = null;
  let problem: AppError | null = null;
  try {
    result = await listAuditEntries(await getDb(), actor, input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error;
  }
  const filter = result?.filter;
  const query = (changes: Record<string, string>) =>
    `/audit?${new URLSearchParams(
      Object.entries({
        entityType: filter?.entityType ?? "",
        entityId: filter?.entityId ?? "",
        person: filter?.person ?? "",
        from: filter?.from ?? "",
        to: filter?.to ?? "",
        ...changes,
      }).filter(([, v]) => v !== ""),
    )}`;
  const errors = problem?.fieldErrors ?? {};
  return (
    <>
      <PageTitle lead="Every change of state, newest first: who did what, to which item, and when. It cannot be edited.">Audit log</PageTitle>
      <form method="get" className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" role="search" aria-label="Filter the audit log">
        <TextField label="Person" name="person" defaultValue={input.person ?? ""} hint="Name or email of who acted" errors={errors.person} />
        <SelectField label="Kind of item" name="entityType" defaultValue={filter?.entityType ?? input.entityType ?? ""} errors={errors.entityType}>
          <option value="">Every kind</option>
          {Object.entries(AUDIT_ENTITY_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField label="From" name="from" type="date" defaultValue={input.from ?? ""} errors={errors.from} />
        <TextField label="To" name="to" type="date" defaultValue={input.to ?? ""} errors={errors.to} />
        {filter?.entityId ? <input type="hidden" name="entityId" value={filter.entityId} /> : null}
        <div className="flex gap-3">
          <Button type="submit">Filter</Button>
          <Link className="self-center text-brand-700 underline" href="/audit">
            Clear
          </Link>
        </div>
      </form>
      {problem ? (
        <p role="alert" className="mb-4 text-red-800">
          {problem.message}
        </p>
      ) : null}
      {filter?.entityId ? (
        <p className="mb-4 text-sm text-slate-700">
          Showing the history of one item.{" "}
          <Link className="text-brand-700 underline" href={query({ entityId: "", entityType: "" })}>
            Show every item
          </Link>
        </p>
      ) : null}
      <Card title="Entries">
        {!result || result.lines.length === 0 ? (
          <EmptyState>No audited change matches this filter.</EmptyState>
        ) : (
          <ol className="divide-y divide-slate-200" aria-label="Audit entries, newest first">
            {result.lines.map((line) => (
              <li key={line.id} className="py-3">
                <p className="text-sm text-slate-700">
                  <time dateTime={new Date(line.at).toISOString()}>{formatDateTime(line.at, result.timeZone)}</time>
                </p>
                <p className="mt-1">{line.sentence}</p>
                <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
                  {line.subject?.href ? (
                    <Link className="text-brand-700 underline" href={line.subject.href}>
                      Open {line.subject.label}
                    </Link>
                  ) : null}
                  <Link className="text-brand-700 underline" href={query({ entityType: line.entityType, entityId: line.entityId, page: "" })}>
                    History of this item<span className="sr-only">: {line.subject?.label ?? line.entityType}</span>
                  </Link>
                </p>
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer text-slate-700">
                    Recorded values<span className="sr-only"> of entry {line.id}</span>
                  </summary>
                  <dl className="mt-2 grid gap-2 sm:grid-cols-2">
                    <div>
                      <dt className="font-semibold">Action</dt>
                      <dd className="font-mono text-xs">{line.action}</dd>
                    </div>
                    <div>
                      <dt className="font-semibold">Item</dt>
                      <dd className="font-mono text-xs break-all">
                        {line.entityType} {line.entityId}
                      </dd>
                    </div>
                    <Recorded label="Before" value={line.before} />
                    <Recorded label="After" value={line.after} />
                    {line.requestId ? (
                      <div>
                        <dt className="font-semibold">Request</dt>
                        <dd className="font-mono text-xs break-all">{line.requestId}</dd>
                      </div>
                    ) : null}
                  </dl>
                </details>
              </li>
            ))}
          </ol>
        )}
        <nav aria-label="Audit pages" className="mt-4 flex gap-4 text-sm">
          {filter && filter.page > 1 ? (
            <Link className="text-brand-700 underline" href={query({ page: String(filter.page - 1) })}>
              Newer entries
            </Link>
          ) : null}
          {result?.hasMore && filter ? (
            <Link className="text-brand-700 underline" href={query({ page: String(filter.page + 1) })}>
              Older entries
            </Link>
          ) : null}
        </nav>
      </Card>
    </>
  );
}
