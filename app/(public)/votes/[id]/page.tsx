import type { Metadata } from "next";
import Link from "next/link";
import { LiveUpdates } from "@/components/live/live-updates";
import { Alert } from "@/components/ui/alert";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { BallotForm, RecusalForm } from "@/components/votes/motion-forms";
import { AmendmentForm, ChooseVersionForm, EditMotionForm, WithdrawRecusalButton } from "@/components/votes/motion-manage";
import { Words } from "@/components/policies/version-diff";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { compareWords } from "@/lib/policies/compare";
import { toLocalInput } from "@/lib/time";
import { closeMotionEarlyAction, deleteMotionAction, openMotionAction, withdrawMotionAction } from "@/lib/votes/actions";
import { motionMoveRefusal } from "@/lib/votes/moves";
import { RollCallTable } from "@/components/votes/roll-call-table";
import { TallyStatus, TallyTable } from "@/components/votes/tally-table";
import { getDb } from "@/db";
import { loadPageItem, publicPageReader } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { getTimezone } from "@/lib/settings";
import { finaliseDueAndReadPublicMotion } from "@/lib/votes/public";
import { finaliseIfDueAndGetMotion, listAmendments } from "@/lib/votes/queries";

export const metadata: Metadata = { title: "Motion" };
export const dynamic = "force-dynamic";

