"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { assignSeatAction, designateOfficeAction, endSeatTermAction, vacateSeatAction } from "@/lib/board/actions";
import type { ActionState } from "@/lib/errors";
import { submitKeepingValues, useFieldValues } from "@/components/registry/use-field-values";

type Person = { id: string; name: string; email: string; organizationName: string; pillarName: string; seated: boolean };

function Problem({ state }: { state: ActionState }) {
  return state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null;
}

/** Field errors of one form, renamed to the form's own field names (names are unique on the page). */
function errorsOf(state: ActionState, map: Record<string, string>): Record<string, string[] | undefined> {
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return Object.fromEntries(Object.entries(map).map(([field, source]) => [field, fieldErrors[source]]));
}

export function AssignSeatForm({ seatId, people, today }: { seatId: string; people: Person[]; today: string }) {
  const [state, action, pending] = useActionState(assignSeatAction, null);
  const errors = errorsOf(state, { holderId: "holderId", startsOn: "startsOn", endsOn: "endsOn" });
  const pillars = [...new Set(people.map((p) => p.pillarName))];
  const bind = useFieldValues({ holderId: "", startsOn: today, endsOn: "" });
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4" noValidate>
      <Problem state={state} />
      <input type="hidden" name="seatId" value={seatId} />
      <SelectField label="Holder" {...bind("holderId")} errors={errors.holderId} hint="People are listed by their organisation's pillar.">
        <option value="" disabled>
          Choose a person
        </option>
        {pillars.map((pillar) => (
          <optgroup key={pillar} label={pillar}>
            {people
              .filter((p) => p.pillarName === pillar)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}, {p.organizationName}
                  {p.seated ? " (holds a seat)" : ""}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Term starts on" type="date" {...bind("startsOn")} errors={errors.startsOn} />
        <TextField label="Term ends on" type="date" {...bind("endsOn")} errors={errors.endsOn} hint="Leave empty for three years after the start." />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Assigning…" : "Assign holder"}
        </Button>
      </div>
    </form>
  );
}

export function EndTermForm({ seatId, today }: { seatId: string; today: string }) {
  const [state, action, pending] = useActionState(endSeatTermAction, null);
  const errors = errorsOf(state, { endedOn: "endedOn", endReason: "reason" });
  const bind = useFieldValues({ endedOn: today, endReason: "Term completed." });
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4" noValidate>
      <Problem state={state} />
      <input type="hidden" name="seatId" value={seatId} />
      <TextField label="Term ended on" type="date" {...bind("endedOn")} errors={errors.endedOn} />
      <TextField label="Reason for ending the term" {...bind("endReason")} errors={errors.endReason} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Ending…" : "End term"}
        </Button>
      </div>
    </form>
  );
}

export function VacateSeatForm({ seatId }: { seatId: string }) {
  const [state, action, pending] = useActionState(vacateSeatAction, null);
  const errors = errorsOf(state, { vacateReason: "reason" });
  const bind = useFieldValues({ vacateReason: "" });
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4" noValidate>
      <Problem state={state} />
      <input type="hidden" name="seatId" value={seatId} />
      <TextField label="Reason for vacating" {...bind("vacateReason")} hint="For example a resignation or a removal." errors={errors.vacateReason} />
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Vacating…" : "Vacate seat"}
        </Button>
      </div>
    </form>
  );
}

export function OfficeForm({ seatId, office }: { seatId: string; office: string | null }) {
  const [state, action, pending] = useActionState(designateOfficeAction, null);
  const errors = errorsOf(state, { office: "office" });
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4" noValidate>
      <Problem state={state} />
      <input type="hidden" name="seatId" value={seatId} />
      <SelectField label="Office" name="office" defaultValue={office ?? "none"} errors={errors.office} hint="Designating a Chair or Vice-chair moves the office from its current holder.">
        <option value="none">No office</option>
        <option value="chair">Chair</option>
        <option value="vice_chair">Vice-chair</option>
      </SelectField>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save office"}
        </Button>
      </div>
    </form>
  );
}
