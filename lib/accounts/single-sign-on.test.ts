import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations, organizations, users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { inviteUser } from "./invitations";
import { resolveSingleSignOn } from "./single-sign-on";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

describe("single sign-on mapping", () => {
  it("a verified address signs in its account; an unverified or unknown one is refused and writes nothing", async () => {
    const gov2 = await t.actor("gov2@example.org");
    expect(await resolveSingleSignOn(t.db, { email: "GOV2@example.org", email_verified: true })).toEqual({ userId: gov2.id });
    const before = await databaseFingerprint(t.db);
    expect(await resolveSingleSignOn(t.db, { email: "gov2@example.org", email_verified: false })).toEqual({ refused: "sso_unverified" });
    expect(await resolveSingleSignOn(t.db, { email: "gov2@example.org", email_verified: "true" })).toEqual({ refused: "sso_unverified" });
    expect(await resolveSingleSignOn(t.db, { email_verified: true })).toEqual({ refused: "sso_unverified" });
    expect(await resolveSingleSignOn(t.db, { email: "stranger@example.org", email_verified: true })).toEqual({ refused: "sso_unknown" });
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("a verified address with a pending invitation accepts it: the account exists, with no password that works", async () => {
    const admin = await t.actor("admin@example.org");
    const [org] = await t.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "uk-fcdo"));
    const { id } = await inviteUser(t.db, admin, {
      name: "Sam Carter",
      email: "sam.carter@example.org",
      organizationId: org!.id,
      roles: ["representative"],
    });
    const mapped = await resolveSingleSignOn(t.db, { email: "sam.carter@example.org", email_verified: true });
    if (!("userId" in mapped)) throw new Error("expected an account");
    const [user] = await t.db.select().from(users).where(eq(users.id, mapped.userId));
    expect(user).toMatchObject({ email: "sam.carter@example.org", name: "Sam Carter", passwordHash: "!" });
    expect(await checkCredentials(t.db, { email: "sam.carter@example.org", password: "!", ip: "s" })).toBeNull();
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(invitation!.acceptedUserId).toBe(mapped.userId);
    const [joined] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.join"), eq(auditLog.entityId, mapped.userId)));
    expect(joined!.after).toMatchObject({ via: "sso", invitationId: id });
    // Signing in again maps to the same account.
    expect(await resolveSingleSignOn(t.db, { email: "sam.carter@example.org", email_verified: true })).toEqual({ userId: mapped.userId });
  });
});
