"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { type ActionState, NOT_A_FORM, toActionError } from "@/lib/errors";
import { changeOrganizationStatus, createOrganization, updateOrganization } from "./commands";

const fields = (formData: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]));
const DETAILS = ["name", "country", "website", "certificationStandard", "certificationExpiresOn"];

export async function createOrganizationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  let slug: string;
  try {
    ({ slug } = await createOrganization(await getDb(), await currentActor(), fields(formData, [...DETAILS, "slug", "pillarId"])));
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/registry");
  redirect(`/admin/organizations/${slug}?done=created`);
}

export async function updateOrganizationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await updateOrganization(await getDb(), await currentActor(), fields(formData, [...DETAILS, "organizationId"]));
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/registry");
  revalidatePath("/admin/organizations");
  return { ok: true, message: "Details saved." };
}

export async function changeStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const slug = String(formData.get("slug") ?? "");
  try {
    await changeOrganizationStatus(await getDb(), await currentActor(), {
      organizationId: formData.get("organizationId"),
      toStatus: formData.get("toStatus"),
      reason: formData.get("statusReason"),
      effectiveOn: formData.get("effectiveOn"),
    });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/registry");
  revalidatePath("/admin/organizations");
  redirect(`/admin/organizations/${encodeURIComponent(slug)}?done=status`);
}
