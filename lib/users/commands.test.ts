import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, userRoles } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { checkCredentials } from "@/lib/auth/credentials";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { createUser, setUserRoles } from "./commands";
import { refusal } from "@/lib/testing/refusal";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

describe("user accounts", () => {
  it("an administrator creates an account that can sign in, with an audit row", async () => {
    const admin = await t.actor("admin@example.org");
    const { id } = await createUser(t.db, admin, {
      name: "Amina Diallo",
      email: "  Amina.Diallo@Example.org ",
      organizationId: admin.organizationId,
      password: "correct horse battery",
      roles: ["secretariat", "secretariat"],
    });
    const created = await loadActor(t.db, id);
    expect(created).toMatchObject({ email: "amina.diallo@example.org", name: "Amina Diallo", roles: ["secretariat"] });
    expect(await checkCredentials(t.db, { email: "amina.diallo@example.org", password: "correct horse battery", ip: "t" })).toBe(id);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user.create", actorId: admin.id, before: null });
    expect(audit[0]!.after).toMatchObject({ email: "amina.diallo@example.org", roles: ["secretariat"] });
  });

  it("bad input gets field errors and writes nothing", async () => {
    const admin = await t.actor("admin@example.org");
    const before = await databaseFingerprint(t.db);
    const error = await refusal(
      createUser(t.db, admin, { name: "", email: "not-an-email", organizationId: "42", password: "short", roles: ["emperor"] }),
    );
    expect(error.code).toBe("invalid");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["email", "name", "organizationId", "password", "roles"]);
    const unknownOrg = await refusal(
      createUser(t.db, admin, {
        name: "Nobody",
        email: "nobody@example.org",
        organizationId: "00000000-0000-4000-8000-000000000000",
        password: "long enough password",
      }),
    );
    expect(unknownOrg.fieldErrors.organizationId).toEqual(["Choose an organisation."]);
    const huge = await refusal(
      createUser(t.db, admin, { name: "x".repeat(1_000_000), email: "a@b.org", organizationId: admin.organizationId, password: "p".repeat(20) }),
    );
    expect(huge.fieldErrors.name).toEqual(["Keep the name under 120 characters."]);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("a weak password, or one made of the person's name or email, is refused with why and nothing changes", async () => {
    const admin = await t.actor("admin@example.org");
    const before = await databaseFingerprint(t.db);
    const person = { name: "Jonas Okafor", email: "jonas.okafor@example.org", organizationId: admin.organizationId };
    const weak = await refusal(createUser(t.db, admin, { ...person, password: "aaaaaaaaaaaa" }));
    expect(weak.code).toBe("invalid");
    expect(weak.fieldErrors.password?.[0]).toMatch(/^This password is too easy to guess/);
    const own = await refusal(createUser(t.db, admin, { ...person, password: "Okafor-Jonas-2026" }));
    expect(own.fieldErrors).toEqual({ password: ["Do not use your own name or email address in your password."] });
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("an email already in use is refused and nothing changes", async () => {
    const admin = await t.actor("admin@example.org");
    const before = await databaseFingerprint(t.db);
    const error = await refusal(
      createUser(t.db, admin, { name: "Copy", email: "GOV1@example.org", organizationId: admin.organizationId, password: "long enough password" }),
    );
    expect(error.code).toBe("conflict");
    expect(error.fieldErrors.email).toEqual(["This email is already in use."]);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("roles are replaced with an audit row of before and after", async () => {
    const admin = await t.actor("admin@example.org");
    const rep = await t.actor("rep.cso@example.org");
    await setUserRoles(t.db, admin, { userId: rep.id, roles: ["representative", "secretariat"] });
    expect((await loadActor(t.db, rep.id))!.roles.sort()).toEqual(["representative", "secretariat"]);
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${rep.id} and ${auditLog.action} = 'user.setRoles'`);
    expect(row).toMatchObject({ before: { roles: ["representative"] }, after: { roles: ["representative", "secretariat"] } });
  });

  it("an administrator cannot remove their own admin role, and an unknown user is not found", async () => {
    const admin = await t.actor("admin@example.org");
    const before = await databaseFingerprint(t.db);
    expect((await refusal(setUserRoles(t.db, admin, { userId: admin.id, roles: [] }))).code).toBe("conflict");
    expect((await refusal(setUserRoles(t.db, admin, { userId: "00000000-0000-4000-8000-000000000000", roles: [] }))).code).toBe("not_found");
    expect((await refusal(setUserRoles(t.db, admin, { userId: "x'; drop table users; --", roles: [] }))).code).toBe("invalid");
    expect(await databaseFingerprint(t.db)).toEqual(before);
    const adminRoles = await t.db.select().from(userRoles).where(eq(userRoles.userId, admin.id));
    expect(adminRoles.map((r) => r.role)).toEqual(["admin"]);
  });
});
