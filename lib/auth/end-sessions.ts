import type { Tx } from "@/db/client";

/**
 * Ends every signed-in session of a user, in the caller's transaction: called when their password is
 * reset. Sessions are JSON Web Tokens until they are recorded server-side; this is the one place that
 * will revoke the recorded ones.
 */
export async function endUserSessions(tx: Tx, userId: string): Promise<void> {
  // Nothing is recorded server-side yet: a JWT session lasts until it expires.
  void tx;
  void userId;
}
