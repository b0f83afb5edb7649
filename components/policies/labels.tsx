import { Badge } from "@/components/ui/card";
import type { PolicyStatus } from "@/lib/policies/vocabulary";

export const STATUS_LABELS: Record<PolicyStatus, string> = {
  draft: "Draft",
  consultation: "In consultation",
  board_review: "Board review",
  voting: "Being voted on",
  adopted: "Adopted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

export const CATEGORY_LABELS: Record<string, string> = {
  procedure: "Procedure",
  guidance: "Guidance",
  membership_requirement: "Membership requirement",
  budget: "Budget",
  other: "Other",
};

const TONES: Record<PolicyStatus, "neutral" | "good" | "warn" | "bad"> = {
  draft: "neutral",
  consultation: "warn",
  board_review: "warn",
  voting: "warn",
  adopted: "good",
  rejected: "bad",
  withdrawn: "bad",
};

export function PolicyStatusBadge({ status }: { status: PolicyStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export const COMMENT_STATUS_LABELS: Record<string, string> = {
  open: "Awaiting answer",
  accepted: "Accepted",
  partly_accepted: "Partly accepted",
  not_accepted: "Not accepted",
  noted: "Noted",
};

export function CommentStatusBadge({ status }: { status: string }) {
  const tone = status === "accepted" ? "good" : status === "not_accepted" ? "bad" : status === "open" ? "neutral" : "warn";
  return <Badge tone={tone}>{COMMENT_STATUS_LABELS[status] ?? status}</Badge>;
}

/** The first words of a paragraph, without Markdown marks, for lists and tables. */
export function paragraphLabel(body: string, words = 8): string {
  const plain = body
    .replace(/[*_`#>[\]()]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const cut = plain.split(" ").slice(0, words).join(" ");
  return cut.length < plain.length ? `${cut}…` : cut;
}
