import { z } from "zod";
import { STORED_ROLES } from "@/lib/users/vocabulary";

const role = z.enum(STORED_ROLES, "Choose a valid role.");

export const createUserSchema = z.object({
  name: z.string().trim().min(2, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  email: z.string().trim().toLowerCase().max(254, "That email address is too long.").check(z.email("Enter a valid email address.")),
  organizationId: z.uuid("Choose an organisation."),
  roles: z.array(role).max(STORED_ROLES.length).default([]),
  password: z.string().min(12, "Use at least 12 characters for the initial password.").max(200, "Keep the password under 200 characters."),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setUserRolesSchema = z.object({
  userId: z.uuid("Unknown user."),
  roles: z.array(role).max(STORED_ROLES.length),
});
