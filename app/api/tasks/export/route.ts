import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/errors";
import { toCsv } from "@/lib/csv";
import { listTasksForExport } from "@/lib/tasks/queries";

/** The filtered task list as CSV (same filters as /tasks), with formula-safe cells. */
export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const rows = await listTasksForExport(await getDb(), await currentActor(), params);
    const csv = toCsv(
      [
        ["id", "title", "status", "priority", "due_on", "overdue", "assignee", "created_by", "policy", "motion", "completed_at"],
        ...rows.map((r) => [
          r.id,
          r.title,
          r.status,
          r.priority,
          r.dueOn,
          r.overdue ? "yes" : "no",
          r.assigneeName,
          r.creatorName,
          r.policyTitle,
          r.motionTitle,
          r.completedAt,
        ]),
      ],
      "always",
    );
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="tasks.csv"',
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
