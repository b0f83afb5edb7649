/** The words of policies. A leaf module: no imports, so the schema, rules and client components share it. */
export const POLICY_CATEGORIES = ["procedure", "guidance", "membership_requirement", "budget", "other"] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

export const POLICY_STATUSES = ["draft", "consultation", "board_review", "voting", "adopted", "rejected", "withdrawn"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
