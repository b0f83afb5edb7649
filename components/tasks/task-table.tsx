import Link from "next/link";
import type { TaskStatus } from "@/lib/tasks/vocabulary";
import { formatDate, humanize } from "@/lib/format";
import { OverdueBadge, TaskStatusBadge } from "./task-badges";

export type TaskRow = {
  id: string;
  title: string;
  status: TaskStatus;
  priority: string;
  dueOn: string;
  assigneeName: string;
  creatorName: string;
  policyTitle: string | null;
  motionTitle: string | null;
  overdue: boolean;
};

export function TaskTable({ rows, caption }: { rows: TaskRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Task
            </th>
            <th scope="col" className="py-2 pr-3">
              Due
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3">
              Priority
            </th>
            <th scope="col" className="py-2 pr-3">
              Assignee
            </th>
            <th scope="col" className="py-2 pr-3">
              Created by
            </th>
            <th scope="col" className="py-2">
              Linked to
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 align-top">
          {rows.map((t) => (
            <tr key={t.id}>
              <td className="py-2 pr-3">
                <Link href={`/tasks/${t.id}`} className="font-medium text-brand-700 underline">
                  {t.title}
                </Link>
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">
                {formatDate(t.dueOn)} {t.overdue ? <OverdueBadge /> : null}
              </td>
              <td className="py-2 pr-3">
                <TaskStatusBadge status={t.status} />
              </td>
              <td className="py-2 pr-3">{humanize(t.priority)}</td>
              <td className="py-2 pr-3">{t.assigneeName}</td>
              <td className="py-2 pr-3">{t.creatorName}</td>
              <td className="py-2">{[t.policyTitle, t.motionTitle].filter(Boolean).join(" · ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
