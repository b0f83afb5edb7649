import type { Metadata } from "next";
import Link from "next/link";
import { CreateTaskForm } from "@/components/tasks/create-task-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb, isUuid } from "@/db";
import { requirePageActor } from "@/lib/auth/page-access";
import { listAssigneeChoices, listLinkChoices } from "@/lib/tasks/queries";

export const metadata: Metadata = { title: "New task" };

/** `?motionId=` or `?policyId=` prefill the link, e.g. "Create follow-up task" on a passed motion. */
export default async function NewTaskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  await requirePageActor("task.create", "/tasks/new", params);
  const db = await getDb();
  const [assignees, links] = await Promise.all([listAssigneeChoices(db), listLinkChoices(db)]);
  const motionId = isUuid(params.motionId) && links.motions.some((m) => m.id === params.motionId) ? params.motionId : undefined;
  const policyId = isUuid(params.policyId) && links.policies.some((p) => p.id === params.policyId) ? params.policyId : undefined;
  const motion = links.motions.find((m) => m.id === motionId);
  return (
    <>
      <PageTitle lead="Assign work to a member of the Secretariat, with a due date.">New task</PageTitle>
      <p className="mb-4 text-sm">
        <Link href="/tasks" className="text-brand-700 underline">
          Back to tasks
        </Link>
      </p>
      <Card title="Task details">
        <CreateTaskForm
          assignees={assignees}
          policies={links.policies}
          motions={links.motions}
          defaults={{ motionId, policyId, title: motion ? `Follow up: ${motion.title}` : undefined }}
        />
      </Card>
    </>
  );
}
