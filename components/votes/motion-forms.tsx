"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/errors";
import { castBallotAction, closeMotionEarlyAction, declareRecusalAction, openMotionAction } from "@/lib/votes/actions";
import { TextAreaField } from "@/components/ui/field";

function Feedback({ state }: { state: ActionState }) {
  if (!state) return null;
  return state.ok ? <Alert tone="success">{state.message}</Alert> : <Alert tone="error">{state.error}</Alert>;
}

const CHOICES = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "abstain", label: "Abstain" },
] as const;

/** The director's ballot; it may be changed until the motion closes. */
export function BallotForm({ motionId, current }: { motionId: string; current: string | null }) {
  const [state, action, pending] = useActionState(castBallotAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <Feedback state={state} />
      <input type="hidden" name="motionId" value={motionId} />
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">Your ballot</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {CHOICES.map((c) => (
            <label key={c.value} className="flex items-center gap-2">
              <input type="radio" name="choice" value={c.value} defaultChecked={current === c.value} required className="h-4 w-4" />
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

/** Declaring a conflict of interest takes the director off the roll; only before voting. */
export function RecusalForm({ motionId }: { motionId: string }) {
  const [state, action, pending] = useActionState(declareRecusalAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-3">
      <Feedback state={state} />
      <input type="hidden" name="motionId" value={motionId} />
      <TextAreaField label="Reason for the conflict of interest" name="reason" required errors={errors?.reason} rows={3} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Declare a conflict of interest
        </Button>
      </div>
    </form>
  );
}

/** A one-button form for the Chair: open a draft, or close a decided motion early. */
export function MotionButton({ motionId, kind }: { motionId: string; kind: "open" | "closeEarly" }) {
  const [state, action, pending] = useActionState(kind === "open" ? openMotionAction : closeMotionEarlyAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <Feedback state={state} />
      <input type="hidden" name="motionId" value={motionId} />
      <div>
        <Button type="submit" disabled={pending}>
          {kind === "open" ? "Open the motion for ballots" : "Close the motion now"}
        </Button>
      </div>
    </form>
  );
}
