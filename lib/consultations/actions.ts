"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { type ActionState, NOT_A_FORM, toActionError } from "@/lib/errors";
import { deliverEmailsNow } from "@/lib/notifications/delivery";
import { answerComment, closeConsultation, createComment, openConsultation } from "./commands";

/** Notices commit with the change; their emails go out once the response is sent. */
function sendEmailsAfterCommit() {
  after(() => deliverEmailsNow());
}

function slugOf(formData: FormData): string {
  const slug = String(formData.get("slug") ?? "");
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? slug : "";
}

function consultationPath(formData: FormData): string {
  return `/policies/${slugOf(formData)}/consultations/${String(formData.get("consultationId") ?? "").replace(/[^0-9a-f-]/gi, "")}`;
}

export async function openConsultationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  let id: string;
  try {
    ({ id } = await openConsultation(await getDb(), await currentActor(), {
      policyId: formData.get("policyId"),
      versionId: formData.get("versionId"),
      opensAt: formData.get("opensAt") ?? "",
      closesAt: formData.get("closesAt") ?? "",
      pillarIds: formData.getAll("pillarIds"),
    }));
  } catch (error) {
    return toActionError(error);
  }
  sendEmailsAfterCommit();
  const slug = slugOf(formData);
  revalidatePath(`/policies/${slug}`);
  redirect(`/policies/${slug}/consultations/${id}`);
}

export async function closeConsultationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await closeConsultation(await getDb(), await currentActor(), { consultationId: formData.get("consultationId") });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(consultationPath(formData));
  return { ok: true, message: "The consultation is closed." };
}

export async function createCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await createComment(await getDb(), await currentActor(), {
      consultationId: formData.get("consultationId"),
      paragraphKey: formData.get("paragraphKey"),
      quote: formData.get("quote") ?? "",
      body: formData.get("body"),
      parentId: formData.get("parentId") ?? "",
    });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(consultationPath(formData));
  return { ok: true, message: formData.get("parentId") ? "Reply posted." : "Comment posted." };
}

export async function answerCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await answerComment(await getDb(), await currentActor(), {
      commentId: formData.get("commentId"),
      status: formData.get("status"),
      response: formData.get("response") ?? "",
    });
  } catch (error) {
    return toActionError(error);
  }
  sendEmailsAfterCommit();
  revalidatePath(`${consultationPath(formData)}/register`);
  return { ok: true, message: "Answer saved." };
}
