import { toCsv } from "@/lib/csv";
import { ASSOCIATION_LABEL } from "@/lib/users/vocabulary";

export const REGISTER_HEADER = [
  "Paragraph",
  "Quote",
  "Comment",
  "Author",
  "Organisation",
  "Pillar",
  "Answer",
  "Response",
  "Answered by",
  "Answered at",
  "Commented at",
  "Outdated",
];

type Row = {
  paragraphNumber: number | null;
  quote: string | null;
  body: string;
  authorName: string;
  organizationName: string;
  pillarName: string | null;
  status: string;
  response: string | null;
  respondedBy: string | null;
  respondedAt: Date | string | null;
  createdAt: Date | string;
  outdatedAt: Date | string | null;
};

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : "");

/** The register as CSV text, one row per top-level comment. */
export function registerCsv(rows: Row[]): string {
  return toCsv([
    REGISTER_HEADER,
    ...rows.map((r) => [
      r.paragraphNumber ?? "",
      r.quote,
      r.body,
      r.authorName,
      r.organizationName,
      r.pillarName ?? ASSOCIATION_LABEL,
      r.status,
      r.response,
      r.respondedBy,
      iso(r.respondedAt),
      iso(r.createdAt),
      r.outdatedAt ? "yes" : "",
    ]),
  ]);
}
