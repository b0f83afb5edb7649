import { z } from "zod";
import { PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password-quality";
import { STORED_ROLES } from "@/lib/users/vocabulary";

const role = z.enum(STORED_ROLES, "Choose a valid role.");

export const createUserSchema = z
  .object({
    name: z.string().trim().min(2, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
    email: z.string().trim().toLowerCase().max(254, "That email address is too long.").check(z.email("Enter a valid email address.")),
    organizationId: z.uuid("Choose an organisation."),
    roles: z.array(role).max(STORED_ROLES.length).default([]),
    password: z
      .string()
      .min(PASSWORD_LENGTH.min, `Use at least ${PASSWORD_LENGTH.min} characters for the initial password.`)
      .max(PASSWORD_LENGTH.max, `Keep the password under ${PASSWORD_LENGTH.max} characters.`),
  })
  .superRefine((value, ctx) => {
    // The strength rule needs the name and email, so it runs on the whole input.
    const problem = passwordProblem(value.password, value);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setUserRolesSchema = z.object({
  userId: z.uuid("Unknown user."),
  roles: z.array(role).max(STORED_ROLES.length),
});
