import type { Metadata } from "next";
import Link from "next/link";
import { consultationPhase, effectiveClose } from "@/lib/consultations/rules";
import { CATEGORY_LABELS, PolicyStatusBadge } from "@/components/policies/labels";
import { PolicyActions } from "@/components/policies/policy-actions";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { getDb } from "@/db";
import { loadPageItem, publicPageReader } from "@/lib/auth/page-access";
import { formatDateTime, humanize } from "@/lib/format";
import { getPolicy } from "@/lib/policies/queries";
import { getTimezone } from "@/lib/settings";
import { can } from "@/lib/auth/permissions";
import { DraftMotionForm } from "@/components/votes/draft-motion-form";
import { getDraftChoices } from "@/lib/votes/queries";
import { toLocalInput } from "@/lib/time";
import { COMMENT_STATUS_LABELS } from "@/components/policies/labels";

export const metadata: Metadata = { title: "Policy" };

export default async function PolicyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await publicPageReader();
  const db = await getDb();
  const { policy, versions, current, paragraphs, consultations, motions, state, register } = await loadPageItem(() => getPolicy(db, actor, { slug }));
  const timeZone = await getTimezone(db);
  const now = new Date();
  const openNow = consultations.find((c) => consultationPhase(c, now) === "open");
  const latest = versions[0];
  // In board review, the Chair or the Secretariat drafts the motion here, prefilled with the latest final version.
  const latestFinal = versions.find((v) => v.state === "final");
  const drafting =
    policy.status === "board_review" &&
    latestFinal &&
    actor &&
    can(actor.roles, "motion.draft") &&
    !motions.some((m) => m.status === "draft" || m.status === "open")
      ? await getDraftChoices(db, actor)
      : null;
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
      {actor && state ? (
        <PolicyActions roles={actor.roles} policy={policy} latest={latest} hasFinal={versions.some((v) => v.state === "final")} state={state} />
      ) : null}
      {policy.status === "withdrawn" && policy.withdrawnReason ? (
        <p className="mb-6 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-950">
          <strong>Withdrawn</strong>
          {policy.withdrawnAt ? ` on ${formatDateTime(policy.withdrawnAt, timeZone)}` : ""}: {policy.withdrawnReason}
        </p>
      ) : null}
      {register && (policy.status === "board_review" || policy.status === "voting") ? (
        <div className="mb-6">
          <Card title="Consultation register of the last round">
            {register.pillars.length === 0 ? (
              <EmptyState>The last round received no comments.</EmptyState>
            ) : (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Comments of the last round by pillar and answer</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-1 pr-3">
                      Pillar
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Comments
                    </th>
                    {(["accepted", "partly_accepted", "not_accepted", "noted", "open"] as const).map((s) => (
                      <th key={s} scope="col" className="py-1 pr-3">
                        {s === "open" ? "Unanswered" : COMMENT_STATUS_LABELS[s]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {register.pillars.map((p) => (
                    <tr key={p.pillarId} className="border-b border-slate-200">
                      <th scope="row" className="py-1 pr-3 font-medium">
                        {p.pillarName}
                      </th>
                      <td className="py-1 pr-3">{p.total}</td>
                      {(["accepted", "partly_accepted", "not_accepted", "noted", "open"] as const).map((s) => (
                        <td key={s} className="py-1 pr-3">
                          {p.counts[s] ?? 0}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {register.unansweredReason ? (
              <p className="mt-2 text-sm">
                <strong>Why some comments went unanswered:</strong> {register.unansweredReason}
              </p>
            ) : null}
            <Link
              className="mt-2 inline-block text-sm text-brand-700 underline"
              href={`/policies/${policy.slug}/consultations/${register.consultationId}/register`}
            >
              The full register
            </Link>
          </Card>
        </div>
      ) : null}
      {drafting && latestFinal ? (
        <div className="mb-6">
          <Card title="Draft a motion">
            <DraftMotionForm
              choices={{ ...drafting, versions: drafting.versions.filter((v) => v.id === latestFinal.id) }}
              timeZone={timeZone}
              defaultClosesAt={toLocalInput(drafting.suggestedClosesAt, timeZone)}
              initial={{ title: `Adopt version ${latestFinal.number} of ${policy.title}`.slice(0, 200), versionId: latestFinal.id }}
            />
          </Card>
        </div>
      ) : null}
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
