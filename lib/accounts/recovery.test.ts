import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications, passwordResets } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { refusal } from "@/lib/testing/refusal";
import { findOpenResetLink, requestPasswordReset, resetPassword } from "./recovery";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

const tokenOf = (text: string) => /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
const NEW_PASSWORD = "harbour violet quartz thimble";

describe("forgot password", () => {
  it("a known address gets a one-hour link stored as a hash; an unknown one gets nothing and writes nothing", async () => {
    const before = await databaseFingerprint(t.db);
    expect(await requestPasswordReset(t.db, { email: "nobody.here@example.org" })).toEqual({ mail: null });
    expect(await databaseFingerprint(t.db)).toEqual(before);

    const { mail } = await requestPasswordReset(t.db, { email: " GOV3@example.org " });
    expect(mail!.to).toBe("gov3@example.org");
    expect(mail!.text).toContain("http://localhost:3000/reset-password/");
    const token = tokenOf(mail!.text);
    const rows = await t.db.select().from(passwordResets);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toBe(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(3_600_000);
    expect(await findOpenResetLink(t.db, token)).toEqual({ email: "gov3@example.org" });
  });

  it("the link sets a new password once: the old one fails, the link dies, an audit row and a notice follow", async () => {
    const { mail } = await requestPasswordReset(t.db, { email: "gov4@example.org" });
    const token = tokenOf(mail!.text);
    const gov4 = await t.actor("gov4@example.org");
    await resetPassword(t.db, { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(await checkCredentials(t.db, { email: "gov4@example.org", password: "pillars-demo", ip: "r1" })).toBeNull();
    expect(await checkCredentials(t.db, { email: "gov4@example.org", password: NEW_PASSWORD, ip: "r1" })).toBe(gov4.id);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.passwordReset"));
    expect(audit).toMatchObject({ actorId: gov4.id, entityType: "user", entityId: gov4.id });
    const notices = await t.db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, gov4.id));
    expect(notices.map((n) => n.title)).toContain("Your password was reset");

    const before = await databaseFingerprint(t.db);
    expect(await findOpenResetLink(t.db, token)).toBeNull();
    const again = await refusal(resetPassword(t.db, { token, password: "another fine passphrase", confirm: "another fine passphrase" }));
    expect(again.code).toBe("not_found");
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("an expired link, a weak password and a malformed link are refused, and nothing changes", async () => {
    const past = new Date(Date.now() - 61 * 60_000);
    const expired = tokenOf((await requestPasswordReset(t.db, { email: "psc1@example.org" }, past)).mail!.text);
    const fresh = tokenOf((await requestPasswordReset(t.db, { email: "psc2@example.org" })).mail!.text);
    const before = await databaseFingerprint(t.db);
    expect((await refusal(resetPassword(t.db, { token: expired, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).code).toBe("not_found");
    const weak = await refusal(resetPassword(t.db, { token: fresh, password: "aaaaaaaaaaaa", confirm: "aaaaaaaaaaaa" }));
    expect(weak.fieldErrors.password?.[0]).toMatch(/^This password is too easy to guess/);
    const own = await refusal(resetPassword(t.db, { token: fresh, password: "Sophie-Aebischer-77", confirm: "Sophie-Aebischer-77" }));
    expect(own.fieldErrors).toEqual({ password: ["Do not use your own name or email address in your password."] });
    const malformed = await refusal(resetPassword(t.db, { token: "x'; drop table users; --", password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    expect(malformed.fieldErrors.token).toEqual(["This link is not valid; ask for a new one."]);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("at most three links an hour per account; past that the same answer, and no row", async () => {
    for (let i = 0; i < 3; i++) expect((await requestPasswordReset(t.db, { email: "cso3@example.org" })).mail).not.toBeNull();
    const before = await databaseFingerprint(t.db);
    expect(await requestPasswordReset(t.db, { email: "cso3@example.org" })).toEqual({ mail: null });
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });
});
