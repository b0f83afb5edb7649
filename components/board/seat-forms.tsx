"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { assignSeatAction, designateOfficeAction, endSeatTermAction, vacateSeatAction } from "@/lib/board/actions";

type Person = { id: string; name: string; email: string; organizationName: string; pillarName: string; seated: boolean };

export function AssignSeatForm({ seatId, people, today }: { seatId: string; people: Person[]; today: string }) {
  const { state, action, pending, errors, value } = useForm(assignSeatAction);
  const pillars = [...new Set(people.map((p) => p.pillarName))];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="seatId" value={seatId} />
      <SelectField
        label="Holder"
        name="holderId"
        defaultValue={value("holderId")}
        errors={errors.holderId}
        hint="People are listed by their organisation's pillar."
      >
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
        <TextField label="Term starts on" name="startsOn" type="date" defaultValue={value("startsOn", today)} errors={errors.startsOn} />
        <TextField
          label="Term ends on"
          name="endsOn"
          type="date"
          defaultValue={value("endsOn")}
          errors={errors.endsOn}
          hint="Leave empty for three years after the start."
        />
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
  const { state, action, pending, errors, value } = useForm(endSeatTermAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="seatId" value={seatId} />
      <TextField label="Term ended on" name="endedOn" type="date" defaultValue={value("endedOn", today)} errors={errors.endedOn} />
      <TextField label="Reason for ending the term" name="endReason" defaultValue={value("endReason", "Term completed.")} errors={errors.reason} />
      <div>
        <ConfirmSubmit
          label="End term…"
          title="End this term?"
          consequences="The holder leaves the seat on the date given and loses the director's role at once; the seat is vacant until a new holder is assigned. On open motions, a holder who has not voted leaves the roll and the next holder votes for the seat; a ballot already cast stays."
          told="Nobody is notified; the change shows on the board page and in the audit log."
          confirmLabel="End the term"
          pending={pending}
          variant="secondary"
        />
      </div>
    </form>
  );
}

export function VacateSeatForm({ seatId }: { seatId: string }) {
  const { state, action, pending, errors, value } = useForm(vacateSeatAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="seatId" value={seatId} />
      <TextField
        label="Reason for vacating"
        name="vacateReason"
        defaultValue={value("vacateReason")}
        hint="For example a resignation or a removal."
        errors={errors.reason}
      />
      <div>
        <ConfirmSubmit
          label="Vacate seat…"
          title="Vacate this seat today?"
          consequences="The holder leaves the seat today and loses the director's role at once; the seat is vacant until a new holder is assigned. On open motions, a holder who has not voted leaves the roll and the next holder votes for the seat; a ballot already cast stays."
          told="Nobody is notified; the change shows on the board page and in the audit log."
          confirmLabel="Vacate the seat"
          pending={pending}
        />
      </div>
    </form>
  );
}

export function OfficeForm({ seatId, office }: { seatId: string; office: string | null }) {
  const { state, action, pending, errors, value } = useForm(designateOfficeAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="seatId" value={seatId} />
      <SelectField
        label="Office"
        name="office"
        defaultValue={value("office", office ?? "none")}
        errors={errors.office}
        hint="Designating a Chair or Vice-chair moves the office from its current holder."
      >
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
