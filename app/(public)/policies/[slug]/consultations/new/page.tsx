import type { Metadata } from "next";
import Link from "next/link";
import { OpenConsultationForm } from "@/components/consultations/open-consultation-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { loadPageItem, requirePageActor } from "@/lib/auth/page-access";
import { toLocalInput } from "@/lib/time";
import { listPillars } from "@/lib/consultations/queries";
import { listFinalVersions, loadReadablePolicy } from "@/lib/policies/queries";
import { getTimezone } from "@/lib/settings";
import { policyMoveRefusal } from "@/lib/policies/rules";
import { policyStateOf } from "@/lib/policies/state";

export const metadata: Metadata = { title: "Open a consultation" };

const DAY = 24 * 60 * 60 * 1000;

export default async function NewConsultationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requirePageActor("consultation.open", `/policies/${slug}/consultations/new`);
  const db = await getDb();
  const { policy, versions, refusal } = await loadPageItem(async () => {
    const policy = await loadReadablePolicy(db, actor, slug);
    const refusal = policyMoveRefusal("open_round", actor.roles, await policyStateOf(db, policy));
    // A new round consults on the latest final version.
    return { policy, versions: (await listFinalVersions(db, actor, policy.id)).slice(0, 1), refusal };
  });
  const [pillars, timeZone] = await Promise.all([listPillars(db), getTimezone(db)]);
  const now = new Date();
  return (
    <>
      <PageTitle
        lead={
          <Link className="text-brand-700 underline" href={`/policies/${policy.slug}`}>
            Back to {policy.title}
          </Link>
        }
      >
        {policy.status === "consultation" ? "Open the next consultation round" : "Open a consultation"}
      </PageTitle>
      {refusal ? (
        <Alert>{refusal}</Alert>
      ) : versions.length === 0 ? (
        <Alert>Make a version final before putting it out for consultation.</Alert>
      ) : (
        <Card title="Consultation">
          <OpenConsultationForm
            policy={{ id: policy.id, slug: policy.slug }}
            versions={versions}
            pillars={pillars}
            timeZone={timeZone}
            defaults={{ opensAt: toLocalInput(now, timeZone), closesAt: toLocalInput(new Date(now.getTime() + 28 * DAY), timeZone) }}
          />
        </Card>
      )}
    </>
  );
}
