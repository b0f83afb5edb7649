import type { Metadata } from "next";
import { PolicyForm } from "@/components/policies/policy-form";
import { Card, PageTitle } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "New policy" };

export default async function NewPolicyPage() {
  await requirePageActor("policy.create", "/policies/new");
  return (
    <>
      <PageTitle lead="The policy starts as a draft, version 1. Nobody outside the Board and the Secretariat sees it until a consultation opens.">
        New policy
      </PageTitle>
      <Card title="Policy">
        <PolicyForm />
      </Card>
    </>
  );
}
