import { z } from "zod";
import { STORED_ROLES } from "@/lib/users/vocabulary";

const role = z.enum(STORED_ROLES, "Choose a valid role.");

export const setUserRolesSchema = z.object({
  userId: z.uuid("Unknown user."),
  roles: z.array(role).max(STORED_ROLES.length),
});
