import type { Metadata } from "next";
import Link from "next/link";
import { consultationPhase, effectiveClose } from "@/lib/consultations/rules";
import { CATEGORY_LABELS, PolicyStatusBadge } from "@/components/policies/labels";
import { PolicyActions } from "@/components/policies/policy-actions";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { getDb } from "@/db";
import { loadPageItem } from "@/lib/auth/page-access";
import { currentActor } from "@/lib/auth/session";
import { formatDateTime, humanize } from "@/lib/format";
import { getPolicy } from "@/lib/policies/queries";
import { getTimezone } from "@/lib/settings";

export const metadata: Metadata = { title: "Policy" };

export default async function PolicyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await currentActor();
  const db = await getDb();
  const { policy, versions, current, paragraphs, consultations, motions } = await loadPageItem(() => getPolicy(db, actor, { slug }));
  const timeZone = await getTimezone(db);
  const now = new Date();
  const openNow = consultations.find((c) => consultationPhase(c, now) === "open");
  const latest = versions[0];
  return (
    <>
      <PageTitle
        lead={
          <span className="flex flex-wrap items-center gap-2">
            {CATEGORY_LABELS[policy.category]} · <PolicyStatusBadge status={policy.status} />
          </span>
        }
      >
        {policy.title}
      </PageTitle>
      {actor ? <PolicyActions roles={actor.roles} policy={policy} latest={latest} hasFinal={versions.some((v) => v.state === "final")} /> : null}
      {openNow ? (
        <p className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <strong>Open for comment</strong> until {formatDateTime(effectiveClose(openNow), timeZone)}.{" "}
          <Link className="font-semibold underline" href={`/policies/${policy.slug}/consultations/${openNow.id}`}>
            Read the draft and comment
          </Link>
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card
            title={
              current
                ? `Version ${current.number}${current.state === "draft" ? " (draft)" : policy.adoptedVersionId === current.id ? " (adopted)" : ""}`
                : "Text"
            }
          >
            {paragraphs.length === 0 ? (
              <EmptyState>This version has no text yet.</EmptyState>
            ) : (
              <ol className="flex flex-col gap-2">
                {paragraphs.map((p, i) => (
                  <li key={p.key} id={`paragraph-${p.key}`} className="flex gap-3">
                    <span className="mt-2 w-8 shrink-0 text-right text-sm text-slate-700" aria-hidden="true">
                      ¶{i + 1}
                    </span>
                    <Markdown className="flex-1">{p.body}</Markdown>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card title="Versions">
            <ul className="divide-y divide-slate-200 text-sm">
              {versions.map((v, i) => {
                const older = versions[i + 1];
                return (
                  <li key={v.id} className="py-2">
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      Version {v.number} {v.state === "draft" ? <Badge>Draft</Badge> : <Badge tone="good">Final</Badge>}
                      {v.frozenAt ? <Badge tone="warn">Frozen by a motion</Badge> : null}
                    </p>
                    <p className="text-slate-700">
                      {v.finalizedAt ? `Final since ${formatDateTime(v.finalizedAt, timeZone)}` : `Started ${formatDateTime(v.createdAt, timeZone)}`}
                    </p>
                    {v.changeSummary ? <p className="text-slate-800">{v.changeSummary}</p> : null}
                    {older ? (
                      <Link className="text-brand-700 underline" href={`/policies/${policy.slug}/diff?from=${older.number}&to=${v.number}`}>
                        Compare with version {older.number}
                      </Link>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </Card>
          {actor ? (
            <Card title="Consultations">
              {consultations.length === 0 ? (
                <EmptyState>No consultation you can see.</EmptyState>
              ) : (
                <ul className="divide-y divide-slate-200 text-sm">
                  {consultations.map((c) => (
                    <li key={c.id} className="py-2">
                      <Link className="font-medium text-brand-700 underline" href={`/policies/${policy.slug}/consultations/${c.id}`}>
                        Consultation on version {c.versionNumber}
                      </Link>
                      <p className="text-slate-700">
                        {humanize(consultationPhase(c, now))} · {c.comments} comments · closes {formatDateTime(effectiveClose(c), timeZone)}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          ) : null}
          <Card title="Motions">
            {motions.length === 0 ? (
              <EmptyState>No board motion on this policy yet.</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-200 text-sm">
                {motions.map((m) => (
                  <li key={m.id} className="py-2">
                    <Link className="font-medium text-brand-700 underline" href={`/votes/${m.id}`}>
                      {m.title}
                    </Link>
                    <p className="text-slate-700">{humanize(m.status)}</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
