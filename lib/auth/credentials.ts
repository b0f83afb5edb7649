import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { checkThrottle, recordAttempt } from "./throttle";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(3, "Enter your email address.").max(254).check(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});

// Verifying against a real hash even for unknown emails keeps response times alike, so timing does
// not reveal which accounts exist.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * Checks an email and password. Throws AppError("throttled") after too many failures for the account
 * or the address; returns the user id, or null for a wrong email or password.
 */
export async function checkCredentials(db: DB, input: { email: string; password: string; ip: string }): Promise<string | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const verdict = await checkThrottle(db, email, input.ip);
  if (!verdict.allowed) {
    throw new AppError(
      "throttled",
      `Too many failed sign-in attempts. Try again in ${verdict.retryAfterMinutes} minute${verdict.retryAfterMinutes === 1 ? "" : "s"}.`,
    );
  }
  const [user] = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email));
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  await recordAttempt(db, email, input.ip, ok && !!user);
  return ok && user ? user.id : null;
}
