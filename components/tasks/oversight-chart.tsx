import type { AssigneeLoad } from "@/lib/tasks/oversight";

/**
 * Open and overdue tasks per assignee as CSS bars. The bars are decoration for sighted readers; the
 * same numbers are in the table that follows, and each bar carries its number in text.
 */
export function OversightChart({ assignees }: { assignees: AssigneeLoad[] }) {
  const max = Math.max(1, ...assignees.map((a) => a.open));
  return (
    <div aria-hidden="true" className="flex flex-col gap-4">
      {assignees.map((a) => (
        <div key={a.id}>
          <p className="text-sm font-semibold text-slate-900">{a.name}</p>
          <div className="mt-1 flex items-center gap-2">
            <div className="h-4 rounded bg-brand-700" style={{ width: `${(a.open / max) * 70}%` }} />
            <span className="text-sm text-slate-800">{a.open} open</span>
          </div>
          <div className="mt-1 flex items-center gap-2">
            <div
              className="h-4 rounded bg-red-700 bg-[repeating-linear-gradient(45deg,transparent,transparent_4px,rgba(255,255,255,0.35)_4px,rgba(255,255,255,0.35)_8px)]"
              style={{ width: `${(a.overdue / max) * 70}%` }}
            />
            <span className="text-sm text-slate-800">{a.overdue} overdue</span>
          </div>
        </div>
      ))}
    </div>
  );
}
