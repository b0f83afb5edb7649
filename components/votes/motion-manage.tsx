"use client";

import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { chooseAmendmentAction, editMotionAction, proposeAmendmentAction, withdrawRecusalAction } from "@/lib/votes/actions";

type Draft = { id: string; kind: string; title: string; resolutionText: string | null; closesAt: string };

/** Editing a draft motion: its title, its resolution text (a resolution's) and its closing time. */
export function EditMotionForm({ motion, timeZone }: { motion: Draft; timeZone: string }) {
  const { state, action, pending, errors, value } = useForm(editMotionAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="motionId" value={motion.id} />
      <TextField id="edit-title" label="Title" name="title" required defaultValue={value("title", motion.title)} errors={errors.title} />
      {motion.kind === "resolution" ? (
        <TextAreaField
          id="edit-resolutionText"
          label="Resolution text"
          name="resolutionText"
          rows={5}
          defaultValue={value("resolutionText", motion.resolutionText ?? "")}
          errors={errors.resolutionText}
        />
      ) : null}
      <TextField
        id="edit-closesAt"
        label="Closing time"
        name="closesAt"
        type="datetime-local"
        required
        defaultValue={value("closesAt", motion.closesAt)}
        hint={`In ${timeZone} time.`}
        errors={errors.closesAt}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Save the draft
        </Button>
      </div>
    </form>
  );
}

/** A director's amendment: a new version of the motion's title and text, with the reason for it. */
export function AmendmentForm({ motion }: { motion: Draft }) {
  const { state, action, pending, errors, value } = useForm(proposeAmendmentAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="motionId" value={motion.id} />
      <TextField id="amend-title" label="Amended title" name="title" required defaultValue={value("title", motion.title)} errors={errors.title} />
      {motion.kind === "resolution" ? (
        <TextAreaField
          id="amend-resolutionText"
          label="Amended resolution text"
          name="resolutionText"
          rows={5}
          defaultValue={value("resolutionText", motion.resolutionText ?? "")}
          errors={errors.resolutionText}
        />
      ) : null}
      <TextAreaField
        id="amend-rationale"
        label="Why this amendment"
        name="rationale"
        required
        defaultValue={value("rationale")}
        errors={errors.rationale}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Propose the amendment
        </Button>
      </div>
    </form>
  );
}

/** The Chair chooses the version of the text put to the vote: as drafted, or one of the amendments. */
export function ChooseVersionForm({ motionId, versions, current }: { motionId: string; versions: { id: string; label: string }[]; current: string }) {
  const { state, action, pending, errors, value } = useForm(chooseAmendmentAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="motionId" value={motionId} />
      <fieldset aria-describedby={errors.amendmentId ? "amendmentId-error" : undefined}>
        <legend className="text-sm font-semibold text-slate-800">Version put to the vote</legend>
        <div className="mt-2 flex flex-col gap-2">
          {versions.map((v) => (
            <label key={v.id} className="flex items-center gap-2 text-sm">
              <input type="radio" name="amendmentId" value={v.id} defaultChecked={value("amendmentId", current) === v.id} className="h-4 w-4" />
              {v.label}
            </label>
          ))}
        </div>
        {errors.amendmentId ? (
          <p id="amendmentId-error" className="text-sm font-medium text-red-800">
            {errors.amendmentId.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Put this version to the vote
        </Button>
      </div>
    </form>
  );
}

/** Withdrawing one's own conflict of interest before the close. */
export function WithdrawRecusalButton({ motionId }: { motionId: string }) {
  const { state, action, pending } = useForm(withdrawRecusalAction);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="motionId" value={motionId} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Withdraw my conflict of interest
        </Button>
      </div>
    </form>
  );
}
