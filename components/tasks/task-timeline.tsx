import type { TaskStatus } from "@/lib/tasks/vocabulary";
import { formatDateTime } from "@/lib/format";
import { statusLabel } from "./task-badges";

type Event = {
  id: string;
  kind: string;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus | null;
  note: string | null;
  evidenceUrl: string | null;
  createdAt: Date;
  actorName: string;
};

function describe(e: Event): string {
  switch (e.kind) {
    case "created":
      return "created the task";
    case "progress":
      return "posted a progress update";
    case "returned":
      return "returned it for more work";
    case "blocked":
      return "marked it blocked";
    case "unblocked":
      return `unblocked it (back to ${statusLabel(e.toStatus ?? "open").toLowerCase()})`;
    default:
      return `moved it from ${statusLabel(e.fromStatus ?? "open").toLowerCase()} to ${statusLabel(e.toStatus ?? "open").toLowerCase()}`;
  }
}

/** Status changes and progress updates, oldest first; notes are plain text, links only http(s). */
export function TaskTimeline({ events, timeZone }: { events: Event[]; timeZone: string }) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Timeline, oldest first">
      {events.map((e) => (
        <li key={e.id} className="border-l-4 border-slate-300 pl-3">
          <p className="text-sm text-slate-700">
            <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, timeZone)}</time>
          </p>
          <p>
            <span className="font-semibold">{e.actorName}</span> {describe(e)}
          </p>
          {e.note ? <p className="whitespace-pre-wrap text-slate-900">{e.note}</p> : null}
          {e.evidenceUrl && /^https?:\/\//i.test(e.evidenceUrl) ? (
            <p className="text-sm">
              Evidence:{" "}
              <a href={e.evidenceUrl} className="break-all text-brand-700 underline" rel="noopener noreferrer nofollow" target="_blank">
                {e.evidenceUrl}
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
