"use server";

import { formAction } from "@/lib/actions/form-action";
import { changePassword, endAllUserSessions, endOwnSession, endUserSession, setUserActive, signOutEverywhere, updateProfile } from "./account";
import { setUserRoles } from "./commands";

export const setUserRolesAction = formAction(
  ({ db, actor, input }) => setUserRoles(db, actor, { userId: input.text("userId"), roles: input.list("roles") }),
  () => ({ message: "Roles saved.", refresh: ["/admin/users"] }),
);

export const updateProfileAction = formAction(
  ({ db, actor, input }) => updateProfile(db, actor, input.pick("name", "timezone")),
  () => ({ message: "Profile saved.", refresh: [{ layout: "/" }] }),
);

export const changePasswordAction = formAction(
  ({ db, actor, input }) => changePassword(db, actor, input.pick("currentPassword", "newPassword", "confirmPassword")),
  ({ endedSessions }) => ({
    message: `Password changed.${endedSessions ? ` ${endedSessions} other session${endedSessions === 1 ? " was" : "s were"} signed out.` : ""}`,
    refresh: ["/account"],
  }),
);

export const endOwnSessionAction = formAction(
  ({ db, actor, input }) => endOwnSession(db, actor, { sessionId: input.text("sessionId") }),
  () => ({ message: "Session ended.", refresh: ["/account"] }),
);

export const signOutEverywhereAction = formAction(
  ({ db, actor }) => signOutEverywhere(db, actor),
  () => ({ redirectTo: "/login" }),
);

export const endUserSessionAction = formAction(
  ({ db, actor, input }) => endUserSession(db, actor, input.pick("userId", "sessionId")),
  (_, input) => ({ message: "Session ended.", refresh: [`/admin/users/${input.segment("userId")}`] }),
);

export const endAllUserSessionsAction = formAction(
  ({ db, actor, input }) => endAllUserSessions(db, actor, { userId: input.text("userId") }),
  ({ endedSessions }, input) => ({
    message: `${endedSessions} session${endedSessions === 1 ? "" : "s"} ended.`,
    refresh: [`/admin/users/${input.segment("userId")}`],
  }),
);

export const setUserActiveAction = formAction(
  ({ db, actor, input }) => setUserActive(db, actor, input.pick("userId", "active", "confirm")),
  (_, input) => ({
    message: input.text("active") === "true" ? "Account reactivated." : "Account deactivated; its sessions have ended.",
    refresh: [`/admin/users/${input.segment("userId")}`, "/admin/users"],
  }),
);
