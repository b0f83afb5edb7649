import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, userRoles } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { setUserRoles } from "./commands";
import { refusal } from "@/lib/testing/refusal";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

describe("user accounts", () => {
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
