import Link from "next/link";
import type { PolicyStatus } from "@/lib/policies/vocabulary";
import { type Action, can, type Role } from "@/lib/auth/permissions";
import { changePolicyStatusAction, createVersionAction, finalizeVersionAction } from "@/lib/policies/actions";
import { acceptsNewVersions, secretariatMoves } from "@/lib/policies/rules";
import { ActionButton } from "./action-button";

type Props = {
  roles: readonly Role[];
  policy: { id: string; slug: string; status: PolicyStatus };
  latest: { number: number; state: "draft" | "final" } | undefined;
  hasFinal: boolean;
};

const MOVE_LABELS: Partial<Record<PolicyStatus, string>> = { board_review: "Send to board review", withdrawn: "Withdraw the policy" };

/** The Secretariat's controls; each is enforced again by its server action. */
export function PolicyActions({ roles, policy, latest, hasFinal }: Props) {
  const may = (action: Action) => can(roles, action);
  const fields = { policyId: policy.id, slug: policy.slug };
  const moves = may("policy.changeStatus") ? secretariatMoves(policy.status) : [];
  // Finalising and starting the next version share a slot (and key), so the outcome of one stays
  // on screen when the other takes its place.
  const items = [
    latest?.state === "draft" && may("policy.editDraft") ? (
      <Link
        key="edit"
        href={`/policies/${policy.slug}/edit`}
        className="rounded-md bg-brand-700 px-4 py-2 text-center text-sm font-semibold text-white hover:bg-brand-800"
      >
        Edit draft version {latest.number}
      </Link>
    ) : null,
    latest?.state === "draft" && may("version.finalize") ? (
      <ActionButton key="version-step" action={finalizeVersionAction} fields={fields} label={`Make version ${latest.number} final`} />
    ) : null,
    latest?.state === "final" && acceptsNewVersions(policy.status) && may("version.create") ? (
      <ActionButton key="version-step" action={createVersionAction} fields={fields} label={`Start version ${latest.number + 1}`} />
    ) : null,
    policy.status === "draft" && hasFinal && may("consultation.open") ? (
      <Link
        key="consult"
        href={`/policies/${policy.slug}/consultations/new`}
        className="rounded-md border border-slate-400 bg-white px-4 py-2 text-center text-sm font-semibold text-slate-900 hover:bg-slate-100"
      >
        Open a consultation
      </Link>
    ) : null,
    ...moves.map((status) => (
      <ActionButton
        key={status}
        action={changePolicyStatusAction}
        fields={{ ...fields, status }}
        label={MOVE_LABELS[status] ?? status}
        variant={status === "withdrawn" ? "danger" : "secondary"}
      />
    )),
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="secretariat-actions" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="secretariat-actions" className="mb-3 text-base font-semibold">
        Secretariat
      </h2>
      <div className="flex flex-wrap items-start gap-3">{items}</div>
    </section>
  );
}
