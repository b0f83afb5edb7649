import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { BUSY_MESSAGE, withSignInSlot } from "./sign-in-slots";
import { countAttempt, pruneBuckets, settleAttempt, throttleKeys } from "./throttle";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(3, "Enter your email address.").max(254).check(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});

// Verifying against a real hash even for unknown emails keeps response times alike, so timing does
// not reveal which accounts exist.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export const DEACTIVATED_MESSAGE = "This account has been deactivated. Ask an administrator if you need it again.";

let passwordChecks = 0;
/** How many passwords this process has checked against a hash: what the throttle and the slots bound. */
export function passwordChecksSoFar(): number {
  return passwordChecks;
}

/**
 * Checks an email and password from an address, in one of the server's few sign-in slots (AppError
 * "throttled" with a "try again shortly" message when none is free, before any work). In the slot,
 * the attempt is counted and checked against the throttle in one statement (AppError "throttled"
 * when over a limit), and only then is the password checked. Returns the user id, or null for a wrong email or password; a
 * deactivated account with the right password is refused with a message saying so.
 */
export async function checkCredentials(db: DB, input: { email: string; password: string; ip: string }): Promise<string | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, input.ip);
  // The slot is taken first, so that an attempt beyond the queue costs no database work at all.
  const checked = await withSignInSlot(async () => {
    const verdict = await countAttempt(db, keys);
    if (!verdict.allowed) return { throttled: verdict.retryAfterMinutes };
    const [user] = await db
      .select({ id: users.id, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.email, email));
    passwordChecks++;
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    return { user: ok && user ? user : null };
  });
  if (checked.busy) throw new AppError("throttled", BUSY_MESSAGE);
  if ("throttled" in checked.value) {
    const minutes = checked.value.throttled;
    throw new AppError("throttled", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = checked.value.user;
  await db.insert(loginAttempts).values({ email, ip: input.ip, succeeded: !!user && !user.deactivatedAt });
  if (!user) {
    if (Math.random() < 0.01) await pruneBuckets(db);
    return null;
  }
  await settleAttempt(db, keys, "succeeded");
  if (user.deactivatedAt) throw new AppError("forbidden", DEACTIVATED_MESSAGE);
  return user.id;
}