export default async function MotionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await publicPageReader();
  const db = await getDb();
  // A draft or open motion: not found for the public, 403 for a signed-in role that never reads one.
  const [motion, timeZone] = await Promise.all([
    loadPageItem(() => (actor ? finaliseIfDueAndGetMotion(db, actor, id) : finaliseDueAndReadPublicMotion(db, id)), { forbidden: "role" }),
    getTimezone(db),
  ]);
  const roles = actor?.roles ?? [];
  const mine = motion.mine;
  const amendments = motion.status === "draft" || motion.status === "open" ? await listAmendments(db, actor, motion.id) : [];
  const chosen = amendments.find((a) => a.chosenAt);
  const may = (move: Parameters<typeof motionMoveRefusal>[0]) =>
    motionMoveRefusal(move, roles, { status: motion.status, decided: Boolean(motion.tally?.decided) }) === null;
  const draftFields = {
    id: motion.id,
    kind: motion.kind,
    title: motion.title,
    resolutionText: motion.resolutionText,
    closesAt: toLocalInput(motion.closesAt, timeZone),
  };
  const mayVote = motion.status === "open" && mine?.onRoll && !mine.recusedReason && can(roles, "ballot.cast");
  const status =
    motion.status === "closed"
      ? motion.result?.passed
        ? "Passed"
        : "Failed"
      : motion.status === "open"
        ? "Open"
        : motion.status === "withdrawn"
          ? "Withdrawn"
          : "Draft";
  // While a motion can change, its internal readers see ballots, recusals and the Chair's moves as they happen.
  const live = (motion.status === "draft" || motion.status === "open") && actor !== null && can(roles, "motion.readInternal");
  return (
    <>
      {live ? <LiveUpdates topic={`motion:${motion.id}`} /> : null}
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
        {motion.status === "withdrawn" ? (
          <Alert>
            <strong>Withdrawn</strong>
            {motion.withdrawnAt ? ` on ${formatDateTime(motion.withdrawnAt, timeZone)}` : ""} with no result: {motion.withdrawnReason}
          </Alert>
        ) : null}
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
              <div className="flex flex-col gap-3">
                <Alert>
                  You declared a conflict of interest and are off the roll for this motion: {mine.recusedReason}
                  {mine.choice ? ` Your ballot (${mine.choice}) is set aside and does not count.` : ""}
                </Alert>
                {can(roles, "recusal.declare") ? <WithdrawRecusalButton motionId={motion.id} /> : null}
              </div>
            ) : mayVote ? (
              <div className="flex flex-col gap-6">
                <p className="text-sm text-slate-700">
                  {mine.choice ? `Your current ballot: ${mine.choice}. You may change it until the motion closes.` : "You have not voted yet."}
                </p>
                <BallotForm motionId={motion.id} current={mine.choice} />
                {can(roles, "recusal.declare") ? (
                  <details>
                    <summary className="cursor-pointer text-sm font-semibold text-brand-700">
                      I have a conflict of interest{mine.choice ? " (my ballot will be set aside)" : ""}
                    </summary>
                    <div className="mt-3">
                      <RecusalForm motionId={motion.id} />
                    </div>
                  </details>
                ) : null}
              </div>
            ) : null}
          </Card>
        ) : null}

        {actor && motion.status === "draft" && (may("edit") || may("amend")) ? (
          <Card title="Amendments">
            {amendments.length === 0 ? (
              <p className="text-sm text-slate-700">No amendment has been proposed.</p>
            ) : (
              <ol className="flex flex-col gap-4">
                {amendments.map((a) => (
                  <li key={a.id} className="rounded border border-slate-200 p-3 text-sm">
                    <p className="mb-1 font-semibold">
                      Amendment {a.number} by {a.proposedBy}
                      {a.chosenAt ? <Badge tone="good">Put to the vote</Badge> : null}
                    </p>
                    <p className="mb-1 text-slate-700">Why: {a.rationale}</p>
                    <p>
                      <span className="font-semibold">Title: </span>
                      <Words parts={compareWords(motion.title, a.title)} show="both" />
                    </p>
                    {a.resolutionText !== null ? (
                      <p className="whitespace-pre-wrap">
                        <span className="font-semibold">Text: </span>
                        <Words parts={compareWords(motion.resolutionText ?? "", a.resolutionText)} show="both" />
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {may("choose_amendment") && amendments.length ? (
              <div className="mt-4">
                <ChooseVersionForm
                  motionId={motion.id}
                  current={chosen?.id ?? "original"}
                  versions={[
                    { id: "original", label: "The text as drafted" },
                    ...amendments.map((a) => ({ id: a.id, label: `Amendment ${a.number}: ${a.title}` })),
                  ]}
                />
              </div>
            ) : null}
            {may("amend") ? (
              <details className="mt-4">
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">Propose an amendment</summary>
                <div className="mt-3">
                  <AmendmentForm motion={draftFields} />
                </div>
              </details>
            ) : null}
          </Card>
        ) : null}
        {actor && may("edit") ? (
          <Card title="Edit the draft">
            <EditMotionForm motion={draftFields} timeZone={timeZone} />
            <div className="mt-4">
              <ConfirmDialog
                action={deleteMotionAction}
                fields={{ motionId: motion.id }}
                label="Delete the draft…"
                title="Delete this draft motion?"
                consequences="The draft and its proposed amendments are removed; the audit log keeps what they said."
                told="Nobody: a draft has no roll yet."
                confirmLabel="Delete the draft"
              />
            </div>
          </Card>
        ) : null}
        {actor && may("open") ? (
          <Card title="Open the vote">
            <ConfirmDialog
              action={openMotionAction}
              fields={{ motionId: motion.id }}
              label="Open the motion for ballots…"
              title="Open this motion for ballots?"
              consequences={`The rule and today's seat holders are snapshotted as the roll, the text voted on is frozen${motion.kind === "adopt_policy_version" ? " and the policy moves to voting" : ""}; ballots are accepted until ${formatDateTime(motion.closesAt, timeZone)}.`}
              told="Every director on the roll."
              confirmLabel="Open the motion"
              variant="primary"
            />
          </Card>
        ) : null}
        {actor && motion.status === "open" && (may("close_early") || may("withdraw")) ? (
          <Card title="The Chair">
            <div className="flex flex-wrap items-start gap-3">
              {may("close_early") ? (
                <ConfirmDialog
                  action={closeMotionEarlyAction}
                  fields={{ motionId: motion.id }}
                  label="Close the motion now…"
                  title="Close this motion before its closing time?"
                  consequences="The outcome is decided, so the result is recorded now as it stands and no further ballot is accepted."
                  told="Every director on the roll receives the result."
                  confirmLabel="Close the motion"
                  variant="primary"
                />
              ) : null}
              {may("withdraw") ? (
                <ConfirmDialog
                  action={withdrawMotionAction}
                  fields={{ motionId: motion.id }}
                  label="Withdraw the motion…"
                  title="Withdraw this motion?"
                  consequences={`No result is recorded and no further ballot is accepted${motion.kind === "adopt_policy_version" ? "; the policy goes back to board review" : ""}. The ballots cast stay in the record.`}
                  told="Every director on the roll, with the reason."
                  confirmLabel="Withdraw the motion"
                  reason={{ label: "Reason for withdrawing", required: true }}
                />
              ) : null}
            </div>
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
