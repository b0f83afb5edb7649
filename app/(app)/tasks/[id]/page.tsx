import type { Metadata } from "next";
import Link from "next/link";
import { ProgressForm, TaskMoves } from "@/components/tasks/task-actions";
import { OverdueBadge, TaskStatusBadge } from "@/components/tasks/task-badges";
import { TaskTimeline } from "@/components/tasks/task-timeline";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { loadPageItem, requirePageActor } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatDateTime, humanize } from "@/lib/format";
import { getTaskDetail } from "@/lib/tasks/queries";

export const metadata: Metadata = { title: "Task" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("task.list", `/tasks/${id}`);
  const detail = await loadPageItem(async () => getTaskDetail(await getDb(), actor, id));
  const { task, timeline, moves } = detail;
  return (
    <>
      <PageTitle
        lead={
          <Link href="/tasks" className="text-brand-700 underline">
            Back to tasks
          </Link>
        }
      >
        {task.title}
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card title="About this task">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="font-semibold text-slate-800">Status</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <TaskStatusBadge status={task.status} /> {detail.overdue ? <OverdueBadge /> : null}
                {task.status === "blocked" && task.blockedReason ? <span>{task.blockedReason}</span> : null}
              </dd>
              <dt className="font-semibold text-slate-800">Due</dt>
              <dd>{formatDate(task.dueOn)}</dd>
              <dt className="font-semibold text-slate-800">Priority</dt>
              <dd>{humanize(task.priority)}</dd>
              <dt className="font-semibold text-slate-800">Assignee</dt>
              <dd>{detail.assigneeName}</dd>
              <dt className="font-semibold text-slate-800">Created by</dt>
              <dd>{detail.creatorName}</dd>
              {detail.policyTitle ? (
                <>
                  <dt className="font-semibold text-slate-800">Policy</dt>
                  <dd>{detail.policyTitle}</dd>
                </>
              ) : null}
              {detail.motionTitle ? (
                <>
                  <dt className="font-semibold text-slate-800">Motion</dt>
                  <dd>
                    <Link href={`/votes/${task.motionId}`} className="text-brand-700 underline">
                      {detail.motionTitle}
                    </Link>
                  </dd>
                </>
              ) : null}
              {task.completedAt ? (
                <>
                  <dt className="font-semibold text-slate-800">Completed</dt>
                  <dd>{formatDateTime(task.completedAt, detail.timeZone)}</dd>
                </>
              ) : null}
            </dl>
            {task.description ? <p className="mt-4 whitespace-pre-wrap text-slate-900">{task.description}</p> : null}
          </Card>
          <Card title="Timeline">
            <TaskTimeline events={timeline} timeZone={detail.timeZone} />
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          {moves.length ? (
            <Card title="What you can do">
              <TaskMoves taskId={task.id} moves={moves} />
            </Card>
          ) : null}
          {detail.canPostProgress ? (
            <Card title="Post a progress update">
              <ProgressForm taskId={task.id} />
            </Card>
          ) : null}
          {can(actor.roles, "audit.read") ? (
            <p className="text-sm">
              <Link href={`/audit?entityType=task&entityId=${task.id}`} className="text-brand-700 underline">
                This task in the audit log
              </Link>
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}
