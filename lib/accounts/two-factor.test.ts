import { and, eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, recoveryCodes, totpFactors } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { refusal } from "@/lib/testing/refusal";
import { loadActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { checkSecondFactor, confirmTwoFactor, disableTwoFactor, getTwoFactorStatus, startTwoFactorEnrolment } from "./two-factor";
import { getTwoFactorRequiredRoles, setTwoFactorRequiredRoles } from "./two-factor-policy";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

const code = (secret: string, at = Date.now()) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

async function enrol(email: string) {
  const actor = await t.actor(email);
  await startTwoFactorEnrolment(t.db, actor);
  const status = await getTwoFactorStatus(t.db, actor);
  if (status.enabled || !status.enrolment) throw new Error("expected an enrolment");
  return { actor, secret: status.enrolment.secret, uri: status.enrolment.uri };
}

const actions = async (userId: string) =>
  (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, userId))).map((r) => r.action);

describe("two-factor sign-in", () => {
  it("turns on only with a valid code, then asks every sign-in for a code that works once", async () => {
    const { actor, secret, uri } = await enrol("cso2@example.org");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Pillars:cso2%40example\.org\?issuer=Pillars&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/);
    // Not in force before it is confirmed.
    expect(await checkSecondFactor(t.db, actor.id, "", "ip1")).toBe("ok");

    const before = await databaseFingerprint(t.db);
    const wrong = await refusal(confirmTwoFactor(t.db, actor, { code: code(secret, Date.now() - 10 * 60_000) }));
    expect(wrong.fieldErrors.code).toEqual(["That code is not right; check your app's clock and try the current code."]);
    expect((await refusal(confirmTwoFactor(t.db, actor, { code: "12ab56" }))).fieldErrors.code).toEqual([
      "Enter the six-digit code from your authenticator app.",
    ]);
    expect(await databaseFingerprint(t.db)).toEqual(before);

    const now = Date.now();
    const { recoveryCodes: codes } = await confirmTwoFactor(t.db, actor, { code: code(secret, now) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await t.db.select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.map((s) => s.hash)).not.toContain(c);
    expect(await actions(actor.id)).toContain("mfa.enable");

    expect(await checkSecondFactor(t.db, actor.id, "", "ip1")).toBe("mfa_required");
    // The code that turned it on is spent; the next step's works once.
    expect(await checkSecondFactor(t.db, actor.id, code(secret, now), "ip1")).toBe("mfa_invalid");
    const next = code(secret, now + 30_000);
    expect(await checkSecondFactor(t.db, actor.id, next, "ip1")).toBe("ok");
    expect(await checkSecondFactor(t.db, actor.id, next, "ip1")).toBe("mfa_invalid");

    // A recovery code works once, whatever its case and dashes, and says how many are left.
    expect(await checkSecondFactor(t.db, actor.id, codes[3]!.toUpperCase().replace("-", " "), "ip1")).toBe("ok");
    expect(await checkSecondFactor(t.db, actor.id, codes[3]!, "ip1")).toBe("mfa_invalid");
    const [used] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, actor.id), eq(auditLog.action, "mfa.recoveryCodeUsed")));
    expect(used!.after).toEqual({ recoveryCodesLeft: 9 });
    expect(await getTwoFactorStatus(t.db, actor)).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
  });

  it("wrong codes are throttled like wrong passwords", async () => {
    const { actor, secret } = await enrol("cso3@example.org");
    await confirmTwoFactor(t.db, actor, { code: code(secret) });
    for (let i = 0; i < 5; i++) expect(await checkSecondFactor(t.db, actor.id, "000000", "ip2")).toBe("mfa_invalid");
    const throttled = await refusal(checkSecondFactor(t.db, actor.id, code(secret, Date.now() + 30_000), "ip2"));
    expect(throttled.code).toBe("throttled");
    expect(throttled.message).toMatch(/^Too many wrong codes\. Try again in \d+ minutes?\.$/);
  });

  it("turning it off asks for a code or the password; wrong state and bad proof change nothing", async () => {
    const { actor, secret } = await enrol("psc3@example.org");
    const before = await databaseFingerprint(t.db);
    // Wrong state: not on yet.
    expect((await refusal(disableTwoFactor(t.db, actor, { password: "pillars-demo" }))).code).toBe("conflict");
    expect(await databaseFingerprint(t.db)).toEqual(before);
    await confirmTwoFactor(t.db, actor, { code: code(secret) });
    expect((await refusal(startTwoFactorEnrolment(t.db, actor))).code).toBe("conflict");
    expect((await refusal(confirmTwoFactor(t.db, actor, { code: code(secret) }))).code).toBe("conflict");
    const on = await databaseFingerprint(t.db);
    expect((await refusal(disableTwoFactor(t.db, actor, {}))).fieldErrors.code).toEqual([
      "Enter a code from your authenticator app, or your password.",
    ]);
    expect((await refusal(disableTwoFactor(t.db, actor, { password: "not-the-password" }))).fieldErrors.password).toEqual([
      "That password is not right.",
    ]);
    expect((await refusal(disableTwoFactor(t.db, actor, { code: "000000" }))).fieldErrors.code).toEqual(["That code is not right."]);
    expect(await databaseFingerprint(t.db)).toEqual(on);
    await disableTwoFactor(t.db, actor, { password: "pillars-demo" });
    expect(await t.db.select().from(totpFactors).where(eq(totpFactors.userId, actor.id))).toEqual([]);
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, actor.id))).toEqual([]);
    expect(await checkSecondFactor(t.db, actor.id, "", "ip3")).toBe("ok");
    expect(await actions(actor.id)).toEqual(["mfa.enable", "mfa.disable"]);
  });

  it("an administrator requires it for chosen roles: people of those roles without it may only set it up", async () => {
    const admin = await t.actor("admin@example.org");
    const secretariat = await t.actor("secretariat@example.org");
    const before = await databaseFingerprint(t.db);
    expect((await refusal(setTwoFactorRequiredRoles(t.db, secretariat, { roles: ["director"] }))).code).toBe("forbidden");
    expect((await refusal(setTwoFactorRequiredRoles(t.db, admin, { roles: ["emperor"] }))).code).toBe("invalid");
    expect(await databaseFingerprint(t.db)).toEqual(before);
    expect(await getTwoFactorRequiredRoles(t.db, admin)).toEqual([]);

    expect(await setTwoFactorRequiredRoles(t.db, admin, { roles: ["chair", "director", "director"] })).toEqual(["director", "chair"]);
    const gov2 = (await loadActor(t.db, (await t.actor("gov2@example.org")).id))!;
    expect(gov2.mustEnrolTwoFactor).toBe(true);
    expect((await refusal(Promise.resolve().then(() => authorize(gov2, "ballot.cast")))).message).toBe(
      "Turn on two-factor sign-in first (Security): your role requires it.",
    );
    expect(authorize(gov2, "mfa.manage").id).toBe(gov2.id);
    // cso2 turned it on in the first story; a representative's role is not concerned.
    expect((await loadActor(t.db, (await t.actor("cso2@example.org")).id))!.mustEnrolTwoFactor).toBeUndefined();
    expect((await loadActor(t.db, (await t.actor("rep.gov@example.org")).id))!.mustEnrolTwoFactor).toBeUndefined();

    await setTwoFactorRequiredRoles(t.db, admin, { roles: [] });
    expect((await loadActor(t.db, gov2.id))!.mustEnrolTwoFactor).toBeUndefined();
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "setting.twoFactorRequiredRoles"));
    expect(audit.map((a) => a.after)).toEqual([{ roles: ["director", "chair"] }, { roles: [] }]);
  });
});
