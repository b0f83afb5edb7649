import { describe, expect, it } from "vitest";
import { type AuditRecord, describeAudit } from "./sentences";

const lucia = { id: "00000000-0000-4000-8000-000000000001", name: "Lucía Mendoza", pillar: "Civil Society" };
const motion = { label: "Annual dues 2027", href: "/votes/m1" };

function record(partial: Partial<AuditRecord>): AuditRecord {
  return { action: "", entityType: "motion", entityId: "m1", before: null, after: null, actor: lucia, subject: motion, people: {}, ...partial };
}

describe("the audit log as sentences", () => {
  it("names who acted with their pillar, the item by its title, and what changed", () => {
    expect(describeAudit(record({ action: "ballot.change", before: { choice: "no" }, after: { choice: "yes" } }))).toBe(
      "Lucía Mendoza (Civil Society) changed their ballot on the motion “Annual dues 2027” from no to yes.",
    );
    expect(describeAudit(record({ action: "ballot.cast", after: { choice: "abstain" } }))).toBe(
      "Lucía Mendoza (Civil Society) voted abstain on the motion “Annual dues 2027”.",
    );
    expect(describeAudit(record({ action: "recusal.declare", after: { reason: "My employer is a party.", ballotSetAside: "yes" } }))).toBe(
      "Lucía Mendoza (Civil Society) declared a conflict of interest on the motion “Annual dues 2027” (their ballot, yes, no longer counts): My employer is a party.",
    );
  });

  it("a change the system made has no person; the Association's staff have no pillar", () => {
    expect(describeAudit(record({ action: "motion.close", actor: null, after: { passed: false } }))).toBe(
      "The motion “Annual dues 2027” closed at its time: it failed.",
    );
    const staff = { id: "s", name: "Amira Haddad", pillar: null };
    expect(describeAudit(record({ action: "motion.closeEarly", actor: staff, after: { passed: true } }))).toBe(
      "Amira Haddad closed the motion “Annual dues 2027” early: it passed.",
    );
  });

  it("reads statuses, roles and people by their names, not their codes", () => {
    const company = { label: "Meridian Protective Services", href: "/registry/meridian" };
    expect(
      describeAudit(
        record({
          action: "organization.changeStatus",
          entityType: "organization",
          subject: company,
          before: { membershipStatus: "transitional_member" },
          after: { membershipStatus: "suspended", effectiveOn: "2026-12-01", reason: "Dues unpaid." },
        }),
      ),
    ).toBe(
      "Lucía Mendoza (Civil Society) changed the membership of “Meridian Protective Services” from Transitional member to Suspended, effective 2026-12-01: Dues unpaid.",
    );
    expect(
      describeAudit(
        record({
          action: "user.setRoles",
          entityType: "user",
          subject: { label: "Tomás Herrera", href: null },
          before: { roles: ["director"] },
          after: { roles: ["director", "chair"] },
        }),
      ),
    ).toBe("Lucía Mendoza (Civil Society) changed the roles of “Tomás Herrera” from Director to Director, Chair.");
    expect(
      describeAudit(
        record({
          action: "seat.endTerm",
          entityType: "seat",
          subject: { label: "Industry seat 2", href: null },
          before: { holderId: "h1" },
          after: { endReason: "Resigned." },
          people: { h1: "Kwame Mensah" },
        }),
      ),
    ).toBe("Lucía Mendoza (Civil Society) ended Kwame Mensah’s term on “Industry seat 2”: Resigned.");
    expect(
      describeAudit(
        record({
          action: "policy.changeStatus",
          entityType: "policy",
          subject: { label: "Complaints", href: null },
          before: { status: "consultation" },
          after: { status: "board_review" },
        }),
      ),
    ).toMatch(/moved “Complaints” from .+ to .+\.$/);
  });

  it("one's own account reads as theirs; another's names them", () => {
    const self = record({ action: "session.endAll", entityType: "user", entityId: lucia.id, subject: { label: "Lucía Mendoza", href: null } });
    expect(describeAudit(self)).toBe("Lucía Mendoza (Civil Society) signed out everywhere.");
    expect(describeAudit({ ...self, entityId: "other", subject: { label: "Tomás Herrera", href: null } })).toBe(
      "Lucía Mendoza (Civil Society) signed “Tomás Herrera” out everywhere.",
    );
  });

  it("task moves, a deleted item, and an action it has no words for", () => {
    const task = { label: "Annual report", href: "/tasks/t1" };
    expect(
      describeAudit(
        record({ action: "task.return", entityType: "task", subject: task, after: { status: "in_progress", reason: "Add the figures." } }),
      ),
    ).toBe("Lucía Mendoza (Civil Society) returned the task “Annual report” for more work (now in progress): Add the figures.");
    expect(describeAudit(record({ action: "motion.open", subject: null }))).toBe(
      "Lucía Mendoza (Civil Society) opened the motion an item that no longer exists for ballots.",
    );
    expect(describeAudit(record({ action: "motion.delete", subject: null, before: { title: "Draft A" } }))).toBe(
      "Lucía Mendoza (Civil Society) deleted the draft motion “Draft A”.",
    );
    expect(describeAudit(record({ action: "thing.frobnicate", entityType: "decision_rule" }))).toBe(
      "Lucía Mendoza (Civil Society) recorded “thing.frobnicate” on decision rule “Annual dues 2027”.",
    );
  });
});
