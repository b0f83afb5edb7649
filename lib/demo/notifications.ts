import { isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditLog, notifications, organizationStatusHistory } from "@/db/schema";
import type { NotificationKind } from "@/lib/notifications/vocabulary";
import { DIRECTOR_EMAILS } from "./board";
import { type SeedContext, daysFrom, must, userOf } from "./context";

type NoticeSeed = { to: string; kind: NotificationKind; title: string; body?: string; href: string; day: number; read?: boolean; dedupeKey?: string };

/** A few inbox notices for the demo accounts: motions, answered comments, tasks. */
export async function seedNotifications(tx: Tx, ctx: SeedContext): Promise<void> {
  const openMotion = must(ctx.motions, "open", "motion");
  const closedMotion = must(ctx.motions, "closed", "motion");
  const voting = must(ctx.policies, "voting", "policy");
  const adopted = must(ctx.policies, "adopted", "policy");
  const consulted = must(ctx.policies, "consultation", "policy");
  const task = (key: string) => `/tasks/${must(ctx.tasks, key, "task")}`;
  const closesOn = daysFrom(ctx.now, 5, 16).toISOString().slice(0, 10);

  const haveNotVoted = ["gov3", "gov4", "cso3", "cso4", "psc2", "psc4"].map((p) => `${p}@example.org`);
  const notices: NoticeSeed[] = [
    ...haveNotVoted.map((to) => ({
      to,
      kind: "motion_opened" as const,
      title: `Motion opened: Adopt ${voting.title} version 2`,
      body: `Voting closes on ${closesOn}.`,
      href: `/votes/${openMotion}`,
      day: -2,
    })),
    ...DIRECTOR_EMAILS.map((to, i) => ({
      to,
      kind: "motion_result" as const,
      title: `Motion passed: Adopt ${adopted.title} version 2`,
      body: "10 yes, 1 no, 1 abstention. The policy is adopted at version 2.",
      href: `/votes/${closedMotion}`,
      day: -33,
      read: i % 4 !== 3,
    })),
    ...["rep.gov", "rep.cso", "rep.psc"].map((r, i) => ({
      to: `${r}@example.org`,
      kind: "consultation_opened" as const,
      title: `Consultation opened: ${consulted.title}`,
      body: "Your pillar is invited to comment for the next two weeks.",
      href: `/policies/${consulted.slug}`,
      day: -10,
      read: i !== 1,
    })),
    ...[
      ["rep.cso", -3],
      ["rep.psc", -4],
      ["rep.gov", -3],
      ["psc2", -2],
    ].map(([r, day]) => ({
      to: `${r}@example.org`,
      kind: "comment_answered" as const,
      title: `Your comment on ${consulted.title} was answered`,
      href: `/policies/${consulted.slug}`,
      day: Number(day),
      read: r === "rep.psc",
    })),
    {
      to: "staff2@example.org",
      kind: "task_assigned",
      title: "Task assigned: Set up certificate expiry reminders 90 days ahead",
      href: task("expiryReminders"),
      day: -30,
      read: true,
    },
    {
      to: "staff2@example.org",
      kind: "task_assigned",
      title: "Task assigned: Verify Cobalt Maritime Protection's certificate renewal",
      href: task("cobaltRenewal"),
      day: -60,
      read: true,
    },
    {
      to: "staff2@example.org",
      kind: "task_assigned",
      title: "Task assigned: Prepare the consultation summary for the Complaints Procedure",
      href: task("complaintsSummary"),
      day: -10,
    },
    {
      to: "secretariat@example.org",
      kind: "task_assigned",
      title: "Task assigned: Prepare the nominations for seats whose terms end this quarter",
      href: task("nominations"),
      day: -8,
    },
    {
      to: "secretariat@example.org",
      kind: "task_assigned",
      title: "Task assigned: Cost the options for interpretation in complaints handling",
      href: task("interpretationCosts"),
      day: -5,
    },
    {
      to: "staff2@example.org",
      kind: "task_returned",
      title: "Task returned: Quarterly complaints report to the Board",
      body: "Please add the breakdown by country and the average time to acknowledge a complaint.",
      href: task("complaintsReport"),
      day: -63,
      read: true,
    },
    {
      to: "cso1@example.org",
      kind: "task_submitted",
      title: "Ready for your review: Draft the Board briefing note on the HRIA guidance",
      href: task("hriaBriefing"),
      day: -6,
    },
    {
      to: "secretariat@example.org",
      kind: "task_submitted",
      title: "Ready for your review: Update the registry after the annual certification review",
      href: task("registryReview"),
      day: -1,
    },
    ...(
      [
        ["staff2@example.org", "cobaltRenewal", "Verify Cobalt Maritime Protection's certificate renewal", -13],
        ["secretariat@example.org", "notifyCompanies", "Notify member companies of the new certification evidence requirements", -9],
        ["secretariat@example.org", "hriaBriefing", "Draft the Board briefing note on the HRIA guidance", -4],
        ["secretariat@example.org", "ironbridge", "Follow up on the conditions of Ironbridge's suspension", -39],
        // Every overdue demo task has its notice already, so that merely opening a page writes nothing.
        ["secretariat@example.org", "budgetDraft", "Draft the 2027 budget for the Board's first reading", -1],
        ["staff2@example.org", "rejectedFollowup", "Explain to members why the fee reform was rejected", -6],
        ["staff2@example.org", "dataProtection", "Complete the data protection impact assessment for the complaints database", 0],
      ] as const
    ).map(([to, key, title, day]) => ({
      to,
      kind: "task_overdue" as const,
      title: `Overdue: ${title}`,
      href: task(key),
      day,
      read: day < -30,
      dedupeKey: `task_overdue:${must(ctx.tasks, key, "task")}`,
    })),
  ];

  await tx.insert(notifications).values(
    notices.map((n) => ({
      userId: userOf(ctx, n.to).id,
      kind: n.kind,
      title: n.title,
      body: n.body ?? "",
      href: n.href,
      dedupeKey: n.dedupeKey ?? null,
      createdAt: daysFrom(ctx.now, n.day),
      readAt: n.read ? daysFrom(ctx.now, n.day + 0.2) : null,
      // Demo notices are history: they are not mailed again when the server starts.
      emailedAt: daysFrom(ctx.now, n.day),
    })),
  );
}

