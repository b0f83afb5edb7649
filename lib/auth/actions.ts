"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signInSchema } from "./credentials";
import { signIn, signOut } from "./auth";
import { type ActionState, NOT_A_FORM } from "@/lib/errors";

/** Only same-site paths may be returned to after sign-in. */
function safeReturnPath(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return /^\/(?![/\\])[\w\-./?=&%]*$/.test(path) && !path.startsWith("/login") ? path : "/dashboard";
}

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    return { ok: false, error: "Check the highlighted fields.", fieldErrors: parsed.error.flatten().fieldErrors };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(formData.get("returnTo")) });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js errors are ours to turn into messages.
    if (error instanceof CredentialsSignin && error.code && error.code !== "credentials") {
      return { ok: false, error: error.code };
    }
    if (error instanceof AuthError) return { ok: false, error: "Wrong email or password." };
    throw error;
  }
  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
