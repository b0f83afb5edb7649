import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { DraftMotionForm } from "@/components/votes/draft-motion-form";
import { getDb } from "@/db";
import { publicPageReader } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { getTimezone } from "@/lib/settings";
import { getDraftChoices, finaliseDueAndListMotions, type MotionSummary } from "@/lib/votes/queries";
import { finaliseDueAndReadPublicVotes } from "@/lib/votes/public";
import { toLocalInput } from "@/lib/time";

export const metadata: Metadata = { title: "Votes" };
export const dynamic = "force-dynamic";

function MotionList({ items, timeZone, showTotals }: { items: MotionSummary[]; timeZone: string; showTotals: boolean }) {
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((m) => (
        <li key={m.id} className="flex flex-col gap-1 py-3">
          <p className="flex flex-wrap items-center gap-2">
            <Link href={`/votes/${m.id}`} className="font-medium text-brand-700 underline">
              {m.title}
            </Link>
            {m.status === "closed" ? (
              m.passed ? (
                <Badge tone="good">Passed</Badge>
              ) : (
                <Badge tone="bad">Failed</Badge>
              )
            ) : m.status === "draft" ? (
              <Badge>Draft</Badge>
            ) : (
              <Badge tone="warn">Open</Badge>
            )}
          </p>
          <p className="text-sm text-slate-700">
            {m.status === "closed" && m.closedAt
              ? `Closed ${formatDateTime(m.closedAt, timeZone)}`
              : `Closes ${formatDateTime(m.closesAt, timeZone)}`}
          </p>
          {showTotals && m.tally ? (
            <p className="text-sm text-slate-700">
              {m.tally.pillars.map((p) => `${p.name}: ${p.yes} yes, ${p.no} no, ${p.abstain} abstain`).join(" · ")}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default async function VotesPage() {
  const actor = await publicPageReader();
  const db = await getDb();
  // Anonymous readers see closed motions only: the same answer for everyone, from the public cache.
  const { motions, timeZone } = actor
    ? await Promise.all([finaliseDueAndListMotions(db, actor), getTimezone(db)]).then(([motions, timeZone]) => ({ motions, timeZone }))
    : await finaliseDueAndReadPublicVotes(db);
  const drafting = actor && can(actor.roles, "motion.draft") ? await getDraftChoices(db, actor) : null;
  const open = motions.filter((m) => m.status === "open");
  const drafts = motions.filter((m) => m.status === "draft");
  const closed = motions.filter((m) => m.status === "closed");
  const internal = actor && can(actor.roles, "motion.readInternal");
  return (
    <>
      <PageTitle lead="Board motions decided under pillar-balanced rules. Closed motions show their totals per pillar.">Votes</PageTitle>
      <div className="flex flex-col gap-6">
        {internal ? (
          <Card title={`Open motions (${open.length})`}>
            {open.length ? (
              <MotionList items={open} timeZone={timeZone} showTotals={false} />
            ) : (
              <EmptyState>No motion is open for ballots.</EmptyState>
            )}
          </Card>
        ) : null}
        {internal && drafts.length ? (
          <Card title={`Drafts (${drafts.length})`}>
            <MotionList items={drafts} timeZone={timeZone} showTotals={false} />
          </Card>
        ) : null}
        <Card title={`Closed motions (${closed.length})`}>
          {closed.length ? <MotionList items={closed} timeZone={timeZone} showTotals /> : <EmptyState>No motion has closed yet.</EmptyState>}
        </Card>
        {drafting ? (
          <Card title="Draft a motion">
            <DraftMotionForm choices={drafting} timeZone={timeZone} defaultClosesAt={toLocalInput(drafting.suggestedClosesAt, timeZone)} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
