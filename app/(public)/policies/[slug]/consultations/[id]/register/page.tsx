import type { Metadata } from "next";
import Link from "next/link";
import { AnswerForm } from "@/components/consultations/answer-form";
import { COMMENT_STATUS_LABELS, CommentStatusBadge } from "@/components/policies/labels";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { Markdown } from "@/components/ui/markdown";
import { getDb } from "@/db";
import { ASSOCIATION_LABEL } from "@/lib/users/vocabulary";
import { COMMENT_STATUSES } from "@/lib/consultations/vocabulary";
import { can } from "@/lib/auth/permissions";
import { loadPageItem, requirePageActor } from "@/lib/auth/page-access";
import { listRegister } from "@/lib/consultations/queries";

export const metadata: Metadata = { title: "Consultation register" };

export default async function RegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, id } = await params;
  const query = await searchParams;
  const path = `/policies/${slug}/consultations/${id}`;
  const actor = await requirePageActor("consultation.read", `${path}/register`, query);
  const db = await getDb();
  const { policy, versionNumber, filter, rows, pillars } = await loadPageItem(async () => {
    const found = await listRegister(db, actor, { consultationId: id, pillar: query.pillar, status: query.status });
    return found.policy.slug === slug ? found : null;
  });
  const answering = can(actor.roles, "comment.answer");
  const csv = `/api/consultations/${id}/register?${new URLSearchParams({ ...(filter.pillar ? { pillar: filter.pillar } : {}), ...(filter.status ? { status: filter.status } : {}) })}`;
  return (
    <>
      <PageTitle
        lead={
          <Link className="text-brand-700 underline" href={path}>
            Consultation on version {versionNumber} of {policy.title}
          </Link>
        }
      >
        Consultation register
      </PageTitle>
      <p className="mb-4 text-slate-700">You said, we did: every comment and the Secretariat&apos;s answer to it.</p>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <form method="get" role="search" aria-label="Filter the register" className="flex flex-wrap items-end gap-4">
          <SelectField label="Pillar" name="pillar" defaultValue={filter.pillar ?? ""}>
            <option value="">All pillars</option>
            {pillars.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Answer" name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any answer</option>
            {COMMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {COMMENT_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </form>
        <a
          href={csv}
          className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100"
          download
        >
          Download CSV
        </a>
      </div>
      <Card title={`${rows.length} ${rows.length === 1 ? "comment" : "comments"}`}>
        {rows.length === 0 ? (
          <EmptyState>No comment matches this filter.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Comments and answers</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    Paragraph
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Comment
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    From
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Answer
                  </th>
                  {answering ? (
                    <th scope="col" className="py-2">
                      Answer it
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 align-top">
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {r.paragraphNumber ? `¶${r.paragraphNumber}` : "—"}
                      {r.outdatedAt ? (
                        <span className="mt-1 block">
                          <Badge tone="bad">Outdated</Badge>
                        </span>
                      ) : null}
                    </td>
                    <td className="max-w-md py-2 pr-3">
                      {r.quote ? <p className="text-slate-700">“{r.quote}”</p> : null}
                      <Markdown>{r.body}</Markdown>
                    </td>
                    <td className="py-2 pr-3">
                      <span className="font-medium">{r.authorName}</span>
                      <br />
                      {r.organizationName}
                      <br />
                      {r.pillarName ?? ASSOCIATION_LABEL}
                    </td>
                    <td className="max-w-sm py-2 pr-3">
                      <CommentStatusBadge status={r.status} />
                      {r.response ? <Markdown>{r.response}</Markdown> : null}
                      {r.respondedBy ? <p className="text-slate-700">— {r.respondedBy}</p> : null}
                    </td>
                    {answering ? (
                      <td className="py-2">
                        <AnswerForm
                          commentId={r.id}
                          consultationId={id}
                          slug={slug}
                          status={r.status}
                          response={r.response ?? ""}
                          label={`the comment by ${r.authorName}`}
                        />
                      </td>
                    ) : null}
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
