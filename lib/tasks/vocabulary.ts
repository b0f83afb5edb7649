/** The words of oversight tasks. A leaf module: no imports, so the schema, rules and client components share it. */
export const TASK_STATUSES = ["open", "in_progress", "in_review", "done", "blocked"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ["low", "normal", "high"] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_EVENT_KINDS = ["created", "status", "progress", "returned", "blocked", "unblocked"] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];
