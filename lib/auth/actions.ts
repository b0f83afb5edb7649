"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { type ActionState, type FormValues, NOT_A_FORM, toActionError } from "@/lib/errors";
import { MFA_INVALID, MFA_REQUIRED } from "@/lib/accounts/vocabulary";
import { singleSignOn } from "@/lib/env";
import { parseInput } from "@/lib/validation";
import { signIn, signOut } from "./auth";
import { signInSchema } from "./credentials";
import { safeReturnPath } from "./return-to";

/**
 * Not written with `formAction`: Auth.js signs in by throwing a redirect, which must leave this
 * function untouched, and there is no acting user yet. A refusal keeps the email, never the password.
 */
export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const email = formData.get("email");
  const values: FormValues = typeof email === "string" ? { email } : {};
  let credentials: { email: string; password: string };
  try {
    credentials = parseInput(signInSchema, { email, password: formData.get("password") });
  } catch (error) {
    return { ...toActionError(error), values };
  }
  try {
    const code = formData.get("code");
    await signIn("credentials", { ...credentials, code: typeof code === "string" ? code : "", redirectTo: safeReturnPath(formData.get("returnTo")) });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js errors are ours to turn into messages.
    // The password was right and the account has two-factor sign-in: the form asks for the code.
    if (error instanceof CredentialsSignin && (error.code === MFA_REQUIRED || error.code === MFA_INVALID)) {
      const message = error.code === MFA_REQUIRED ? "Enter the code from your authenticator app." : "That code is not right.";
      return { ok: false, error: message, fieldErrors: { code: [message] }, values: { ...values, [MFA_REQUIRED]: "1" } };
    }
    if (error instanceof CredentialsSignin && error.code && error.code !== "credentials") {
      return { ok: false, error: error.code, values };
    }
    if (error instanceof AuthError) return { ok: false, error: "Wrong email or password.", values };
    throw error;
  }
  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** Starts single sign-on with the configured OpenID Connect provider, coming back to the return path. */
export async function signInWithSingleSignOnAction(formData: FormData): Promise<void> {
  if (!singleSignOn()) return;
  await signIn("oidc", { redirectTo: safeReturnPath(formData instanceof FormData ? formData.get("returnTo") : null) });
}
