"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { type ActionState, NOT_A_FORM, toActionError } from "@/lib/errors";
import { markNotificationsRead } from "./commands";

export async function markReadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const all = formData.get("all") === "1";
  let count = 0;
  try {
    count = await markNotificationsRead(await getDb(), await currentActor(), all ? { all: true } : { ids: formData.getAll("id") });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/", "layout");
  return { ok: true, message: count === 1 ? "1 notice marked as read." : `${count} notices marked as read.` };
}