/** Audit rows for the main seeded state changes, so the audit page has a history to show. */
export async function seedAuditLog(tx: Tx, ctx: SeedContext): Promise<void> {
  const sec = userOf(ctx, "secretariat@example.org").id;
  const chair = userOf(ctx, "gov1@example.org").id;
  const history = await tx.select().from(organizationStatusHistory).where(isNotNull(organizationStatusHistory.changedById));
  const consulted = must(ctx.policies, "consultation", "policy");
  const adopted = must(ctx.policies, "adopted", "policy");
  const voting = must(ctx.policies, "voting", "policy");
  const open = must(ctx.motions, "open", "motion");
  const closed = must(ctx.motions, "closed", "motion");

  const rows = [
    ...history.map((h) => ({
      at: h.changedAt,
      actorId: h.changedById,
      action: "organization.status_change",
      entityType: "organization",
      entityId: h.organizationId,
      before: { membershipStatus: h.fromStatus },
      after: { membershipStatus: h.toStatus, reason: h.reason, effectiveOn: h.effectiveOn },
    })),
    {
      at: daysFrom(ctx.now, -40, 8),
      actorId: chair,
      action: "motion.open",
      entityType: "motion",
      entityId: closed,
      before: { status: "draft" },
      after: { status: "open" },
    },
    {
      at: daysFrom(ctx.now, -33, 16),
      actorId: null,
      action: "motion.close",
      entityType: "motion",
      entityId: closed,
      before: { status: "open" },
      after: { status: "closed", passed: true },
    },
    {
      at: daysFrom(ctx.now, -33, 16),
      actorId: null,
      action: "policy.adopt",
      entityType: "policy",
      entityId: adopted.id,
      before: { status: "voting" },
      after: { status: "adopted", adoptedVersion: 2 },
    },
    {
      at: daysFrom(ctx.now, -10, 8),
      actorId: sec,
      action: "consultation.open",
      entityType: "policy",
      entityId: consulted.id,
      before: { status: "draft" },
      after: { status: "consultation" },
    },
    {
      at: daysFrom(ctx.now, -2, 8),
      actorId: chair,
      action: "motion.open",
      entityType: "motion",
      entityId: open,
      before: { status: "draft" },
      after: { status: "open" },
    },
    {
      at: daysFrom(ctx.now, -2, 8),
      actorId: chair,
      action: "policy.vote",
      entityType: "policy",
      entityId: voting.id,
      before: { status: "board_review" },
      after: { status: "voting" },
    },
  ];
  rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  await tx.insert(auditLog).values(rows);
}
