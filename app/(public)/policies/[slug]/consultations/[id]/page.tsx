import type { Metadata } from "next";
import Link from "next/link";
import { CommentForm } from "@/components/consultations/comment-form";
import { CommentThread } from "@/components/consultations/comment-thread";
import { CoverageTables } from "@/components/consultations/coverage";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LiveUpdates } from "@/components/live/live-updates";
import { paragraphLabel } from "@/components/policies/labels";
import { Alert } from "@/components/ui/alert";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { loadPageItem, requirePageActor } from "@/lib/auth/page-access";
import { closeConsultationAction } from "@/lib/consultations/actions";
import { getConsultation } from "@/lib/consultations/queries";
import { effectiveClose } from "@/lib/consultations/rules";
import { formatDateTime } from "@/lib/format";
import { groupBy } from "@/lib/collections";
import { getTimezone } from "@/lib/settings";

export const metadata: Metadata = { title: "Consultation" };

const PHASE = { scheduled: "Not open yet", open: "Open for comment", closed: "Closed" } as const;

export default async function ConsultationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, id } = await params;
  const query = await searchParams;
  const path = `/policies/${slug}/consultations/${id}`;
  const actor = await requirePageActor("consultation.read", path, query);
  const db = await getDb();
  // Under another policy's address, the consultation is not found: its links would lead elsewhere.
  const d = await loadPageItem(async () => {
    const found = await getConsultation(db, actor, { consultationId: id });
    return found.policy.slug === slug ? found : null;
  });
  const timeZone = await getTimezone(db);
  // Grouped once, so the page's work grows with its comments, not with comments times paragraphs.
  const replies = groupBy(
    d.comments.filter((c) => c.parentId),
    (c) => c.parentId!,
  );
  const repliesOf = (parentId: string) => replies.get(parentId) ?? [];
  const topLevel = d.comments.filter((c) => !c.parentId);
  const shownKeys = new Set(d.paragraphs.map((p) => p.key));
  const currentByParagraph = groupBy(
    topLevel.filter((c) => shownKeys.has(c.paragraphKey)),
    (c) => c.paragraphKey,
  );
  const outdated = topLevel.filter((c) => !shownKeys.has(c.paragraphKey));
  const labels = d.paragraphs.map((p) => paragraphLabel(p.body));
  const reply = d.refusal ? undefined : { consultationId: d.consultation.id, slug };
  const selected = typeof query.paragraph === "string" ? query.paragraph : undefined;
  const invitedNames = d.pillars.filter((p) => p.invited).map((p) => p.name);
  return (
    <>
      {/* New comments and answers appear while the page is open. */}
      <LiveUpdates topic={`consultation:${d.consultation.id}`} />
      <PageTitle
        lead={
          <Link className="text-brand-700 underline" href={`/policies/${slug}`}>
            {d.policy.title}
          </Link>
        }
      >
        Consultation on version {d.versionNumber}
      </PageTitle>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-semibold">Status</dt>
          <dd>
            <Badge tone={d.phase === "open" ? "good" : "neutral"}>{PHASE[d.phase]}</Badge>
          </dd>
          <dt className="font-semibold">Opens</dt>
          <dd>{formatDateTime(d.consultation.opensAt, timeZone)}</dd>
          <dt className="font-semibold">{d.consultation.closedEarlyAt ? "Closed early" : "Closes"}</dt>
          <dd>{formatDateTime(effectiveClose(d.consultation), timeZone)}</dd>
          <dt className="font-semibold">Invited pillars</dt>
          <dd>{invitedNames.join(", ")}</dd>
          <dt className="font-semibold">Text shown</dt>
          <dd>
            Version {d.versionNumber}
            {d.phase === "open" ? " (frozen while the consultation is open)" : ""}
            {d.currentVersion.number !== d.versionNumber
              ? `; version ${d.currentVersion.number} is now the latest, and comments that no longer fit it are marked outdated`
              : ""}
          </dd>
          {d.consultation.closedReason ? (
            <>
              <dt className="font-semibold">Why it closed early</dt>
              <dd>{d.consultation.closedReason}</dd>
            </>
          ) : null}
        </dl>
        <div className="flex flex-col items-end gap-2">
          <Link className="font-semibold text-brand-700 underline" href={`${path}/register`}>
            Consultation register
          </Link>
          {can(actor.roles, "consultation.close") ? (
            <ConfirmDialog
              available={d.phase !== "closed"}
              action={closeConsultationAction}
              fields={{ consultationId: d.consultation.id, slug }}
              label="Close the consultation now…"
              title="Close this consultation early?"
              consequences={`Comments are no longer accepted from now on, though it was to close ${formatDateTime(d.consultation.closesAt, timeZone)}. Its text, version ${d.versionNumber}, can then be followed by a new final version.`}
              told={`The representatives of ${invitedNames.join(", ")}, and everyone who commented.`}
              confirmLabel="Close the consultation"
              reason={{ label: "Reason for closing early", hint: "Shown on the consultation and in every notice.", required: true }}
            />
          ) : null}
        </div>
      </div>
      <div className="flex flex-col gap-6">
        <Card title="Coverage">
          <CoverageTables coverage={d.coverage} paragraphLabels={labels} />
        </Card>
        <Card title="Text and comments">
          <ol className="flex flex-col gap-6">
            {d.paragraphs.map((p, i) => {
              const mine = currentByParagraph.get(p.key) ?? [];
              return (
                <li key={p.key} id={`paragraph-${p.key}`} className="border-b border-slate-200 pb-4 last:border-0">
                  <h3 className="text-base font-semibold">Paragraph {i + 1}</h3>
                  <Markdown>{p.body}</Markdown>
                  <div className="mt-2 flex flex-col gap-2 pl-4">
                    {mine.map((c) => (
                      <CommentThread key={c.id} comment={c} replies={repliesOf(c.id)} timeZone={timeZone} reply={reply} />
                    ))}
                    {d.refusal ? null : (
                      <a className="text-sm text-brand-700 underline" href={`?paragraph=${p.key}#comment-form`}>
                        Comment on paragraph {i + 1}
                      </a>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </Card>
        {outdated.length ? (
          <Card title="Outdated comments">
            <p className="mb-3 text-sm text-slate-700">
              These comments were made on paragraphs that are not in this consultation&apos;s text. They are kept with the text they were about.
            </p>
            <ul className="flex flex-col gap-4">
              {outdated.map((c) => (
                <li key={c.id}>
                  <p className="text-sm font-semibold">Paragraph of version {c.originalVersionNumber}:</p>
                  <blockquote className="mb-2 border-l-4 border-slate-400 pl-3 text-sm text-slate-800">
                    <Markdown>{d.outdatedOrigins.get(c.id) ?? ""}</Markdown>
                  </blockquote>
                  <CommentThread comment={c} replies={repliesOf(c.id)} timeZone={timeZone} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <section id="comment-form" aria-labelledby="comment-heading" className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
          <h2 id="comment-heading" className="mb-3 text-lg font-semibold text-slate-900">
            Comment
          </h2>
          {d.refusal ? (
            <Alert>
              <strong>Why you cannot comment:</strong> {d.refusal.reason}
            </Alert>
          ) : d.paragraphs.length === 0 ? (
            <EmptyState>There is no text to comment on.</EmptyState>
          ) : (
            <CommentForm
              consultationId={d.consultation.id}
              slug={slug}
              paragraphs={d.paragraphs.map((p, i) => ({ key: p.key, label: labels[i]! }))}
              selectedKey={selected}
            />
          )}
        </section>
      </div>
    </>
  );
}
