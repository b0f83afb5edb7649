"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { type ActionState, NOT_A_FORM, toActionError } from "@/lib/errors";
import { createUser, setUserRoles } from "./commands";

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await createUser(await getDb(), await currentActor(), {
      name: formData.get("name"),
      email: formData.get("email"),
      organizationId: formData.get("organizationId"),
      password: formData.get("password"),
      roles: formData.getAll("roles"),
    });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/admin/users");
  return { ok: true, message: "Account created." };
}

export async function setUserRolesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await setUserRoles(await getDb(), await currentActor(), { userId: formData.get("userId"), roles: formData.getAll("roles") });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/admin/users");
  return { ok: true, message: "Roles saved." };
}
