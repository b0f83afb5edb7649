import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, organizationStatusHistory, organizations, settings } from "@/db/schema";
import { getTimezone } from "@/lib/settings";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { changeOrganizationStatus, createOrganization, updateOrganization } from "./commands";
import { getRegistryEntry, searchRegistry } from "./queries";
import { isInGoodStanding } from "./rules";
import { refusal } from "@/lib/testing/refusal";
import { todayIn } from "@/lib/time";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

/** Every slug a filtered search returns, across all pages. */
async function allSlugs(filter: Record<string, string>): Promise<string[]> {
  const slugs: string[] = [];
  for (let page = 1; page < 20; page++) {
    const result = await searchRegistry(t.db, { ...filter, page: String(page) });
    slugs.push(...result.results.map((r) => r.slug));
    if (slugs.length >= result.total) break;
  }
  return slugs.sort();
}

async function expectSqlAgreesWithRule() {
  const today = todayIn(await getTimezone(t.db));
  // The registry lists every organisation of a pillar; the Association itself is none.
  const rows = (await t.db.select().from(organizations)).filter((o) => o.pillarId !== null);
  const expected = rows
    .filter((o) => isInGoodStanding(o, today))
    .map((o) => o.slug)
    .sort();
  expect(await allSlugs({ goodStanding: "true" })).toEqual(expected);
  expect(await allSlugs({ goodStanding: "false" })).toEqual(
    rows
      .filter((o) => !isInGoodStanding(o, today))
      .map((o) => o.slug)
      .sort(),
  );
  return expected;
}

