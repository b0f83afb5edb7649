import type { Tx } from "@/db/client";
import { taskEvents, tasks } from "@/db/schema";
import type { TaskStatus } from "@/lib/tasks/vocabulary";
import { type SeedContext, dateFrom, daysFrom, must, userOf } from "./context";

export type EventSeed = {
  day: number;
  by: string;
  kind: "created" | "status" | "progress" | "returned" | "blocked";
  from?: TaskStatus;
  to?: TaskStatus;
  note?: string;
  url?: string;
};

const created = (day: number, by: string): EventSeed => ({ day, by, kind: "created", to: "open" });
const move = (day: number, by: string, from: TaskStatus, to: TaskStatus): EventSeed => ({ day, by, kind: "status", from, to });
const progress = (day: number, by: string, note: string, url?: string): EventSeed => ({ day, by, kind: "progress", note, url });
const returned = (day: number, by: string, note: string): EventSeed => ({ day, by, kind: "returned", from: "in_review", to: "in_progress", note });
const blocked = (day: number, by: string, from: TaskStatus, note: string): EventSeed => ({ day, by, kind: "blocked", from, to: "blocked", note });

export type TaskSeed = {
  key: string;
  title: string;
  description: string;
  assignee: string;
  creator: string;
  dueDay: number;
  priority: "low" | "normal" | "high";
  status: TaskStatus;
  motion?: "closed";
  policy?: string;
  /** Events oldest first; the first is the creation, the last status change gives the status. */
  events: EventSeed[];
};

const SEC = "secretariat@example.org";
const STAFF = "staff2@example.org";
const CHAIR = "gov1@example.org";
const DOCS = "https://docs.pillars.example";

