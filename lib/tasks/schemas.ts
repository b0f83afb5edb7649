import { z } from "zod";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/tasks/vocabulary";
import { TASK_MOVES } from "./rules";

const uuid = (message: string) => z.uuid(message);
const optionalUuid = (message: string) => z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid(message).optional());
/** A real calendar date as YYYY-MM-DD (2030-02-31 is refused). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

export const createTaskSchema = z.object({
  title: z.string().trim().min(3, "Give the task a title of at least 3 characters.").max(200, "Keep the title under 200 characters."),
  description: z.string().trim().max(5000, "Keep the description under 5,000 characters.").default(""),
  assigneeId: uuid("Choose a member of the Secretariat."),
  dueOn: z.string("Give the due date.").refine(isCalendarDate, "Give the due date as a real date."),
  priority: z.enum(TASK_PRIORITIES, "Choose low, normal or high."),
  motionId: optionalUuid("Choose a motion from the list."),
  policyId: optionalUuid("Choose a policy from the list."),
});
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const moveTaskSchema = z.object({
  taskId: uuid("Unknown task."),
  move: z.enum(TASK_MOVES, "Unknown action."),
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").optional().default(""),
});

export const progressSchema = z.object({
  taskId: uuid("Unknown task."),
  note: z.string().trim().min(1, "Write what was done.").max(4000, "Keep the note under 4,000 characters."),
  evidenceUrl: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z
      .string()
      .max(2000, "Keep the link under 2,000 characters.")
      .refine(isWebLink, "Give a full web link, starting with https:// (or http://).")
      .optional(),
  ),
});

/** Only web links: javascript:, data: and other schemes are refused. */
function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0 && /^https?:\/\//i.test(value);
  } catch {
    return false;
  }
}

const flag = z.preprocess((v) => v === "1" || v === "true" || v === "on" || v === true, z.boolean());

/** The /tasks filters, as they arrive in the query string. */
export const taskFilterSchema = z.object({
  mine: flag.default(false),
  created: flag.default(false),
  // The list opens on the tasks still to do ("unfinished"); "any" includes the done ones.
  status: z.preprocess(
    (v) => (v === "" || v === undefined ? "unfinished" : v),
    z.enum([...TASK_STATUSES, "unfinished", "any"], "Choose a status from the list."),
  ),
  overdue: flag.default(false),
  week: flag.default(false),
  policyId: optionalUuid("Choose a policy from the list."),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type TaskFilter = z.infer<typeof taskFilterSchema>;
