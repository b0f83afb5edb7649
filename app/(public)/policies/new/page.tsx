import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PolicyForm } from "@/components/policies/policy-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, PageTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New policy" };

export default async function NewPolicyPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login?returnTo=/policies/new");
  if (!can(actor.roles, "policy.create")) return <Forbidden what="draft policies" />;
  return (
    <>
      <PageTitle lead="The policy starts as a draft, version 1. Nobody outside the Board and the Secretariat sees it until a consultation opens.">New policy</PageTitle>
      <Card title="Policy">
        <PolicyForm />
      </Card>
    </>
  );
}
