"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { type ActionState, NOT_A_FORM, toActionError } from "@/lib/errors";
import { castBallot, closeMotionEarly, declareRecusal, draftMotion, openMotion } from "./commands";
import { saveRule, setDefaultRule } from "./rule-commands";

/** A form's result, with what was submitted so that a refused form keeps the user's input. */
export type FormState = (NonNullable<ActionState> & { values?: Record<string, string> }) | null;

function submitted(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")) as [string, string][]);
}

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

export async function draftMotionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  let id: string;
  try {
    ({ id } = await draftMotion(await getDb(), await currentActor(), {
      kind: field(formData, "kind"),
      title: field(formData, "title"),
      versionId: field(formData, "versionId") || null,
      resolutionText: field(formData, "resolutionText") || null,
      ruleId: field(formData, "ruleId") || null,
      closesAt: field(formData, "closesAt"),
    }));
  } catch (error) {
    return { ...toActionError(error), values: submitted(formData) };
  }
  revalidatePath("/votes");
  redirect(`/votes/${id}`);
}

/** One action for the buttons on a motion's page; each command checks its own permission. */
async function onMotion(formData: FormData, run: (motionId: string | undefined) => Promise<unknown>, message: string): Promise<ActionState> {
  const motionId = field(formData, "motionId");
  try {
    await run(motionId);
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(`/votes/${motionId}`);
  revalidatePath("/votes");
  return { ok: true, message };
}

export async function openMotionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  return onMotion(formData, async (motionId) => openMotion(await getDb(), await currentActor(), { motionId }), "The motion is open for ballots.");
}

export async function castBallotAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const choice = field(formData, "choice");
  return onMotion(formData, async (motionId) => castBallot(await getDb(), await currentActor(), { motionId, choice }), `Your ballot is recorded: ${choice}.`);
}

export async function declareRecusalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  return onMotion(
    formData,
    async (motionId) => declareRecusal(await getDb(), await currentActor(), { motionId, reason: field(formData, "reason") }),
    "Your conflict of interest is recorded; you are off the roll for this motion.",
  );
}

export async function closeMotionEarlyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  return onMotion(formData, async (motionId) => closeMotionEarly(await getDb(), await currentActor(), { motionId }), "The motion is closed.");
}

export async function saveRuleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await saveRule(await getDb(), await currentActor(), {
      ruleId: field(formData, "ruleId") || null,
      name: field(formData, "name"),
      description: field(formData, "description") ?? "",
      quorumMinTotal: field(formData, "quorumMinTotal") || undefined,
      quorumMinPerPillar: field(formData, "quorumMinPerPillar") || undefined,
      passMinYesTotal: field(formData, "passMinYesTotal") || undefined,
      passMinYesPerPillar: field(formData, "passMinYesPerPillar") || undefined,
      passMinYesShare: field(formData, "passMinYesShare") || undefined,
    });
  } catch (error) {
    return { ...toActionError(error), values: submitted(formData) };
  }
  revalidatePath("/admin/rules");
  return { ok: true, message: "Rule saved." };
}

export async function setDefaultRuleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  try {
    await setDefaultRule(await getDb(), await currentActor(), { ruleId: field(formData, "ruleId") });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/admin/rules");
  return { ok: true, message: "Default rule changed." };
}
