import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { InlineDiff, SideBySideDiff } from "@/components/policies/version-diff";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { getDb } from "@/db";
import { loadPageItem, publicPageReader } from "@/lib/auth/page-access";
import { AppError } from "@/lib/errors";
import { compareVersions } from "@/lib/policies/compare";
import { getPolicy, getVersionPair } from "@/lib/policies/queries";

export const metadata: Metadata = { title: "Compare versions" };

const versionNumber = z.coerce
  .number("Version numbers are whole numbers.")
  .int("Version numbers are whole numbers.")
  .min(1, "Version numbers start at 1.")
  .max(100_000, "No policy has that many versions.");
const paramsSchema = z.object({
  from: versionNumber.optional(),
  to: versionNumber.optional(),
  view: z.enum(["side", "inline"]).catch("side").default("side"),
});

export default async function DiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await publicPageReader();
  const db = await getDb();
  const { policy, versions } = await loadPageItem(() => getPolicy(db, actor, { slug }));
  const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = paramsSchema.safeParse({ from: single(query.from), to: single(query.to), view: single(query.view) });
  let problem: string | null = null;
  let pair: Awaited<ReturnType<typeof getVersionPair>> | null = null;
  const newest = versions[0]?.number ?? 1;
  const from = parsed.success ? (parsed.data.from ?? Math.max(1, newest - 1)) : 1;
  const to = parsed.success ? (parsed.data.to ?? newest) : newest;
  const view = parsed.success ? parsed.data.view : "side";
  if (!parsed.success) {
    problem = `Bad request: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`;
  } else {
    try {
      pair = await getVersionPair(db, actor, { slug, from, to });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = `Bad request: ${error.message}`;
    }
  }
  const rows = pair ? compareVersions(pair.fromParagraphs, pair.toParagraphs) : [];
  const link = (v: "side" | "inline") => `/policies/${policy.slug}/diff?from=${from}&to=${to}&view=${v}`;
  return (
    <>
      <PageTitle
        lead={
          <Link className="text-brand-700 underline" href={`/policies/${policy.slug}`}>
            Back to {policy.title}
          </Link>
        }
      >
        Compare versions
      </PageTitle>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Choose versions to compare">
        <SelectField label="From version" name="from" defaultValue={String(from)}>
          {versions.map((v) => (
            <option key={v.id} value={v.number}>
              Version {v.number}
              {v.state === "draft" ? " (draft)" : ""}
            </option>
          ))}
        </SelectField>
        <SelectField label="To version" name="to" defaultValue={String(to)}>
          {versions.map((v) => (
            <option key={v.id} value={v.number}>
              Version {v.number}
              {v.state === "draft" ? " (draft)" : ""}
            </option>
          ))}
        </SelectField>
        <input type="hidden" name="view" value={view} />
        <Button type="submit" variant="secondary">
          Compare
        </Button>
      </form>
      {problem ? (
        <Alert tone="error">{problem}</Alert>
      ) : (
        <Card
          title={`Version ${from} → version ${to}`}
          actions={
            <nav aria-label="Comparison layout" className="flex gap-3 text-sm">
              <Link
                href={link("side")}
                aria-current={view === "side" ? "page" : undefined}
                className={view === "side" ? "font-semibold text-slate-900" : "text-brand-700 underline"}
              >
                Side by side
              </Link>
              <Link
                href={link("inline")}
                aria-current={view === "inline" ? "page" : undefined}
                className={view === "inline" ? "font-semibold text-slate-900" : "text-brand-700 underline"}
              >
                Inline
              </Link>
            </nav>
          }
        >
          <p className="mb-3 text-sm text-slate-700">
            Deleted words are <del className="bg-red-100 text-red-900 line-through">struck through</del>; inserted words are{" "}
            <ins className="bg-green-100 text-green-900 underline">underlined</ins>.
          </p>
          {view === "inline" ? <InlineDiff rows={rows} /> : <SideBySideDiff rows={rows} from={from} to={to} />}
        </Card>
      )}
    </>
  );
}