describe(`the public registry (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("finds a company by part of its name, case-insensitively, treating % and _ literally", async () => {
    const found = await searchRegistry(t.db, { q: "cobalt mari" });
    expect(found.results.map((r) => r.slug)).toEqual(["cobalt-maritime-protection"]);
    expect((await searchRegistry(t.db, { q: "%" })).total).toBe(0);
    expect((await searchRegistry(t.db, { q: "_" })).total).toBe(0);
    expect((await searchRegistry(t.db, { q: "GUARD" })).results.map((r) => r.slug)).toEqual(["alpine-guard-solutions"]);
  });

  it("filters by country, pillar and status, and pages by 20", async () => {
    expect((await searchRegistry(t.db, { country: "ch" })).results.map((r) => r.slug).sort()).toEqual(
      ["alpine-guard-solutions", "centre-security-human-rights", "swiss-fdfa"].sort(),
    );
    expect((await searchRegistry(t.db, { pillar: "government" })).total).toBe(7);
    expect((await searchRegistry(t.db, { status: "suspended" })).results.map((r) => r.slug)).toEqual(["ironbridge-security-services"]);
    const first = await searchRegistry(t.db, {});
    const second = await searchRegistry(t.db, { page: "2" });
    expect(first.total).toBeGreaterThanOrEqual(30);
    expect(first.results).toHaveLength(20);
    expect(second.results).toHaveLength(first.total - 20);
    expect(second.total).toBe(first.total);
    expect(new Set([...first.results, ...second.results].map((r) => r.slug)).size).toBe(first.total);
    const beyond = await searchRegistry(t.db, { page: "9" });
    expect(beyond).toMatchObject({ total: first.total, results: [] });
  });

  it("does not list the Association itself, which is no pillar, among civil society organisations or anywhere", async () => {
    const [association] = await t.db.select().from(organizations).where(eq(organizations.slug, "association-secretariat"));
    expect(association).toMatchObject({ name: "Association Secretariat", pillarId: null });
    expect((await searchRegistry(t.db, { q: "Association Secretariat" })).total).toBe(0);
    const civilSociety = await allSlugs({ pillar: "civil_society" });
    expect(civilSociety).toContain("centre-security-human-rights");
    expect(civilSociety).not.toContain("association-secretariat");
    expect(await getRegistryEntry(t.db, "association-secretariat")).toBeNull();
  });

  it("derives good standing the same way in SQL and in the rule, on every seeded organisation", async () => {
    const good = await expectSqlAgreesWithRule();
    expect(good).toContain("meridian-protective-services");
    expect(good).toContain("savannah-site-protection");
    for (const slug of [
      "cobalt-maritime-protection",
      "ironbridge-security-services",
      "blackthorn-tactical-solutions",
      "vigil-training-academy",
      "northgate-protective-services",
    ]) {
      expect(good, slug).not.toContain(slug);
    }
    const cobalt = await getRegistryEntry(t.db, "cobalt-maritime-protection");
    expect(cobalt!.entry).toMatchObject({ membershipStatus: "certified_member", goodStanding: false });
    const ironbridge = (await searchRegistry(t.db, { q: "Ironbridge" })).results[0];
    expect(ironbridge).toMatchObject({ membershipStatus: "suspended", goodStanding: false });
  });

  it("agrees on the expiry edges: a certificate expiring today is valid, yesterday is not", async () => {
    const today = todayIn(await getTimezone(t.db));
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await t.db.update(organizations).set({ certificationExpiresOn: today }).where(eq(organizations.slug, "harbourline-escort-services"));
    await t.db.update(organizations).set({ certificationExpiresOn: yesterday }).where(eq(organizations.slug, "cedar-shield-security"));
    const good = await expectSqlAgreesWithRule();
    expect(good).toContain("harbourline-escort-services");
    expect(good).not.toContain("cedar-shield-security");
  });

  it("agrees in any timezone setting, far east and far west of UTC", async () => {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Zurich"]) {
      await t.db.update(settings).set({ value: zone }).where(eq(settings.key, "timezone"));
      expect(await getTimezone(t.db)).toBe(zone);
      await expectSqlAgreesWithRule();
    }
  });

  it("returns the dated status history of one organisation, and nothing for an unknown slug", async () => {
    const entry = await getRegistryEntry(t.db, "blackthorn-tactical-solutions");
    expect(entry!.statusHistory.map((h) => h.toStatus)).toEqual(["terminated", "suspended", "transitional_member", "applicant"]);
    expect(entry!.statusHistory[0]!.reason).toMatch(/terminated by the Board/);
    expect(await getRegistryEntry(t.db, "no-such-company")).toBeNull();
    expect(await getRegistryEntry(t.db, "../etc/passwd")).toBeNull();
  });

  it("refuses bad parameters with a message naming the field", async () => {
    for (const [input, field] of [
      [{ page: "0" }, "page"],
      [{ page: "abc" }, "page"],
      [{ page: "1.5" }, "page"],
      [{ status: "gold" }, "status"],
      [{ goodStanding: "maybe" }, "goodStanding"],
      [{ country: "CHE" }, "country"],
      [{ pillar: "martians" }, "pillar"],
      [{ pillar: "DROP TABLE" }, "pillar"],
      [{ q: "x".repeat(101) }, "q"],
      [{ q: "cobalt\0" }, "q"],
    ] as const) {
      const error = await refusal(searchRegistry(t.db, input));
      expect(error.code, JSON.stringify(input)).toBe("invalid");
      expect(error.message).toContain(field);
      expect(Object.keys(error.fieldErrors)).toEqual([field]);
    }
  });
});

describe(`registry administration (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("the Secretariat creates and edits an organisation, each audited with before and after", async () => {
    const staff = await t.actor("secretariat@example.org");
    const { id, slug } = await createOrganization(t.db, staff, {
      name: "Fjord Harbour Security AS",
      pillarId: "industry",
      country: "no",
      website: "",
    });
    expect(slug).toBe("fjord-harbour-security-as");
    await updateOrganization(t.db, staff, {
      organizationId: id,
      name: "Fjord Harbour Security AS",
      country: "NO",
      certificationStandard: "ISO 28007",
      certificationExpiresOn: "2030-06-30",
    });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "organization"), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(["organization.create", "organization.update"]);
    expect(audit[0]).toMatchObject({ before: null, after: { slug, country: "NO" } });
    expect(audit[1]).toMatchObject({
      before: { certificationStandard: null },
      after: { certificationStandard: "ISO 28007", certificationExpiresOn: "2030-06-30" },
    });
    const before = await databaseFingerprint(t.db);
    const duplicate = await refusal(createOrganization(t.db, staff, { name: "Fjord Harbour Security AS", pillarId: "industry" }));
    expect(duplicate.fieldErrors.slug).toEqual(['"fjord-harbour-security-as" is already used by another organisation.']);
    const bad = await refusal(
      createOrganization(t.db, staff, { name: "", pillarId: "nowhere", website: "javascript:alert(1)", certificationExpiresOn: "2030-02-31" }),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["certificationExpiresOn", "name", "website"]);
    expect((await refusal(createOrganization(t.db, staff, { name: "Ghost", pillarId: "martians" }))).fieldErrors.pillarId).toEqual([
      "Choose a pillar.",
    ]);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("status changes follow the state machine, keep a dated history and are audited with before and after", async () => {
    const staff = await t.actor("secretariat@example.org");
    const { id } = await createOrganization(t.db, staff, {
      name: "Tessera Guarding Ltd",
      pillarId: "industry",
      certificationStandard: "ISO 18788",
      certificationExpiresOn: "2099-01-01",
    });
    const path = ["applicant", "transitional_member", "certified_member", "suspended", "terminated", "applicant"] as const;
    for (const toStatus of path) await changeOrganizationStatus(t.db, staff, { organizationId: id, toStatus, reason: `Moved to ${toStatus}.` });
    const history = await t.db.select().from(organizationStatusHistory).where(eq(organizationStatusHistory.organizationId, id));
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, "applicant"],
      ["applicant", "transitional_member"],
      ["transitional_member", "certified_member"],
      ["certified_member", "suspended"],
      ["suspended", "terminated"],
      ["terminated", "applicant"],
    ]);
    expect(history.every((h) => h.changedById === staff.id && h.effectiveOn === todayIn("Europe/Zurich"))).toBe(true);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "organization.changeStatus")));
    expect(audit).toHaveLength(6);
    expect(audit[3]).toMatchObject({
      before: { membershipStatus: "certified_member" },
      after: { membershipStatus: "suspended", reason: "Moved to suspended." },
    });
  });

  it("refuses a terminated company's return to certification, a certification without a certificate, a future date and other roles, changing nothing", async () => {
    const staff = await t.actor("admin@example.org");
    const blackthorn = (await getRegistryEntry(t.db, "blackthorn-tactical-solutions"))!.id;
    const orion = (await getRegistryEntry(t.db, "orion-integrated-security"))!.id;
    const before = await databaseFingerprint(t.db);
    const terminated = await refusal(
      changeOrganizationStatus(t.db, staff, { organizationId: blackthorn, toStatus: "certified_member", reason: "Certified again." }),
    );
    expect(terminated.message).toBe(
      "Terminated cannot change to Certified member. A terminated organisation must apply again: change it to Applicant first.",
    );
    const uncertified = await refusal(
      changeOrganizationStatus(t.db, staff, { organizationId: orion, toStatus: "certified_member", reason: "Looks fine." }),
    );
    expect(uncertified.message).toBe("Record a valid certification (standard and expiry date) before certifying this member.");
    const future = await refusal(
      changeOrganizationStatus(t.db, staff, { organizationId: orion, toStatus: "suspended", reason: "Later.", effectiveOn: "2999-01-01" }),
    );
    expect(future.fieldErrors.effectiveOn).toEqual(["Choose today or an earlier date."]);
    const early = await refusal(
      changeOrganizationStatus(t.db, staff, { organizationId: orion, toStatus: "suspended", reason: "Backdated.", effectiveOn: "2001-01-01" }),
    );
    expect(early.fieldErrors.effectiveOn?.[0]).toMatch(/^The previous change took effect on/);
    const noReason = await refusal(changeOrganizationStatus(t.db, staff, { organizationId: orion, toStatus: "suspended", reason: " " }));
    expect(noReason.fieldErrors.reason).toEqual(["Give a reason of at least 3 characters."]);
    for (const email of ["gov1@example.org", "cso2@example.org", "rep.psc@example.org"]) {
      const actor = await t.actor(email);
      expect((await refusal(changeOrganizationStatus(t.db, actor, { organizationId: orion, toStatus: "suspended", reason: "Not mine." }))).code).toBe(
        "forbidden",
      );
      expect((await refusal(updateOrganization(t.db, actor, { organizationId: orion, name: "Renamed" }))).code).toBe("forbidden");
      expect((await refusal(createOrganization(t.db, actor, { name: "Another", pillarId: "industry" }))).code).toBe("forbidden");
    }
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });
});
