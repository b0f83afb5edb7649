"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { type ActionState, NOT_A_FORM, toActionError } from "@/lib/errors";
import { deliverEmailsNow } from "@/lib/notifications/delivery";
import { assignSeat, designateOffice, endSeatTerm, vacateSeat } from "./commands";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/** Runs one seat command; on success refreshes the board and returns to the seat with a confirmation. */
async function runSeatCommand(formData: FormData, done: string, command: (seatId: string | undefined) => Promise<unknown>): Promise<ActionState> {
  const seatId = text(formData, "seatId");
  try {
    await command(seatId);
  } catch (error) {
    return toActionError(error);
  }
  // A new holder's notice committed with the change; its email goes out once the response is sent.
  after(() => deliverEmailsNow());
  revalidatePath("/board");
  revalidatePath("/admin/seats");
  redirect(`/admin/seats/${seatId}?done=${done}`);
}

export async function assignSeatAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  return runSeatCommand(formData, "assigned", async (seatId) =>
    assignSeat(await getDb(), await currentActor(), {
      seatId,
      holderId: text(formData, "holderId"),
      startsOn: text(formData, "startsOn"),
      endsOn: text(formData, "endsOn"),
    }),
  );
}

export async function endSeatTermAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  return runSeatCommand(formData, "ended", async (seatId) =>
    endSeatTerm(await getDb(), await currentActor(), { seatId, endedOn: text(formData, "endedOn"), reason: text(formData, "endReason") }),
  );
}

export async function vacateSeatAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  return runSeatCommand(formData, "vacated", async (seatId) =>
    vacateSeat(await getDb(), await currentActor(), { seatId, reason: text(formData, "vacateReason") }),
  );
}

export async function designateOfficeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  return runSeatCommand(formData, "office", async (seatId) =>
    designateOffice(await getDb(), await currentActor(), { seatId, office: text(formData, "office") }),
  );
}
