import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { OFFICE_LABELS } from "@/lib/board/rules";
import { statusLabel as policyStatusLabel } from "@/lib/policies/rules";
import { STATUS_LABELS as MEMBERSHIP_LABELS } from "@/lib/registry/rules";

/**
 * The audit log read as sentences ("Lucía Mendoza (Civil Society) changed their ballot on “Annual
 * dues” from no to yes."): a pure function of one row, the names of its actor and its subject, and
 * the names of the people its record mentions. The row itself stays as written; this only reads it.
 */

/** The entity a row is about, as a reader knows it: its title or name, and where it lives. */
export type AuditSubject = { label: string; href: string | null };

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** Null for a change the system made (a motion closing at its time). */
  actor: { id: string; name: string; pillar: string | null } | null;
  /** Null when the entity no longer exists (a deleted draft motion) or was never named. */
  subject: AuditSubject | null;
  /** Names of the people the record mentions by id (a seat's holder, a director on a roll). */
  people: Record<string, string>;
};

type Fields = Record<string, unknown>;

function fields(value: unknown): Fields {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : typeof value === "number" ? String(value) : null;
}

function quoted(label: string | null | undefined): string {
  return label ? `“${label}”` : "an item that no longer exists";
}

function roleList(value: unknown): string {
  const roles = Array.isArray(value) ? value.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string)) : [];
  return roles.length ? roles.map((r) => ROLE_LABELS[r]).join(", ") : "no role";
}

function membership(value: unknown): string {
  const status = text(value);
  return status && status in MEMBERSHIP_LABELS ? MEMBERSHIP_LABELS[status as keyof typeof MEMBERSHIP_LABELS] : "no membership status";
}

function policyStatus(value: unknown): string {
  const status = text(value);
  return status ? (policyStatusLabel(status as Parameters<typeof policyStatusLabel>[0]) ?? status.replaceAll("_", " ")) : "unknown";
}

const TASK_STATUS: Record<string, string> = { open: "open", in_progress: "in progress", in_review: "in review", done: "done", blocked: "blocked" };
const TASK_MOVES: Record<string, (task: string) => string> = {
  start: (task) => `started work on the task ${task}`,
  submit: (task) => `submitted the task ${task} for review`,
  accept: (task) => `accepted the task ${task} as done`,
  return: (task) => `returned the task ${task} for more work`,
  block: (task) => `marked the task ${task} blocked`,
  unblock: (task) => `unblocked the task ${task}`,
};

function reason(value: unknown): string {
  const r = text(value);
  return r ? `: ${r}` : "";
}

