import type { Metadata } from "next";
import Link from "next/link";
import { OversightChart } from "@/components/tasks/oversight-chart";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageActor } from "@/lib/auth/page-access";
import { formatDate } from "@/lib/format";
import { getOversight, OVERSIGHT_WINDOW_DAYS } from "@/lib/tasks/oversight";

export const metadata: Metadata = { title: "Oversight" };

function percent(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}

export default async function OversightPage() {
  const actor = await requirePageActor("oversight.view", "/tasks/oversight");
  const o = await getOversight(await getDb(), actor);
  return (
    <>
      <PageTitle lead={`The Board's view of the Secretariat's work, as of ${formatDate(o.today)} (${o.timeZone}).`}>Oversight</PageTitle>
      <p className="mb-4 text-sm">
        <Link href="/tasks" className="text-brand-700 underline">
          All tasks
        </Link>{" "}
        ·{" "}
        <Link href="/tasks?overdue=1" className="text-brand-700 underline">
          Overdue tasks
        </Link>
      </p>
      <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        {[
          ["Open tasks", String(o.totals.open)],
          ["Overdue", String(o.totals.overdue)],
          [`Done in the last ${OVERSIGHT_WINDOW_DAYS} days`, String(o.totals.doneRecently)],
          ["Done on time", `${percent(o.onTimeShare)} (${o.totals.doneOnTime} of ${o.totals.doneRecently})`],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-300 bg-white p-4">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-2xl font-bold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Open and overdue tasks per assignee">
          <OversightChart assignees={o.assignees} />
        </Card>
        <Card title="The same figures as a table">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Per assignee: open tasks, overdue tasks, tasks done since {formatDate(o.windowStart)} and how many on time
              </caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    Assignee
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Open
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Overdue
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Done ({OVERSIGHT_WINDOW_DAYS} days)
                  </th>
                  <th scope="col" className="py-2">
                    On time
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {o.assignees.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {a.name}
                    </th>
                    <td className="py-2 pr-3">{a.open}</td>
                    <td className="py-2 pr-3">{a.overdue}</td>
                    <td className="py-2 pr-3">{a.doneRecently}</td>
                    <td className="py-2">
                      {a.doneOnTime} ({percent(a.doneRecently ? a.doneOnTime / a.doneRecently : null)})
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-300 font-semibold">
                <tr>
                  <th scope="row" className="py-2 pr-3">
                    All
                  </th>
                  <td className="py-2 pr-3">{o.totals.open}</td>
                  <td className="py-2 pr-3">{o.totals.overdue}</td>
                  <td className="py-2 pr-3">{o.totals.doneRecently}</td>
                  <td className="py-2">
                    {o.totals.doneOnTime} ({percent(o.onTimeShare)})
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
