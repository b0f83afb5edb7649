import { Badge } from "@/components/ui/card";
import type { TaskStatus } from "@/lib/tasks/vocabulary";

const STATUS_LABELS: Record<TaskStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  in_review: "In review",
  done: "Done",
  blocked: "Blocked",
};
const STATUS_TONES: Record<TaskStatus, "neutral" | "good" | "warn" | "bad"> = {
  open: "neutral",
  in_progress: "warn",
  in_review: "warn",
  done: "good",
  blocked: "bad",
};

export function statusLabel(status: TaskStatus): string {
  return STATUS_LABELS[status];
}

/** Status in words, so colour is never the only signal. */
export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function OverdueBadge() {
  return <Badge tone="bad">Overdue</Badge>;
}
