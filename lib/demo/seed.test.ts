import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { loadActor } from "@/lib/auth/actor";
import { checkCredentials } from "@/lib/auth/credentials";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { seedDemoData } from "./index";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./people";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

describe("the demo data", () => {
  it("is written once: a second run changes nothing", async () => {
    const before = await databaseFingerprint(t.db);
    expect(await seedDemoData(t.db)).toEqual({ seeded: false });
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("lets every demo account sign in with the demo password, with the role it is listed with", async () => {
    expect(DEMO_ACCOUNTS).toHaveLength(18);
    for (const account of DEMO_ACCOUNTS) {
      const userId = await checkCredentials(t.db, { email: account.email, password: DEMO_PASSWORD, ip: `seed-${account.email}` });
      expect(userId, account.email).toBeTruthy();
      const actor = await loadActor(t.db, userId!);
      const expected = account.email.startsWith("rep.")
        ? "representative"
        : /^(gov|cso|psc)\d/.test(account.email)
          ? "director"
          : account.email === "admin@example.org"
            ? "admin"
            : "secretariat";
      expect(actor!.roles, account.email).toContain(expected);
    }
    expect((await loadActor(t.db, (await t.actor("gov1@example.org")).id))!.roles.sort()).toEqual(["chair", "director"]);
    expect((await t.actor("cso1@example.org")).roles.sort()).toEqual(["chair", "director"]);
  });

  it("fills the board: 12 current seats, 4 per pillar", async () => {
    const result = await t.db.execute(sql`select s.pillar_id, count(*)::int as n from seat_terms t
      join board_seats s on s.id = t.seat_id where t.ended_at is null group by s.pillar_id order by s.pillar_id`);
    const rows = rowsOf<{ pillar_id: string; n: number }>(result);
    expect(rows).toEqual([
      { pillar_id: "civil_society", n: 4 },
      { pillar_id: "government", n: 4 },
      { pillar_id: "industry", n: 4 },
    ]);
  });
});
