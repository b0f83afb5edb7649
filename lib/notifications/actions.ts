"use server";

import { formAction } from "@/lib/actions/form-action";
import { markNotificationsRead } from "./commands";

export const markReadAction = formAction(
  ({ db, actor, input }) => markNotificationsRead(db, actor, input.text("all") === "1" ? { all: true } : { ids: input.list("id") }),
  (count) => ({
    message: count === 1 ? "1 notice marked as read." : `${count} notices marked as read.`,
    // The header's unread count is on every page.
    refresh: [{ layout: "/" }],
  }),
);
