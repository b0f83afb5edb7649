import type { Metadata } from "next";
import Link from "next/link";
import { CalendarFeed } from "@/components/tasks/calendar-feed";
import { filterQuery, TaskFilters } from "@/components/tasks/task-filters";
import { TaskTable } from "@/components/tasks/task-table";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageActor } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { hasCalendarToken } from "@/lib/tasks/calendar";
import { listLinkedPolicies, listTasks } from "@/lib/tasks/queries";
import { taskFilterSchema } from "@/lib/tasks/schemas";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await requirePageActor("task.list", "/tasks", params);
  const db = await getDb();
  let result: Awaited<ReturnType<typeof listTasks>> | null = null;
  let problem: string | null = null;
  try {
    result = await listTasks(db, actor, params);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  const filter = result?.filter ?? taskFilterSchema.parse({});
  const [policies, hasToken] = await Promise.all([listLinkedPolicies(db), can(actor.roles, "calendar.manage") ? hasCalendarToken(db, actor) : false]);
  const query = filterQuery(filter);
  return (
    <>
      <PageTitle lead="Work the Board assigns to the Secretariat: what is not done yet, soonest due first (choose Any status for finished work). Overdue is counted in the organisation's timezone.">
        Tasks
      </PageTitle>
      <p className="mb-4 flex flex-wrap gap-4 text-sm">
        {can(actor.roles, "task.create") ? (
          <Link href="/tasks/new" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            New task
          </Link>
        ) : null}
        {can(actor.roles, "oversight.view") ? (
          <Link href="/tasks/oversight" className="self-center text-brand-700 underline">
            Oversight view
          </Link>
        ) : null}
        <a href={`/api/tasks/export${query ? `?${query}` : ""}`} className="self-center text-brand-700 underline">
          Download this list as CSV
        </a>
      </p>
      <TaskFilters filter={filter} policies={policies} />
      {problem ? (
        <p role="alert" className="mb-4 text-red-800">
          {problem}
        </p>
      ) : null}
      <Card title={`Tasks (${result?.total ?? 0})`}>
        {!result || result.rows.length === 0 ? (
          <EmptyState>No task matches these filters.</EmptyState>
        ) : (
          <TaskTable rows={result.rows} caption="Tasks, soonest due first" />
        )}
        {result && result.pages > 1 ? (
          <nav aria-label="Task pages" className="mt-4 flex items-center gap-4 text-sm">
            {filter.page > 1 ? (
              <Link className="text-brand-700 underline" href={`/tasks?${filterQuery(filter, filter.page - 1)}`}>
                Previous page
              </Link>
            ) : null}
            <span>
              Page {filter.page} of {result.pages}
            </span>
            {filter.page < result.pages ? (
              <Link className="text-brand-700 underline" href={`/tasks?${filterQuery(filter, filter.page + 1)}`}>
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
      {can(actor.roles, "calendar.manage") ? (
        <div className="mt-6">
          <Card title="Calendar feed of your due dates">
            <CalendarFeed hasToken={hasToken} />
          </Card>
        </div>
      ) : null}
    </>
  );
}
