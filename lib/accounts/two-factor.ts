import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import type { DB } from "@/db/client";
import { recoveryCodes, totpFactors, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { verifyPassword } from "@/lib/auth/password";
import { countAttempt, settleAttempt, throttleKeys } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { recordAccountEvent } from "./events";
import { disableTwoFactorSchema, totpCodeSchema } from "./schemas";
import { MFA_INVALID, MFA_REQUIRED, RECOVERY_CODE_COUNT } from "./vocabulary";

const PERIOD = 30;

function totpFor(secret: string, email: string): TOTP {
  return new TOTP({ issuer: "Pillars", label: email, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/**
 * The time step a code belongs to (RFC 6238, one step of clock drift either way), or null. The
 * caller stores the step, so a code cannot be used twice.
 */
function matchingStep(secret: string, email: string, code: string, now: Date): number | null {
  const delta = totpFor(secret, email).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** Records the step as used, only if it is later than the last one used: one statement, so a race cannot use a code twice. */
async function claimStep(db: DB, userId: string, step: number): Promise<boolean> {
  const updated = await db
    .update(totpFactors)
    .set({ lastStep: step })
    .where(and(eq(totpFactors.userId, userId), or(isNull(totpFactors.lastStep), sql`${totpFactors.lastStep} < ${step}`)))
    .returning({ userId: totpFactors.userId });
  return updated.length === 1;
}

const hashCode = (code: string) => createHash("sha256").update(normalizeRecoveryCode(code)).digest("base64url");
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The reader's two-factor state, for the security page. */
export async function getTwoFactorStatus(db: DB, actor: Actor | null) {
  const me = authorize(actor, "mfa.manage");
  const [factor] = await db.select().from(totpFactors).where(eq(totpFactors.userId, me.id));
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, me.id), isNull(recoveryCodes.usedAt)));
  if (factor?.enabledAt) return { enabled: true as const, enabledAt: factor.enabledAt, recoveryCodesLeft: left?.n ?? 0 };
  if (!factor) return { enabled: false as const, enrolment: null };
  const uri = totpFor(factor.secret, me.email).toString();
  return { enabled: false as const, enrolment: { secret: factor.secret, uri } };
}

/** Starts (or restarts) setting up an authenticator: a new secret, not yet in force. */
export async function startTwoFactorEnrolment(db: DB, actor: Actor | null): Promise<void> {
  const me = authorize(actor, "mfa.manage");
  const secret = new Secret({ size: 20 }).base32;
  const [factor] = await db.select({ enabledAt: totpFactors.enabledAt }).from(totpFactors).where(eq(totpFactors.userId, me.id));
  if (factor?.enabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
  await db
    .insert(totpFactors)
    .values({ userId: me.id, secret })
    .onConflictDoUpdate({ target: totpFactors.userId, set: { secret, lastStep: null, createdAt: new Date() }, where: isNull(totpFactors.enabledAt) });
}

/**
 * Turns two-factor sign-in on once the person proves their app with a valid code; returns the ten
 * recovery codes, shown this once (only their hashes are kept).
 */
export async function confirmTwoFactor(db: DB, actor: Actor | null, input: unknown, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const me = authorize(actor, "mfa.manage");
  const { code } = parseInput(totpCodeSchema, input);
  const [factor] = await db.select().from(totpFactors).where(eq(totpFactors.userId, me.id));
  if (!factor) throw new AppError("conflict", "Start setting up two-factor sign-in first.");
  if (factor.enabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
  const step = matchingStep(factor.secret, me.email, code, now);
  if (step === null)
    throw new AppError("invalid", "Check the highlighted fields.", {
      code: ["That code is not right; check your app's clock and try the current code."],
    });
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    const enabled = await tx
      .update(totpFactors)
      .set({ enabledAt: now, lastStep: step })
      .where(and(eq(totpFactors.userId, me.id), isNull(totpFactors.enabledAt), eq(totpFactors.secret, factor.secret)))
      .returning({ userId: totpFactors.userId });
    if (enabled.length !== 1) throw new AppError("conflict", "Two-factor sign-in changed meanwhile; reload the page.");
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, me.id));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: me.id, codeHash: hashCode(c) })));
    await recordAccountEvent(tx, {
      actorId: me.id,
      action: "mfa.enable",
      userId: me.id,
      notice: {
        title: "Two-factor sign-in is on",
        body: "Signing in to Pillars now asks for a code from your authenticator app.",
        href: "/account/security",
      },
    });
  });
  return { recoveryCodes: codes };
}

