"use client";

import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { castBallotAction, declareRecusalAction } from "@/lib/votes/actions";

const CHOICES = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "abstain", label: "Abstain" },
] as const;

/** The director's ballot; it may be changed until the motion closes. */
export function BallotForm({ motionId, current }: { motionId: string; current: string | null }) {
  const { state, action, pending, value } = useForm(castBallotAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="motionId" value={motionId} />
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">Your ballot</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {CHOICES.map((c) => (
            <label key={c.value} className="flex items-center gap-2">
              <input
                type="radio"
                name="choice"
                value={c.value}
                defaultChecked={value("choice", current ?? "") === c.value}
                required
                className="h-4 w-4"
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {current ? "Change my ballot" : "Cast my ballot"}
        </Button>
      </div>
    </form>
  );
}

/** Declaring a conflict of interest takes the director off the roll; a ballot already cast is set aside. */
export function RecusalForm({ motionId }: { motionId: string }) {
  const { state, action, pending, errors, value } = useForm(declareRecusalAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="motionId" value={motionId} />
      <TextAreaField
        label="Reason for the conflict of interest"
        name="reason"
        required
        defaultValue={value("reason")}
        errors={errors.reason}
        rows={3}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Declare a conflict of interest
        </Button>
      </div>
    </form>
  );
}
