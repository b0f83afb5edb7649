import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { BallotForm, MotionButton, RecusalForm } from "@/components/votes/motion-forms";
import { RollCallTable } from "@/components/votes/roll-call-table";
import { TallyStatus, TallyTable } from "@/components/votes/tally-table";
import { getDb } from "@/db";
import { loadPageItem } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getTimezone } from "@/lib/settings";
import { finaliseIfDueAndGetMotion } from "@/lib/votes/queries";

export const metadata: Metadata = { title: "Motion" };
export const dynamic = "force-dynamic";

export default async function MotionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  const db = await getDb();
  // A draft or open motion: not found for the public, 403 for a signed-in role that never reads one.
  const [motion, timeZone] = await Promise.all([
    loadPageItem(() => finaliseIfDueAndGetMotion(db, actor, id), { forbidden: "role" }),
    getTimezone(db),
  ]);
  const roles = actor?.roles ?? [];
  const mine = motion.mine;
  const mayVote = motion.status === "open" && mine?.onRoll && !mine.recusedReason && can(roles, "ballot.cast");
  const status = motion.status === "closed" ? (motion.result?.passed ? "Passed" : "Failed") : motion.status === "open" ? "Open" : "Draft";
  return (
    <>
      <PageTitle
        lead={
          motion.status === "closed" && motion.closedAt
            ? `Closed ${formatDateTime(motion.closedAt, timeZone)}${motion.result?.closedEarly ? " (closed early by the Chair)" : ""}`
            : `Closes ${formatDateTime(motion.closesAt, timeZone)} · Rule: ${motion.ruleName}`
        }
      >
        {motion.title}{" "}
        <Badge tone={status === "Passed" ? "good" : status === "Failed" ? "bad" : status === "Open" ? "warn" : "neutral"}>{status}</Badge>
      </PageTitle>
      <div className="flex flex-col gap-6">
        {motion.result ? (
          <Card title="Result">
            <p className="mb-2 font-semibold">{motion.result.passed ? "The motion passed." : "The motion failed."}</p>
            <ul className="list-disc pl-6" data-testid="reasons">
              {motion.result.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <p className="mt-3 flex flex-wrap gap-4 text-sm">
              {actor && can(roles, "rollcall.export") ? (
                <a href={`/api/votes/${motion.id}/roll-call`} className="text-brand-700 underline">
                  Export the roll call (CSV)
                </a>
              ) : null}
              {motion.result.passed && actor && can(roles, "motion.readInternal") ? (
                <Link href={`/tasks/new?motionId=${motion.id}`} className="text-brand-700 underline">
                  Create follow-up task
                </Link>
              ) : null}
            </p>
          </Card>
        ) : null}

        {motion.tally ? (
          <Card title={motion.status === "open" ? "Live tally" : "Totals per pillar"}>
            <TallyTable tally={motion.tally} live={motion.status === "open"} />
            {motion.status === "open" ? (
              <div className="mt-4">
                <TallyStatus tally={motion.tally} />
              </div>
            ) : null}
          </Card>
        ) : null}

        {motion.status === "open" && mine?.onRoll ? (
          <Card title="Your ballot">
            {mine.recusedReason ? (
              <Alert>You declared a conflict of interest and are off the roll for this motion: {mine.recusedReason}</Alert>
            ) : mayVote ? (
              <div className="flex flex-col gap-6">
                <p className="text-sm text-slate-700">
                  {mine.choice ? `Your current ballot: ${mine.choice}. You may change it until the motion closes.` : "You have not voted yet."}
                </p>
                <BallotForm motionId={motion.id} current={mine.choice} />
                {!mine.choice && can(roles, "recusal.declare") ? (
                  <details>
                    <summary className="cursor-pointer text-sm font-semibold text-brand-700">I have a conflict of interest</summary>
                    <div className="mt-3">
                      <RecusalForm motionId={motion.id} />
                    </div>
                  </details>
                ) : null}
              </div>
            ) : null}
          </Card>
        ) : null}

        {actor && motion.status === "draft" && can(roles, "motion.open") ? (
          <Card title="Open the vote">
            <p className="mb-3 text-sm text-slate-700">
              Opening snapshots the rule and today&apos;s seat holders as the roll, and freezes the text voted on.
            </p>
            <MotionButton motionId={motion.id} kind="open" />
          </Card>
        ) : null}
        {actor && motion.status === "open" && motion.tally?.decided && can(roles, "motion.closeEarly") ? (
          <Card title="Close early">
            <p className="mb-3 text-sm text-slate-700">The outcome is decided, so the Chair may close the motion before its closing time.</p>
            <MotionButton motionId={motion.id} kind="closeEarly" />
          </Card>
        ) : null}

        <Card title="The text voted on">
          {motion.kind === "adopt_policy_version" ? (
            <>
              <p className="mb-3 text-sm text-slate-700">
                To adopt{" "}
                <Link href={`/policies/${motion.policySlug}`} className="text-brand-700 underline">
                  {motion.policyTitle}
                </Link>
                , version {motion.versionNumber}
                {motion.status === "draft" ? "." : ", frozen when the vote opened."}
              </p>
              <Markdown>{motion.versionBody ?? ""}</Markdown>
            </>
          ) : (
            <p className="whitespace-pre-wrap">{motion.resolutionText}</p>
          )}
        </Card>

        {motion.rollCall ? (
          <Card title="Roll call">
            <RollCallTable rows={motion.rollCall} timeZone={timeZone} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