/** Turns two-factor sign-in off, given a current code or the account's password. */
export async function disableTwoFactor(db: DB, actor: Actor | null, input: unknown, now = new Date()): Promise<void> {
  const me = authorize(actor, "mfa.manage");
  const { code, password } = parseInput(disableTwoFactorSchema, input);
  const [factor] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, me.id), isNotNull(totpFactors.enabledAt)));
  if (!factor) throw new AppError("conflict", "Two-factor sign-in is not on.");
  let proven = false;
  if (code.trim()) {
    const step = matchingStep(factor.secret, me.email, code.replace(/\s+/g, ""), now);
    proven = step !== null && (await claimStep(db, me.id, step));
    if (!proven) throw new AppError("invalid", "Check the highlighted fields.", { code: ["That code is not right."] });
  } else {
    const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.id));
    proven = await verifyPassword(password, user!.passwordHash);
    if (!proven) throw new AppError("invalid", "Check the highlighted fields.", { password: ["That password is not right."] });
  }
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, me.id));
    await tx.delete(totpFactors).where(eq(totpFactors.userId, me.id));
    await recordAccountEvent(tx, {
      actorId: me.id,
      action: "mfa.disable",
      userId: me.id,
      notice: {
        title: "Two-factor sign-in is off",
        body: "Signing in to Pillars no longer asks for a code. If it was not you, tell an administrator at once.",
      },
    });
  });
}

export type SecondFactorVerdict = "ok" | typeof MFA_REQUIRED | typeof MFA_INVALID;

/**
 * The second step of signing in, after a correct password: nothing for an account without
 * two-factor; otherwise a current authenticator code, or one of the recovery codes (once each).
 * Wrong codes count against the same throttle as wrong passwords.
 */
export async function checkSecondFactor(db: DB, userId: string, code: string, ip: string, now = new Date()): Promise<SecondFactorVerdict> {
  const [factor] = await db
    .select({ secret: totpFactors.secret, email: users.email })
    .from(totpFactors)
    .innerJoin(users, eq(users.id, totpFactors.userId))
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.enabledAt)));
  if (!factor) return "ok";
  const typed = code.trim();
  if (!typed) return MFA_REQUIRED;
  // Counted and checked in one statement before the code is, like a password (lib/auth/throttle.ts).
  const keys = throttleKeys(`two-factor:${factor.email}`, ip);
  const verdict = await countAttempt(db, keys, now);
  if (!verdict.allowed) {
    throw new AppError(
      "throttled",
      `Too many wrong codes. Try again in ${verdict.retryAfterMinutes} minute${verdict.retryAfterMinutes === 1 ? "" : "s"}.`,
    );
  }
  let ok = false;
  if (/^\d{3}\s?\d{3}$/.test(typed)) {
    const step = matchingStep(factor.secret, factor.email, typed.replace(/\s/g, ""), now);
    ok = step !== null && (await claimStep(db, userId, step));
  } else if (normalizeRecoveryCode(typed).length === 10) {
    ok = await db.transaction(async (tx) => {
      const used = await tx
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashCode(typed)), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      if (used.length !== 1) return false;
      const [left] = await tx
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
      await recordAccountEvent(tx, {
        actorId: userId,
        action: "mfa.recoveryCodeUsed",
        userId,
        after: { recoveryCodesLeft: left?.n ?? 0 },
        notice: {
          title: "A recovery code was used to sign in",
          body: `You have ${left?.n ?? 0} recovery codes left. If it was not you, tell an administrator at once.`,
          href: "/account/security",
        },
      });
      return true;
    });
  }
  if (ok) await settleAttempt(db, keys, "succeeded");
  return ok ? "ok" : MFA_INVALID;
}
