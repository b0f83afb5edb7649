import type { Metadata } from "next";
import Link from "next/link";
import { CATEGORY_LABELS, PolicyStatusBadge, STATUS_LABELS } from "@/components/policies/labels";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { getDb } from "@/db";
import { publicPageReader } from "@/lib/auth/page-access";
import { POLICY_STATUSES } from "@/lib/policies/vocabulary";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { listPolicies } from "@/lib/policies/queries";
import { cachedPublicRead, PUBLIC_TAGS } from "@/lib/public/cache";
import { getTimezone } from "@/lib/settings";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await publicPageReader();
  const db = await getDb();
  const params = await searchParams;
  const read = () =>
    Promise.all([listPolicies(db, actor, { status: params.status, category: params.category }), getTimezone(db)] as const).then(
      ([listed, timeZone]) => ({ ...listed, timeZone }),
    );
  // Anonymous readers see only adopted policies: the same answer for everyone, from the public cache.
  const { filter, rows, timeZone } = actor
    ? await read()
    : await cachedPublicRead(db, PUBLIC_TAGS.policies, ["policies", JSON.stringify([params.status, params.category])], read);
  const internal = actor !== null && can(actor.roles, "policy.readInternal");
  return (
    <>
      <PageTitle
        lead={
          actor
            ? internal
              ? "Every policy, from first draft to decision."
              : "Adopted policies, and the drafts your pillar has been consulted on."
            : "The Association's adopted policies. Sign in to see drafts you are consulted on."
        }
      >
        Policies
      </PageTitle>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <form method="get" role="search" aria-label="Filter policies" className="flex flex-wrap items-end gap-4">
          <SelectField label="Status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any status</option>
            {POLICY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Category" name="category" defaultValue={filter.category ?? ""}>
            <option value="">Any category</option>
            {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </form>
        {actor && can(actor.roles, "policy.create") ? (
          <Link href="/policies/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            New policy
          </Link>
        ) : null}
      </div>
      <Card title={`${rows.length} ${rows.length === 1 ? "policy" : "policies"}`}>
        {rows.length === 0 ? (
          <EmptyState>No policy matches this filter.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Policies, most recently changed first</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    Title
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Category
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Version
                  </th>
                  <th scope="col" className="py-2">
                    Last changed
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td className="py-2 pr-4">
                      <Link href={`/policies/${p.slug}`} className="font-medium text-brand-700 underline">
                        {p.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-4">{CATEGORY_LABELS[p.category] ?? p.category}</td>
                    <td className="py-2 pr-4">
                      <span className="flex flex-wrap gap-1">
                        <PolicyStatusBadge status={p.status} />
                        {p.openConsultation ? <Badge tone="warn">Open for comment</Badge> : null}
                      </span>
                    </td>
                    <td className="py-2 pr-4">{p.latestVersion ?? "—"}</td>
                    <td className="py-2">{formatDateTime(p.updatedAt, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
