import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { listUsers } from "./commands";
import { ASSOCIATION_LABEL } from "./vocabulary";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

describe("the Association's own people belong to no pillar", () => {
  it("the Secretariat and the administrators have the Association as organisation and no pillar", async () => {
    for (const email of ["admin@example.org", "secretariat@example.org", "staff2@example.org"]) {
      expect(await t.actor(email)).toMatchObject({ organizationName: "Association Secretariat", pillarId: null, pillarName: null });
    }
    // A representative and a director keep their pillar.
    expect(await t.actor("rep.cso@example.org")).toMatchObject({ pillarId: "civil_society", pillarName: "Civil Society Organisations" });
    expect(await t.actor("gov1@example.org")).toMatchObject({ pillarId: "government" });
  });

  it("the users list names no pillar for them, and every account is listed", async () => {
    const users = await listUsers(t.db, await t.actor("admin@example.org"));
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get("secretariat@example.org")).toMatchObject({ organizationName: "Association Secretariat", pillarName: null });
    expect(byEmail.get("rep.psc@example.org")?.pillarName).toBe("Private Security Companies");
    const [row] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from users`));
    expect(users).toHaveLength(row!.n);
    expect(ASSOCIATION_LABEL).toBe("The Association (no pillar)");
  });
});
