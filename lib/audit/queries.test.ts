import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { motions, pillars } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { expectRefused } from "@/lib/testing/refusal";
import { castBallot } from "@/lib/votes/commands";
import { openFreshResolution } from "@/lib/votes/fixtures";
import { todayIn } from "@/lib/time";
import { listAuditEntries } from "./queries";

let t: TestDatabase;
let motionId = "";
let title = "";
let pillar = "";

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  motionId = await openFreshResolution(t.db);
  const lucia = await t.actor("cso2@example.org");
  await castBallot(t.db, lucia, { motionId, choice: "no" });
  await castBallot(t.db, lucia, { motionId, choice: "yes" });
  title = (await t.db.select({ title: motions.title }).from(motions).where(eq(motions.id, motionId)))[0]!.title;
  pillar = (await t.db.select({ name: pillars.shortName }).from(pillars).where(eq(pillars.id, "civil_society")))[0]?.name ?? "";
});
afterAll(async () => {
  await t?.close();
});

describe("the audit log, read as sentences", () => {
  it("shows the Secretariat a ballot change as a sentence, with a link to the motion", async () => {
    const { lines } = await listAuditEntries(t.db, await t.actor("secretariat@example.org"), {});
    const change = lines.find((l) => l.action === "ballot.change" && l.entityId === motionId)!;
    expect(pillar).not.toBe("");
    expect(change.sentence).toBe(`Lucía Mendoza (${pillar}) changed their ballot on the motion “${title}” from no to yes.`);
    expect(change.subject).toEqual({ label: title, href: `/votes/${motionId}` });
    // The Chair opened it: the Chair's name, and the same link.
    const opened = lines.find((l) => l.action === "motion.open" && l.entityId === motionId)!;
    expect(opened.sentence).toMatch(new RegExp(`^.+ opened the motion “${title}” for ballots\\.$`));
  });

  it("filters by person (name or email), kind of item and dates in the Association's timezone", async () => {
    const reader = await t.actor("gov1@example.org");
    const byEmail = await listAuditEntries(t.db, reader, { person: "cso2@example" });
    expect(byEmail.lines.map((l) => l.action)).toEqual(["ballot.change", "ballot.cast"]);
    const byName = await listAuditEntries(t.db, reader, { person: "lucía" });
    expect(byName.lines.map((l) => l.id)).toEqual(byEmail.lines.map((l) => l.id));
    // A pattern character is a character: nobody's name holds "%".
    expect((await listAuditEntries(t.db, reader, { person: "%" })).lines).toEqual([]);
    const motionsOnly = await listAuditEntries(t.db, reader, { entityType: "motion" });
    expect(motionsOnly.lines.length).toBeGreaterThan(2);
    expect(new Set(motionsOnly.lines.map((l) => l.entityType))).toEqual(new Set(["motion"]));
    const today = todayIn(byEmail.timeZone);
    expect((await listAuditEntries(t.db, reader, { person: "cso2", from: today, to: today })).lines).toHaveLength(2);
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    expect((await listAuditEntries(t.db, reader, { person: "cso2", from: tomorrow })).lines).toEqual([]);
  });

  it("refuses a visitor, a representative and a date that does not exist, and writes nothing", async () => {
    await expectRefused(t.db, () => listAuditEntries(t.db, null, {}), "unauthenticated");
    await expectRefused(t.db, async () => listAuditEntries(t.db, await t.actor("rep.gov@example.org"), {}), "forbidden");
    const error = await expectRefused(
      t.db,
      async () => listAuditEntries(t.db, await t.actor("admin@example.org"), { from: "2026-02-31" }),
      "invalid",
    );
    expect(error.fieldErrors.from).toEqual(["That date does not exist."]);
    const badFormat = await expectRefused(
      t.db,
      async () => listAuditEntries(t.db, await t.actor("admin@example.org"), { to: "31/12/2026" }),
      "invalid",
    );
    expect(badFormat.fieldErrors.to).toEqual(["Use a date such as 2026-03-31."]);
  });
});
