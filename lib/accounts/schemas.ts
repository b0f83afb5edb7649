import { z } from "zod";
import { PASSWORD_LENGTH } from "@/lib/auth/password-quality";
import { STORED_ROLES } from "@/lib/users/vocabulary";

const role = z.enum(STORED_ROLES, "Choose a valid role.");
const email = z.string().trim().toLowerCase().max(254, "That email address is too long.").check(z.email("Enter a valid email address."));

export const inviteSchema = z.object({
  name: z.string().trim().min(2, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  email,
  organizationId: z.uuid("Choose an organisation."),
  roles: z.array(role).max(STORED_ROLES.length).default([]),
});

export const invitationIdSchema = z.object({ invitationId: z.uuid("Unknown invitation.") });

const newPassword = z
  .string()
  .min(PASSWORD_LENGTH.min, `Use at least ${PASSWORD_LENGTH.min} characters.`)
  .max(PASSWORD_LENGTH.max, `Keep the password under ${PASSWORD_LENGTH.max} characters.`);

/** Choosing a password through a one-time link (an invitation or a reset). */
export const choosePasswordSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid; ask for a new one."),
    password: newPassword,
    confirm: z.string().max(PASSWORD_LENGTH.max),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ." });

export const forgotPasswordSchema = z.object({ email });

/** A six-digit authenticator code, spaces allowed. */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the six-digit code from your authenticator app.")),
});

/** Turning two-factor sign-in off: a current code, or the account's password. */
export const disableTwoFactorSchema = z
  .object({ code: z.string().max(20).default(""), password: z.string().max(PASSWORD_LENGTH.max).default("") })
  .refine((v) => v.code.trim() !== "" || v.password !== "", {
    path: ["code"],
    message: "Enter a code from your authenticator app, or your password.",
  });

export const requiredRolesSchema = z.object({
  roles: z
    .array(z.enum(["admin", "secretariat", "director", "chair", "representative"], "Choose a valid role."))
    .max(5)
    .default([]),
});
