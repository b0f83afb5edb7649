import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations, notifications, organizations, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { checkCredentials } from "@/lib/auth/credentials";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { refusal } from "@/lib/testing/refusal";
import { acceptInvitation, findOpenInvitation, inviteUser, listPendingInvitations, resendInvitation, revokeInvitation } from "./invitations";

let t: TestDatabase;
let organizationId: string;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  const [org] = await t.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "swiss-fdfa"));
  organizationId = org!.id;
});
afterAll(async () => {
  await t?.close();
});

/** The link's secret, read from the email the command hands back. */
const tokenOf = (text: string) => /\/invitation\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
const GOOD_PASSWORD = "lantern orbit cobalt meadow";

describe("invitations", () => {
  it("an administrator invites; the email's absolute link sets the person's password once; roles, audit rows and a welcome notice follow", async () => {
    const admin = await t.actor("admin@example.org");
    const { id, mail } = await inviteUser(t.db, admin, {
      name: "Lena Brunner",
      email: " Lena.Brunner@Example.org",
      organizationId,
      roles: ["secretariat"],
    });
    expect(mail.to).toBe("lena.brunner@example.org");
    expect(mail.text).toContain(`http://localhost:3000/invitation/`);
    expect(mail.text).toContain("72 hours");
    const token = tokenOf(mail.text);
    const [stored] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(72 * 3_600_000);
    expect((await listPendingInvitations(t.db, admin)).map((i) => i.email)).toContain("lena.brunner@example.org");

    const { userId } = await acceptInvitation(t.db, { token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD });
    expect(await loadActor(t.db, userId)).toMatchObject({
      email: "lena.brunner@example.org",
      name: "Lena Brunner",
      roles: ["secretariat"],
      organizationId,
    });
    expect(await checkCredentials(t.db, { email: "lena.brunner@example.org", password: GOOD_PASSWORD, ip: "t" })).toBe(userId);
    const audit = await t.db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toEqual([{ action: "invitation.create", actorId: admin.id }]);
    const [joined] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, "user.join")));
    expect(joined!.after).toMatchObject({ invitationId: id, invitedById: admin.id, via: "password" });
    const notices = await t.db
      .select({ title: notifications.title, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, userId));
    expect(notices).toEqual([{ title: "Welcome to Pillars", kind: "account_security" }]);
    const told = await t.db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, admin.id));
    expect(told.map((n) => n.title)).toContain("Lena Brunner accepted your invitation");

    // The link is used up.
    const before = await databaseFingerprint(t.db);
    expect(await findOpenInvitation(t.db, token)).toBeNull();
    expect((await refusal(acceptInvitation(t.db, { token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }))).code).toBe("not_found");
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("a weak password, the person's own name, or two different passwords are refused with why, and nothing changes", async () => {
    const admin = await t.actor("admin@example.org");
    const { mail } = await inviteUser(t.db, admin, { name: "Jonas Okafor", email: "jonas.okafor@example.org", organizationId, roles: [] });
    const token = tokenOf(mail.text);
    const before = await databaseFingerprint(t.db);
    const weak = await refusal(acceptInvitation(t.db, { token, password: "aaaaaaaaaaaa", confirm: "aaaaaaaaaaaa" }));
    expect(weak.fieldErrors.password?.[0]).toMatch(/^This password is too easy to guess/);
    const own = await refusal(acceptInvitation(t.db, { token, password: "Okafor-Jonas-2026", confirm: "Okafor-Jonas-2026" }));
    expect(own.fieldErrors).toEqual({ password: ["Do not use your own name or email address in your password."] });
    const differ = await refusal(acceptInvitation(t.db, { token, password: GOOD_PASSWORD, confirm: "something else" }));
    expect(differ.fieldErrors).toEqual({ confirm: ["The two passwords differ."] });
    expect(await databaseFingerprint(t.db)).toEqual(before);
    expect(await findOpenInvitation(t.db, token)).not.toBeNull();
  });

  it("resending gives a new link and kills the old one; revoking kills it too", async () => {
    const admin = await t.actor("admin@example.org");
    const { id, mail } = await inviteUser(t.db, admin, {
      name: "Ana Ruiz",
      email: "ana.ruiz@example.org",
      organizationId,
      roles: ["representative"],
    });
    const first = tokenOf(mail.text);
    const again = await resendInvitation(t.db, admin, { invitationId: id });
    const second = tokenOf(again.mail.text);
    expect(second).not.toBe(first);
    expect(await findOpenInvitation(t.db, first)).toBeNull();
    expect(await findOpenInvitation(t.db, second)).toMatchObject({ email: "ana.ruiz@example.org" });
    await revokeInvitation(t.db, admin, { invitationId: id });
    expect(await findOpenInvitation(t.db, second)).toBeNull();
    const actions = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(actions.map((a) => a.action)).toEqual(["invitation.create", "invitation.resend", "invitation.revoke"]);
    // A revoked invitation is in the wrong state for both.
    const before = await databaseFingerprint(t.db);
    expect((await refusal(resendInvitation(t.db, admin, { invitationId: id }))).code).toBe("conflict");
    expect((await refusal(revokeInvitation(t.db, admin, { invitationId: id }))).code).toBe("conflict");
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("an expired link is refused", async () => {
    const admin = await t.actor("admin@example.org");
    const past = new Date(Date.now() - 73 * 3_600_000);
    const { mail } = await inviteUser(t.db, admin, { name: "Old Link", email: "old.link@example.org", organizationId, roles: [] }, past);
    const token = tokenOf(mail.text);
    expect(await findOpenInvitation(t.db, token)).toBeNull();
    const before = await databaseFingerprint(t.db);
    expect((await refusal(acceptInvitation(t.db, { token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }))).code).toBe("not_found");
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("the Secretariat invites representatives only, and sees only their invitations", async () => {
    const admin = await t.actor("admin@example.org");
    const secretariat = await t.actor("secretariat@example.org");
    const before = await databaseFingerprint(t.db);
    const refused = await refusal(
      inviteUser(t.db, secretariat, { name: "Would Be Admin", email: "wba@example.org", organizationId, roles: ["admin"] }),
    );
    expect(refused.code).toBe("forbidden");
    expect(await databaseFingerprint(t.db)).toEqual(before);
    const { id } = await inviteUser(t.db, admin, { name: "Staff Member", email: "staff.member@example.org", organizationId, roles: ["secretariat"] });
    expect((await refusal(revokeInvitation(t.db, secretariat, { invitationId: id }))).code).toBe("forbidden");
    expect((await listPendingInvitations(t.db, secretariat)).map((i) => i.email)).not.toContain("staff.member@example.org");
    await inviteUser(t.db, secretariat, { name: "New Rep", email: "new.rep@example.org", organizationId, roles: ["representative"] });
    expect((await listPendingInvitations(t.db, secretariat)).map((i) => i.email)).toContain("new.rep@example.org");
  });

  it("bad input, an address in use and a second pending invitation are refused, and nothing changes", async () => {
    const admin = await t.actor("admin@example.org");
    const before = await databaseFingerprint(t.db);
    const bad = await refusal(inviteUser(t.db, admin, { name: "", email: "not-an-email", organizationId: "42", roles: ["emperor"] }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["email", "name", "organizationId", "roles"]);
    const unknownOrg = await refusal(
      inviteUser(t.db, admin, { name: "Nobody", email: "nobody@example.org", organizationId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(unknownOrg.fieldErrors.organizationId).toEqual(["Choose an organisation."]);
    const taken = await refusal(inviteUser(t.db, admin, { name: "Copy", email: "GOV1@example.org", organizationId }));
    expect(taken.fieldErrors.email).toEqual(["This email is already in use."]);
    const twice = await refusal(inviteUser(t.db, admin, { name: "Ana Again", email: "new.rep@example.org", organizationId }));
    expect(twice.code).toBe("conflict");
    expect(await databaseFingerprint(t.db)).toEqual(before);
    const [count] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "nobody@example.org"));
    expect(count).toBeUndefined();
  });
});
