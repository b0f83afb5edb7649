import type { Metadata } from "next";
import Link from "next/link";
import { PolicyForm } from "@/components/policies/policy-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { loadPageItem, requirePageActor } from "@/lib/auth/page-access";
import { getDraftForEditing } from "@/lib/policies/queries";

export const metadata: Metadata = { title: "Edit draft" };

export default async function EditDraftPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requirePageActor("policy.editDraft", `/policies/${slug}/edit`);
  const { policy, draft } = await loadPageItem(async () => getDraftForEditing(await getDb(), actor, { slug }));
  return (
    <>
      <PageTitle
        lead={
          <Link className="text-brand-700 underline" href={`/policies/${policy.slug}`}>
            Back to the policy
          </Link>
        }
      >
        Edit draft: {policy.title}
      </PageTitle>
      {draft ? (
        <Card title={`Version ${draft.number} (draft)`}>
          <PolicyForm
            draft={{
              policyId: policy.id,
              slug: policy.slug,
              title: policy.title,
              category: policy.category,
              bodyMd: draft.bodyMd,
              changeSummary: draft.changeSummary ?? "",
              versionNumber: draft.number,
            }}
          />
        </Card>
      ) : (
        <Alert>Every version of this policy is final. Start a new version from the policy page to change its text.</Alert>
      )}
    </>
  );
}