/** One sentence, ending with a full stop, for one audit row. */
export function describeAudit(record: AuditRecord): string {
  const before = fields(record.before);
  const after = fields(record.after);
  const who = record.actor ? `${record.actor.name}${record.actor.pillar ? ` (${record.actor.pillar})` : ""}` : "Pillars";
  const self = record.actor !== null && record.actor.id === record.entityId;
  const subject = record.subject?.label ?? null;
  const person = (id: unknown) => (typeof id === "string" ? (record.people[id] ?? "a former member") : "someone");
  const sentence = (body: string) => `${who} ${body}${/[.!?]$/.test(body) ? "" : "."}`;

  switch (record.action) {
    case "ballot.cast":
      return sentence(`voted ${text(after.choice) ?? "?"} on the motion ${quoted(subject)}`);
    case "ballot.change":
      return sentence(`changed their ballot on the motion ${quoted(subject)} from ${text(before.choice) ?? "?"} to ${text(after.choice) ?? "?"}`);
    case "recusal.declare": {
      const setAside = text(after.ballotSetAside);
      return sentence(
        `declared a conflict of interest on the motion ${quoted(subject)}${setAside ? ` (their ballot, ${setAside}, no longer counts)` : ""}${reason(after.reason)}`,
      );
    }
    case "recusal.withdraw":
      return sentence(`withdrew their conflict of interest on the motion ${quoted(subject)}`);
    case "motion.draft":
      return sentence(`drafted the motion ${quoted(subject ?? text(after.title))}`);
    case "motion.edit":
      return sentence(`edited the draft motion ${quoted(subject ?? text(after.title))}`);
    case "motion.delete":
      return sentence(`deleted the draft motion ${quoted(text(before.title))}`);
    case "motion.amend":
      return sentence(`proposed amendment ${text(after.amendment) ?? ""} to the motion ${quoted(subject)}`.replace("  ", " "));
    case "motion.chooseVersion":
      return sentence(
        after.amendment
          ? `put amendment ${text(after.amendment)} of the motion ${quoted(subject)} to the vote`
          : `put the original text of the motion ${quoted(subject)} to the vote`,
      );
    case "motion.open":
      return sentence(`opened the motion ${quoted(subject)} for ballots`);
    case "motion.close":
    case "motion.closeEarly": {
      const result = after.passed === true ? "it passed" : after.passed === false ? "it failed" : "it closed";
      const early = record.action === "motion.closeEarly";
      return record.actor
        ? sentence(`closed the motion ${quoted(subject)}${early ? " early" : ""}: ${result}`)
        : `The motion ${quoted(subject)} closed at its time: ${result}.`;
    }
    case "motion.withdraw":
      return sentence(`withdrew the motion ${quoted(subject)}${reason(after.reason)}`);
    case "policy.create":
      return sentence(`created the policy ${quoted(subject ?? text(after.title))}`);
    case "policy.editDraft":
      return sentence(`edited version ${text(after.version) ?? "?"} of ${quoted(subject ?? text(after.title))}`);
    case "version.create":
      return sentence(`started version ${text(after.version) ?? "?"} of ${quoted(subject)}, from version ${text(after.from) ?? "?"}`);
    case "version.finalize":
      return sentence(`finalised version ${text(after.version) ?? "?"} of ${quoted(subject)}`);
    case "policy.changeStatus":
      return sentence(`moved ${quoted(subject)} from ${policyStatus(before.status)} to ${policyStatus(after.status)}${reason(after.reason)}`);
    case "policy.vote":
      return sentence(`put ${quoted(subject)} to a Board vote`);
    case "policy.adopt":
      return record.actor
        ? sentence(`adopted ${quoted(subject)}${after.adoptedVersion ? `, version ${text(after.adoptedVersion)}` : ""}`)
        : `${quoted(subject)} was adopted${after.adoptedVersion ? `, version ${text(after.adoptedVersion)}` : ""}.`;
    case "consultation.open":
      return sentence(`opened a consultation on ${quoted(subject)}${after.version ? `, version ${text(after.version)}` : ""}`);
    case "consultation.close":
      return sentence(`closed the consultation on ${quoted(subject)} early${reason(after.reason)}`);
    case "comment.create":
      return sentence(`${after.parentId ? "replied to a comment" : "commented"} on ${quoted(subject)}`);
    case "comment.answer":
      return sentence(`answered a comment on ${quoted(subject)}: ${text(after.status)?.replaceAll("_", " ") ?? "answered"}`);
    case "organization.create":
      return sentence(`added ${quoted(subject ?? text(after.name))} to the registry`);
    case "organization.update":
      return sentence(`updated the registry entry of ${quoted(subject)}`);
    case "organization.changeStatus":
    case "organization.status_change":
      return sentence(
        `changed the membership of ${quoted(subject)} from ${membership(before.membershipStatus)} to ${membership(after.membershipStatus)}${
          text(after.effectiveOn) ? `, effective ${text(after.effectiveOn)}` : ""
        }${reason(after.reason)}`,
      );
    case "seat.assign":
      return sentence(
        `gave ${quoted(subject)} to ${text(after.holderName) ?? person(after.holderId)}${text(after.startsOn) ? ` from ${text(after.startsOn)}` : ""}`,
      );
    case "seat.endTerm":
      return sentence(`ended ${text(before.holderName) ?? person(before.holderId)}’s term on ${quoted(subject)}${reason(after.endReason)}`);
    case "seat.vacate":
      return sentence(`vacated ${quoted(subject)}, held by ${text(before.holderName) ?? person(before.holderId)}`);
    case "seat.designateOffice": {
      const office = text(after.office);
      const holder = text(after.holderName) ?? person(after.holderId);
      return office && office in OFFICE_LABELS
        ? sentence(`made ${holder} (${quoted(subject)}) ${OFFICE_LABELS[office as keyof typeof OFFICE_LABELS]}`)
        : sentence(`took the office of ${holder} (${quoted(subject)})${reason(after.reason)}`);
    }
    case "rule.create":
      return sentence(`created the decision rule ${quoted(subject ?? text(after.name))}`);
    case "rule.update":
      return sentence(`changed the decision rule ${quoted(subject ?? text(after.name))}`);
    case "rule.setDefault":
      return sentence(`made ${quoted(subject)} the default decision rule`);
    case "task.create":
      return sentence(`created the task ${quoted(subject ?? text(after.title))}${text(after.dueOn) ? `, due ${text(after.dueOn)}` : ""}`);
    case "task.progress":
      return sentence(`recorded progress on the task ${quoted(subject)}${reason(after.note)}`);
    case "invitation.create":
      return sentence(`invited ${text(after.name) ?? "someone"} (${text(after.email) ?? "?"}) as ${roleList(after.roles)}`);
    case "invitation.resend":
      return sentence(`sent the invitation to ${text(after.email) ?? quoted(subject)} again`);
    case "invitation.revoke":
      return sentence(`revoked the invitation to ${text(before.email) ?? quoted(subject)}`);
    case "setting.twoFactorRequiredRoles":
      return sentence(`required two-factor sign-in of ${roleList(after.roles)} (before: ${roleList(before.roles)})`);
    case "user.setRoles":
      return sentence(`changed the roles of ${quoted(subject)} from ${roleList(before.roles)} to ${roleList(after.roles)}`);
    case "user.deactivate":
      return sentence(
        `deactivated ${quoted(subject)}${typeof after.endedSessions === "number" ? ` and ended ${after.endedSessions} session(s)` : ""}`,
      );
    case "user.reactivate":
      return sentence(`reactivated ${quoted(subject)}`);
    case "user.updateProfile":
      return self ? sentence("updated their profile") : sentence(`updated the profile of ${quoted(subject)}`);
    case "user.changePassword":
      return sentence("changed their password");
    case "user.passwordReset":
      return sentence("chose a new password through an emailed link");
    case "user.join":
      return sentence("accepted their invitation and joined");
    case "session.end":
      return self ? sentence("signed out one of their sessions") : sentence(`ended a session of ${quoted(subject)}`);
    case "session.endAll":
      return self ? sentence("signed out everywhere") : sentence(`signed ${quoted(subject)} out everywhere`);
    case "mfa.enable":
      return sentence("turned on two-factor sign-in");
    case "mfa.disable":
      return self ? sentence("turned off two-factor sign-in") : sentence(`turned off two-factor sign-in for ${quoted(subject)}`);
    case "mfa.recoveryCodeUsed":
      return sentence("signed in with a recovery code");
    case "calendar.regenerate":
      return sentence("replaced their calendar feed link");
  }
  const move = /^task\.(\w+)$/.exec(record.action)?.[1];
  if (move && move in TASK_MOVES) {
    const to = text(after.status);
    return sentence(`${TASK_MOVES[move]!(quoted(subject))}${to ? ` (now ${TASK_STATUS[to] ?? to})` : ""}${reason(after.reason)}`);
  }
  return sentence(`recorded “${record.action}” on ${record.entityType.replaceAll("_", " ")} ${quoted(subject)}`);
}
