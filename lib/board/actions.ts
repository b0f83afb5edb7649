"use server";

import { formAction, type FormInput } from "@/lib/actions/form-action";
import { assignSeat, designateOffice, endSeatTerm, vacateSeat } from "./commands";

/** After any seat change: the board and the seat list render afresh, and the seat's page confirms. */
const backToSeat = (input: FormInput, done: string) => ({
  refresh: ["/board", "/admin/seats"],
  redirectTo: `/admin/seats/${input.segment("seatId")}?done=${done}`,
});

export const assignSeatAction = formAction(
  ({ db, actor, input }) => assignSeat(db, actor, input.pick("seatId", "holderId", "startsOn", "endsOn")),
  (_result, input) => backToSeat(input, "assigned"),
);

export const endSeatTermAction = formAction(
  ({ db, actor, input }) => endSeatTerm(db, actor, { ...input.pick("seatId", "endedOn"), reason: input.text("endReason") }),
  (_result, input) => backToSeat(input, "ended"),
);

export const vacateSeatAction = formAction(
  ({ db, actor, input }) => vacateSeat(db, actor, { seatId: input.text("seatId"), reason: input.text("vacateReason") }),
  (_result, input) => backToSeat(input, "vacated"),
);

export const designateOfficeAction = formAction(
  ({ db, actor, input }) => designateOffice(db, actor, input.pick("seatId", "office")),
  (_result, input) => backToSeat(input, "office"),
);