const TASKS: TaskSeed[] = [
  {
    key: "publishCertification",
    title: "Publish the adopted Certification Procedure on the public website",
    description: "Publish version 2 as adopted by the Board, with a short explanatory note and the consultation register.",
    assignee: STAFF,
    creator: CHAIR,
    dueDay: -25,
    priority: "normal",
    status: "done",
    motion: "closed",
    policy: "adopted",
    events: [
      created(-32.9, CHAIR),
      move(-31, STAFF, "open", "in_progress"),
      progress(-29.2, STAFF, "Policy page, PDF and consultation register published.", `${DOCS}/policies/certification-procedure-v2.pdf`),
      move(-29, STAFF, "in_progress", "in_review"),
      move(-28, CHAIR, "in_review", "done"),
    ],
  },
  {
    key: "notifyCompanies",
    title: "Notify member companies of the new certification evidence requirements",
    description:
      "Write to every member company explaining the new evidence (sites audited) and the accreditation requirement, with the date from which they apply.",
    assignee: SEC,
    creator: CHAIR,
    dueDay: -10,
    priority: "high",
    status: "in_progress",
    motion: "closed",
    policy: "adopted",
    events: [
      created(-32.8, CHAIR),
      move(-25, SEC, "open", "in_progress"),
      progress(
        -12,
        SEC,
        "Letter drafted; waiting for the French and Spanish translations before sending.",
        `${DOCS}/letters/certification-notice-draft.docx`,
      ),
    ],
  },
  {
    key: "expiryReminders",
    title: "Set up certificate expiry reminders 90 days ahead",
    description: "Section 6 of the adopted procedure commits the Secretariat to remind companies 90 days before their certificate expires.",
    assignee: STAFF,
    creator: "psc2@example.org",
    dueDay: 20,
    priority: "normal",
    status: "open",
    motion: "closed",
    policy: "adopted",
    events: [created(-30, "psc2@example.org")],
  },
  {
    key: "complaintsSummary",
    title: "Prepare the consultation summary for the Complaints Procedure",
    description:
      "Summarise the comments by pillar and paragraph, with the Secretariat's proposed answers, for the Board's review after the consultation closes.",
    assignee: STAFF,
    creator: SEC,
    dueDay: 18,
    priority: "high",
    status: "in_progress",
    policy: "consultation",
    events: [
      created(-10, SEC),
      move(-9, STAFF, "open", "in_progress"),
      progress(
        -2,
        STAFF,
        "Register updated with this week's comments; first answers agreed with the Executive Director.",
        `${DOCS}/consultations/complaints-register`,
      ),
    ],
  },
  {
    key: "interpretationCosts",
    title: "Cost the options for interpretation in complaints handling",
    description:
      "Raised in the consultation: estimate the yearly cost of interpretation and translation so complaints can be handled in complainants' own languages.",
    assignee: SEC,
    creator: "gov4@example.org",
    dueDay: 30,
    priority: "normal",
    status: "open",
    policy: "consultation",
    events: [created(-5, "gov4@example.org")],
  },
  {
    key: "hriaBriefing",
    title: "Draft the Board briefing note on the HRIA guidance",
    description:
      "A two-page note on the consultation outcome and the open questions, for the Board's review of the human rights impact assessment guidance.",
    assignee: SEC,
    creator: "cso1@example.org",
    dueDay: -5,
    priority: "normal",
    status: "in_review",
    policy: "boardReview",
    events: [
      created(-46, "cso1@example.org"),
      move(-44, SEC, "open", "in_progress"),
      progress(-20, SEC, "Outline shared with the Vice-chair.", `${DOCS}/board/hria-briefing-outline`),
      move(-6, SEC, "in_progress", "in_review"),
    ],
  },
  {
    key: "ironbridge",
    title: "Follow up on the conditions of Ironbridge's suspension",
    description:
      "Track Ironbridge Security Services' remedial action plan against the complaint findings and report to the Board on whether the suspension can be lifted.",
    assignee: SEC,
    creator: CHAIR,
    dueDay: -40,
    priority: "high",
    status: "blocked",
    events: [
      created(-150, CHAIR),
      move(-146, SEC, "open", "in_progress"),
      progress(-100, SEC, "Remedial action plan received and assessed; two of five findings addressed.", `${DOCS}/registry/ironbridge-remedial-plan`),
      blocked(-45, SEC, "in_progress", "Waiting for Ironbridge's response to the Board's letter; the company has asked for an extension."),
    ],
  },
  {
    key: "cobaltRenewal",
    title: "Verify Cobalt Maritime Protection's certificate renewal",
    description: "Cobalt's ISO 28007 certificate has expired. Ask for the renewal evidence and update the registry once it is verified.",
    assignee: STAFF,
    creator: "psc4@example.org",
    dueDay: -14,
    priority: "high",
    status: "open",
    events: [created(-60, "psc4@example.org")],
  },
  {
    key: "complaintsReport",
    title: "Quarterly complaints report to the Board",
    description: "Complaints received, their status and outcomes, anonymised.",
    assignee: STAFF,
    creator: "cso3@example.org",
    dueDay: -60,
    priority: "normal",
    status: "done",
    events: [
      created(-100, "cso3@example.org"),
      move(-90, STAFF, "open", "in_progress"),
      move(-64, STAFF, "in_progress", "in_review"),
      returned(-63, "cso3@example.org", "Please add the breakdown by country and the average time to acknowledge a complaint."),
      progress(-58, STAFF, "Breakdown by country and acknowledgement times added.", `${DOCS}/board/complaints-report-q3.pdf`),
      move(-57, STAFF, "in_progress", "in_review"),
      move(-55, "cso3@example.org", "in_review", "done"),
    ],
  },
  {
    key: "votingBriefing",
    title: "Organise the pillar briefings before the incident reporting vote",
    description: "One online briefing per pillar on version 2 of the incident reporting requirements before the Chair opens the motion.",
    assignee: SEC,
    creator: CHAIR,
    dueDay: -3,
    priority: "normal",
    status: "done",
    policy: "voting",
    events: [
      created(-21, CHAIR),
      move(-20, SEC, "open", "in_progress"),
      progress(-5.5, SEC, "Three briefings held; slides and notes shared with directors.", `${DOCS}/board/incident-reporting-briefings`),
      move(-5, SEC, "in_progress", "in_review"),
      move(-4, CHAIR, "in_review", "done"),
    ],
  },
  {
    key: "registryReview",
    title: "Update the registry after the annual certification review",
    description: "Check every certified member's expiry date against the certification bodies' records and correct the registry.",
    assignee: STAFF,
    creator: SEC,
    dueDay: 7,
    priority: "normal",
    status: "in_review",
    events: [
      created(-28, SEC),
      move(-27, STAFF, "open", "in_progress"),
      progress(-3, STAFF, "All 8 certified members checked; one expiry (Cobalt) flagged.", `${DOCS}/registry/annual-review`),
      move(-1, STAFF, "in_progress", "in_review"),
    ],
  },
  {
    key: "arabicTranslation",
    title: "Translate the Code summary into Arabic",
    description: "Requested by civil society partners in the region for outreach to affected communities.",
    assignee: STAFF,
    creator: "cso4@example.org",
    dueDay: 45,
    priority: "low",
    status: "blocked",
    events: [
      created(-30, "cso4@example.org"),
      blocked(-15, STAFF, "open", "This year's translation budget is spent; waiting for the Board's decision on the 2027 work plan."),
    ],
  },
  {
    key: "nominations",
    title: "Prepare the nominations for seats whose terms end this quarter",
    description:
      "Three directors' terms end within 90 days. Prepare the call for nominations in each pillar concerned and the timetable for the election.",
    assignee: SEC,
    creator: CHAIR,
    dueDay: 25,
    priority: "high",
    status: "in_progress",
    events: [created(-8, CHAIR), move(-7, SEC, "open", "in_progress")],
  },
  {
    key: "annualReport",
    title: "Compile the annual report on members' human rights reporting",
    description: "Summarise what member companies reported this year, by region, with the themes the Board should discuss.",
    assignee: STAFF,
    creator: "cso2@example.org",
    dueDay: -15,
    priority: "normal",
    status: "done",
    events: [
      created(-70, "cso2@example.org"),
      move(-60, STAFF, "open", "in_progress"),
      progress(-20, STAFF, "Draft report with the regional breakdown.", `${DOCS}/reports/annual-human-rights-reporting`),
      move(-19, STAFF, "in_progress", "in_review"),
      move(-17, "cso2@example.org", "in_review", "done"),
    ],
  },
  {
    key: "auditTender",
    title: "Run the tender for the external financial audit",
    description: "Invite at least three audit firms, compare the offers and propose one to the Board.",
    assignee: SEC,
    creator: "gov2@example.org",
    dueDay: -40,
    priority: "high",
    status: "done",
    events: [
      created(-90, "gov2@example.org"),
      move(-85, SEC, "open", "in_progress"),
      progress(-45, SEC, "Three offers received; comparison table ready.", `${DOCS}/finance/audit-tender-comparison`),
      move(-38, SEC, "in_progress", "in_review"),
      move(-35, "gov2@example.org", "in_review", "done"),
    ],
  },
  {
    key: "websiteAccessibility",
    title: "Fix the accessibility findings on the public registry pages",
    description: "The accessibility review found missing labels and low contrast on the registry search; fix them and re-test.",
    assignee: STAFF,
    creator: SEC,
    dueDay: -80,
    priority: "normal",
    status: "done",
    events: [
      created(-100, SEC),
      move(-98, STAFF, "open", "in_progress"),
      move(-84, STAFF, "in_progress", "in_review"),
      move(-82, SEC, "in_review", "done"),
    ],
  },
  {
    key: "oldMinutes",
    title: "Publish the minutes of the spring Board meeting",
    description: "Approved minutes, with the decisions taken, on the members' area.",
    assignee: SEC,
    creator: CHAIR,
    dueDay: -130,
    priority: "low",
    status: "done",
    events: [
      created(-140, CHAIR),
      move(-135, SEC, "open", "in_progress"),
      move(-128, SEC, "in_progress", "in_review"),
      move(-125, CHAIR, "in_review", "done"),
    ],
  },
  {
    key: "budgetDraft",
    title: "Draft the 2027 budget for the Board's first reading",
    description: "Income from membership fees and grants, staff costs, the complaints mechanism and outreach, with last year's figures beside them.",
    assignee: SEC,
    creator: "gov2@example.org",
    dueDay: -2,
    priority: "high",
    status: "open",
    policy: "draft",
    events: [created(-21, "gov2@example.org")],
  },
  {
    key: "rejectedFollowup",
    title: "Explain to members why the fee reform was rejected",
    description: "A short note to members on the Board's decision and the questions raised in the vote.",
    assignee: STAFF,
    creator: "psc1@example.org",
    dueDay: -7,
    priority: "normal",
    status: "in_review",
    policy: "rejected",
    events: [
      created(-25, "psc1@example.org"),
      move(-20, STAFF, "open", "in_progress"),
      progress(-9, STAFF, "Note drafted with the three main objections.", `${DOCS}/members/fee-reform-note`),
      move(-8, STAFF, "in_progress", "in_review"),
    ],
  },
  {
    key: "membershipFees",
    title: "Send the membership fee invoices for the new year",
    description: "Invoices for every member company, with the adopted fee scale.",
    assignee: STAFF,
    creator: "gov3@example.org",
    dueDay: 3,
    priority: "normal",
    status: "in_progress",
    motion: "closed",
    policy: "adopted",
    events: [created(-12, "gov3@example.org"), move(-4, STAFF, "open", "in_progress")],
  },
  {
    key: "outreachAfrica",
    title: "Plan the outreach workshop for companies in East Africa",
    description: "A one-day workshop on the Code and the certification procedure, with a local civil society partner.",
    assignee: STAFF,
    creator: "cso1@example.org",
    dueDay: 60,
    priority: "low",
    status: "open",
    events: [created(-3, "cso1@example.org")],
  },
  {
    key: "riskRegister",
    title: "Update the Secretariat's risk register",
    description: "Review each risk, its owner and its mitigation before the Board meeting.",
    assignee: SEC,
    creator: SEC,
    dueDay: 10,
    priority: "normal",
    status: "in_progress",
    events: [created(-6, SEC), move(-5, SEC, "open", "in_progress"), progress(-1, SEC, "Seven of twelve risks reviewed.")],
  },
  {
    key: "withdrawnArchive",
    title: "Archive the withdrawn guidance and tell those who commented",
    description: "Mark the guidance as withdrawn on the website and write to everyone who commented on it.",
    assignee: STAFF,
    creator: SEC,
    dueDay: -20,
    priority: "low",
    status: "done",
    policy: "withdrawn",
    events: [
      created(-30, SEC),
      move(-27, STAFF, "open", "in_progress"),
      move(-23, STAFF, "in_progress", "in_review"),
      move(-22, SEC, "in_review", "done"),
    ],
  },
  {
    key: "boardRetreat",
    title: "Organise the Board's strategy retreat",
    description: "Venue, agenda and background papers for the two-day retreat on the 2028 strategy.",
    assignee: SEC,
    creator: CHAIR,
    dueDay: 14,
    priority: "normal",
    status: "blocked",
    events: [
      created(-40, CHAIR),
      move(-35, SEC, "open", "in_progress"),
      move(-10, SEC, "in_progress", "in_review"),
      blocked(-9, CHAIR, "in_review", "The dates are not agreed yet; waiting for the directors' replies."),
    ],
  },
  {
    key: "dataProtection",
    title: "Complete the data protection impact assessment for the complaints database",
    description: "Assess the personal data held on complainants and the safeguards, as the complaints procedure requires.",
    assignee: STAFF,
    creator: "gov2@example.org",
    dueDay: -1,
    priority: "high",
    status: "in_progress",
    policy: "consultation",
    events: [created(-35, "gov2@example.org"), move(-30, STAFF, "open", "in_progress")],
  },
  {
    key: "incidentTemplate",
    title: "Prepare the incident report template for the new requirements",
    description: "A form companies can use once the incident reporting requirements are adopted.",
    assignee: SEC,
    creator: "cso2@example.org",
    dueDay: 5,
    priority: "normal",
    status: "open",
    policy: "voting",
    events: [created(-2, "cso2@example.org")],
  },
];

