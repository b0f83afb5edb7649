import type { Tx } from "@/db/client";
import { endUserSessions as endRecordedSessions } from "./sessions";

/** Ends every signed-in session of a user, in the caller's transaction: called when their password is reset. */
export async function endUserSessions(tx: Tx, userId: string): Promise<void> {
  await endRecordedSessions(tx, userId, "password_changed");
}
