"use server";

import { formAction } from "@/lib/actions/form-action";
import { createUser, setUserRoles } from "./commands";

export const createUserAction = formAction(
  ({ db, actor, input }) => createUser(db, actor, { ...input.pick("name", "email", "organizationId", "password"), roles: input.list("roles") }),
  () => ({ message: "Account created.", refresh: ["/admin/users"] }),
);

export const setUserRolesAction = formAction(
  ({ db, actor, input }) => setUserRoles(db, actor, { userId: input.text("userId"), roles: input.list("roles") }),
  () => ({ message: "Roles saved.", refresh: ["/admin/users"] }),
);
