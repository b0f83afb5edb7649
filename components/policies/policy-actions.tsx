import Link from "next/link";
import type { PolicyStatus } from "@/lib/policies/vocabulary";
import { type Action, can, type Role } from "@/lib/auth/permissions";
import { changePolicyStatusAction, createVersionAction, finalizeVersionAction } from "@/lib/policies/actions";
import { acceptsNewVersions, policyMoveRefusal, type PolicyState } from "@/lib/policies/rules";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ActionButton } from "./action-button";

type Props = {
  roles: readonly Role[];
  policy: { id: string; slug: string; status: PolicyStatus };
  latest: { number: number; state: "draft" | "final" } | undefined;
  hasFinal: boolean;
  state: PolicyState;
};

const LINK = "rounded-md border border-slate-400 bg-white px-4 py-2 text-center text-sm font-semibold text-slate-900 hover:bg-slate-100";

/** The Secretariat's controls; each is enforced again by its server action. Irreversible acts ask for confirmation first. */
export function PolicyActions({ roles, policy, latest, hasFinal, state }: Props) {
  const may = (action: Action) => can(roles, action);
  const fields = { policyId: policy.id, slug: policy.slug };
  const finaliseRefusal = policyMoveRefusal("finalise_version", roles, state);
  const unanswered = state.unanswered > 0 && !state.unansweredReason;
  // The dialogs stay in place (unavailable) once their act is done, so its outcome stays on screen.
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
    latest?.state === "draft" && may("version.finalize") && finaliseRefusal ? (
      <p key="finalise-note" className="max-w-sm rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        <strong>Version {latest.number} cannot be made final yet.</strong> {finaliseRefusal}
      </p>
    ) : null,
    latest && may("version.finalize") ? (
      <ConfirmDialog
        key="finalise"
        available={latest.state === "draft" && !finaliseRefusal}
        action={finalizeVersionAction}
        fields={fields}
        label={`Make version ${latest.number} final…`}
        title={`Make version ${latest.number} final?`}
        consequences={`Version ${latest.number}'s text can never change again. Open comments follow their paragraph to it; those whose paragraph is gone or whose quoted words no longer appear are marked outdated.`}
        told="Nobody is notified now; the next consultation round tells the invited pillars."
        confirmLabel={`Make version ${latest.number} final`}
        variant="primary"
      />
    ) : null,
    latest?.state === "final" && acceptsNewVersions(policy.status) && may("version.create") ? (
      <ActionButton key="start-version" action={createVersionAction} fields={fields} label={`Start version ${latest.number + 1}`} />
    ) : null,
    hasFinal && may("consultation.open") && policyMoveRefusal("open_round", roles, state) === null ? (
      <Link key="consult" href={`/policies/${policy.slug}/consultations/new`} className={LINK}>
        {policy.status === "consultation" ? "Open the next consultation round" : "Open a consultation"}
      </Link>
    ) : null,
    may("policy.changeStatus") ? (
      <ConfirmDialog
        key="board_review"
        available={policy.status === "consultation" && !state.roundOpen}
        action={changePolicyStatusAction}
        fields={{ ...fields, status: "board_review" }}
        label="Send to board review…"
        title="Send the policy to board review?"
        consequences={
          unanswered
            ? `${state.unanswered} comment(s) of the last round have no answer. Record why they go to the board unanswered; the reason is shown with the register.`
            : "The board reviews the policy with the register of the last round; no further round opens unless the policy is returned to drafting."
        }
        told="The board sees it under policies in board review; nobody is notified."
        confirmLabel="Send to board review"
        variant="secondary"
        reason={unanswered ? { label: "Why these comments go unanswered", required: true } : undefined}
      />
    ) : null,
    policyMoveRefusal("return_to_drafting", roles, state) === null ? (
      <ActionButton
        key="draft"
        action={changePolicyStatusAction}
        fields={{ ...fields, status: "draft" }}
        label={policy.status === "rejected" ? "Back to drafting for a new round" : "Return to drafting"}
      />
    ) : null,
    may("policy.changeStatus") ? (
      <ConfirmDialog
        key="withdrawn"
        available={policyMoveRefusal("withdraw", roles, state) === null}
        action={changePolicyStatusAction}
        fields={{ ...fields, status: "withdrawn" }}
        label="Withdraw the policy…"
        title="Withdraw this policy?"
        consequences="The policy is withdrawn for good. Its open consultation closes at once and takes no more comments, and its draft and open motions are withdrawn with no result."
        told="The representatives of every pillar it was put out to, everyone who commented on it, and the directors on the roll of an open motion."
        confirmLabel="Withdraw the policy"
        reason={{ label: "Reason for withdrawing", hint: "Shown on the policy and in every notice.", required: true }}
      />
    ) : null,
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
