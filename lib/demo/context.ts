import type { DecisionRuleConfig } from "@/lib/votes/vocabulary";

export type PillarId = "government" | "civil_society" | "industry";

export type SeedUser = { id: string; email: string; name: string; organizationId: string; pillarId: PillarId | null };

export type SeedParagraph = { key: string; body: string };
export type SeedVersion = { id: string; number: number; paragraphs: SeedParagraph[] };
export type SeedPolicy = { id: string; slug: string; title: string; versions: SeedVersion[] };

/** Everything later seed steps need from earlier ones. Filled in step by step by `seedDemoData`. */
export type SeedContext = {
  now: Date;
  passwordHash: string;
  /** Organisation ids by slug. */
  orgs: Record<string, string>;
  /** Users by email. */
  users: Record<string, SeedUser>;
  /** Seat id of each current director, by email. */
  seatOf: Record<string, string>;
  rules: { defaultRule: { id: string; config: DecisionRuleConfig }; simpleMajority: { id: string; config: DecisionRuleConfig } };
  /** Policies by a short internal name (draft, consultation, boardReview, voting, adopted, rejected, withdrawn). */
  policies: Record<string, SeedPolicy>;
  motions: { open?: string; closed?: string; draft?: string };
  tasks: Record<string, string>;
};

const DAY = 24 * 60 * 60 * 1000;

/** `now` shifted by a number of days (negative: in the past), optionally at a given UTC hour. */
export function daysFrom(now: Date, days: number, hourUtc?: number): Date {
  const d = new Date(now.getTime() + days * DAY);
  if (hourUtc !== undefined) d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

/** A calendar date (YYYY-MM-DD) `days` from now. */
export function dateFrom(now: Date, days: number): string {
  return daysFrom(now, days).toISOString().slice(0, 10);
}

/** A calendar date a whole number of years (and optionally days) from now. */
export function yearsFrom(now: Date, years: number, extraDays = 0): string {
  const d = new Date(now.getTime() + extraDays * DAY);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** Looks a value up and fails loudly: seed data that refers to a missing record is a bug. */
export function must<T>(record: Record<string, T>, key: string, what: string): T {
  const value = record[key];
  if (value === undefined) throw new Error(`Seed data refers to an unknown ${what}: ${key}`);
  return value;
}

export function userOf(ctx: SeedContext, email: string): SeedUser {
  return must(ctx.users, email, "user");
}

/** The paragraph key at a position of a version (seed texts are fixed, so a bad index is a bug). */
export function keyAt(version: SeedVersion, index: number): string {
  const paragraph = version.paragraphs[index];
  if (!paragraph) throw new Error(`Seed data refers to paragraph ${index} of version ${version.number}, which does not exist`);
  return paragraph.key;
}