/** The seeded tasks' definitions, so tests can check figures against them independently of the queries. */
export const SEED_TASKS: readonly TaskSeed[] = TASKS;

/** Secretariat tasks in every status, with their timelines. */
export async function seedTasks(tx: Tx, ctx: SeedContext): Promise<void> {
  for (const seed of TASKS) {
    const first = seed.events[0];
    const last = seed.events.at(-1);
    if (!first || !last) throw new Error(`Seed task ${seed.key} has no events`);
    const lastMove = [...seed.events].reverse().find((e) => e.to !== undefined);
    if (lastMove?.to !== seed.status) throw new Error(`Seed task ${seed.key}: its timeline ends in ${lastMove?.to}, not ${seed.status}`);
    const lastBlock = [...seed.events].reverse().find((e) => e.kind === "blocked");
    const isBlocked = seed.status === "blocked";
    const [row] = await tx
      .insert(tasks)
      .values({
        title: seed.title,
        description: seed.description,
        assigneeId: userOf(ctx, seed.assignee).id,
        creatorId: userOf(ctx, seed.creator).id,
        dueOn: dateFrom(ctx.now, seed.dueDay),
        priority: seed.priority,
        status: seed.status,
        blockedFrom: isBlocked ? (lastBlock?.from ?? "open") : null,
        blockedReason: isBlocked ? (lastBlock?.note ?? "Blocked") : null,
        motionId: seed.motion ? (ctx.motions[seed.motion] ?? null) : null,
        policyId: seed.policy ? must(ctx.policies, seed.policy, "policy").id : null,
        createdAt: daysFrom(ctx.now, first.day),
        updatedAt: daysFrom(ctx.now, last.day),
        completedAt: seed.status === "done" ? daysFrom(ctx.now, last.day) : null,
      })
      .returning({ id: tasks.id });
    if (!row) throw new Error("Task was not created");
    ctx.tasks[seed.key] = row.id;
    await tx.insert(taskEvents).values(
      seed.events.map((e) => ({
        taskId: row.id,
        actorId: userOf(ctx, e.by).id,
        kind: e.kind,
        fromStatus: e.from ?? null,
        toStatus: e.to ?? null,
        note: e.note ?? null,
        evidenceUrl: e.url ?? null,
        createdAt: daysFrom(ctx.now, e.day),
      })),
    );
  }
}
