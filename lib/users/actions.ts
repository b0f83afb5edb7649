"use server";

import { formAction } from "@/lib/actions/form-action";
import { setUserRoles } from "./commands";

export const setUserRolesAction = formAction(
  ({ db, actor, input }) => setUserRoles(db, actor, { userId: input.text("userId"), roles: input.list("roles") }),
  () => ({ message: "Roles saved.", refresh: ["/admin/users"] }),
);
