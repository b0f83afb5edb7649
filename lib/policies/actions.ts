"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { type ActionState, NOT_A_FORM, toActionError } from "@/lib/errors";
import { changePolicyStatus, createPolicy, createVersion, editDraft, finalizeVersion } from "./commands";

function slugOf(formData: FormData): string {
  const slug = String(formData.get("slug") ?? "");
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? slug : "";
}

export async function createPolicyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  let slug: string;
  try {
    ({ slug } = await createPolicy(await getDb(), await currentActor(), {
      title: formData.get("title"),
      slug: formData.get("slug") ?? "",
      category: formData.get("category"),
      bodyMd: formData.get("bodyMd"),
    }));
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/policies");
  redirect(`/policies/${slug}`);
}

export async function editDraftAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  let versionNumber: number;
  try {
    ({ versionNumber } = await editDraft(await getDb(), await currentActor(), {
      policyId: formData.get("policyId"),
      title: formData.get("title"),
      category: formData.get("category"),
      bodyMd: formData.get("bodyMd"),
      changeSummary: formData.get("changeSummary") ?? "",
    }));
  } catch (error) {
    return toActionError(error);
  }
  const slug = slugOf(formData);
  if (slug) revalidatePath(`/policies/${slug}`);
  return { ok: true, message: `Draft of version ${versionNumber} saved.` };
}

export async function createVersionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await createVersion(await getDb(), await currentActor(), { policyId: formData.get("policyId") });
  } catch (error) {
    return toActionError(error);
  }
  const slug = slugOf(formData);
  revalidatePath(`/policies/${slug}`);
  redirect(`/policies/${slug}/edit`);
}

export async function finalizeVersionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  let result: Awaited<ReturnType<typeof finalizeVersion>>;
  try {
    result = await finalizeVersion(await getDb(), await currentActor(), { policyId: formData.get("policyId") });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(`/policies/${slugOf(formData)}`);
  const moved = result.carried + result.outdated ? ` ${result.carried} open comment(s) carried forward, ${result.outdated} marked outdated.` : "";
  return { ok: true, message: `Version ${result.number} is final.${moved}` };
}

export async function changePolicyStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await changePolicyStatus(await getDb(), await currentActor(), { policyId: formData.get("policyId"), status: formData.get("status") });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(`/policies/${slugOf(formData)}`);
  revalidatePath("/policies");
  return { ok: true, message: "Status changed." };
}
