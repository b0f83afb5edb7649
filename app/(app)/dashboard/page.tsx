import type { Metadata } from "next";
import { AdminPanel, CommentsAwaitingPanel, ConsultationsPanel, MotionsPanel, TasksPanel } from "@/components/dashboard/panels";
import { PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/page-access";
import { loadDashboard } from "@/lib/dashboard/queries";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requirePageActor("workspace.view", "/dashboard");
  const d = await loadDashboard(await getDb(), actor);
  const isRepresentativeOnly = !actor.roles.includes("director");
  return (
    <>
      <PageTitle lead={actor.pillarName ? `${actor.organizationName} · ${actor.pillarName}` : actor.organizationName}>
        Welcome, {actor.name}
        <span className="ml-3 block text-base font-medium text-slate-700 sm:inline">
          Signed in as {actor.roles.map((role) => ROLE_LABELS[role]).join(", ") || "a member without a role"}
        </span>
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        {d.motionsAwaiting ? <MotionsPanel items={d.motionsAwaiting} /> : null}
        {d.consultationsOpen ? (
          <ConsultationsPanel
            items={d.consultationsOpen}
            title={isRepresentativeOnly ? `Drafts open to ${actor.pillarName}` : "Open consultations"}
            empty={
              isRepresentativeOnly ? `No draft is open for comment by ${actor.pillarName} at the moment.` : "No consultation is open at the moment."
            }
          />
        ) : null}
        {d.myTasks ? <TasksPanel items={d.myTasks} /> : null}
        {d.commentsAwaiting ? <CommentsAwaitingPanel data={d.commentsAwaiting} /> : null}
        {d.admin ? <AdminPanel data={d.admin} /> : null}
      </div>
    </>
  );
}
