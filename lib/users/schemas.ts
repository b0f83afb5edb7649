import { z } from "zod";
import { PASSWORD_LENGTH } from "@/lib/auth/password-quality";
import { STORED_ROLES } from "@/lib/users/vocabulary";

const role = z.enum(STORED_ROLES, "Choose a valid role.");

export const setUserRolesSchema = z.object({
  userId: z.uuid("Unknown user."),
  roles: z.array(role).max(STORED_ROLES.length),
});

const uuid = (message: string) => z.uuid(message);

/** An IANA timezone the runtime knows, such as Europe/Zurich; empty means "the organisation's". */
const timezone = z
  .string()
  .trim()
  .max(64, "Choose a timezone from the list.")
  .refine((zone) => zone === "" || isKnownTimezone(zone), "Choose a timezone from the list.")
  .transform((zone) => zone || null);

function isKnownTimezone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const updateProfileSchema = z.object({
  name: z.string().trim().min(2, "Enter your name.").max(120, "Keep the name under 120 characters."),
  timezone: timezone.optional().transform((zone) => zone ?? null),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_LENGTH.max, "That password is too long."),
    newPassword: z
      .string()
      .min(PASSWORD_LENGTH.min, `Use at least ${PASSWORD_LENGTH.min} characters.`)
      .max(PASSWORD_LENGTH.max, `Keep the password under ${PASSWORD_LENGTH.max} characters.`),
    confirmPassword: z.string().max(PASSWORD_LENGTH.max, "That password is too long."),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password other than your current one.",
  });

export const sessionIdSchema = z.object({ sessionId: uuid("Unknown session.") });
export const userSessionSchema = z.object({ userId: uuid("Unknown user."), sessionId: uuid("Unknown session.") });
export const userIdSchema = z.object({ userId: uuid("Unknown user.") });

export const setUserActiveSchema = z.object({
  userId: uuid("Unknown user."),
  active: z.enum(["true", "false"], "Choose whether the account is active.").transform((value) => value === "true"),
  confirm: z.literal("yes", "Tick the box to confirm."),
});
