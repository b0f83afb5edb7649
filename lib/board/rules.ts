/** Pure rules of board seats and terms. Dates are calendar dates (YYYY-MM-DD). */

export const DEFAULT_TERM_YEARS = 3;
/** Terms ending within this many days are flagged on the board. */
export const TERM_ENDING_SOON_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

function parseDate(value: string): { y: number; m: number; d: number } {
  const [y, m, d] = value.split("-").map(Number);
  return { y: y!, m: m!, d: d! };
}

function toUtc(value: string): number {
  const { y, m, d } = parseDate(value);
  return Date.UTC(y, m - 1, d);
}

/** The default end of a term starting on `startsOn`: the same day three years later (29 February ends on the 28th). */
export function defaultTermEnd(startsOn: string, years = DEFAULT_TERM_YEARS): string {
  const { y, m, d } = parseDate(startsOn);
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return new Date(Date.UTC(y + years, m - 1, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** How much of a term is left on `today`, for the signed-in board view. */
export function describeTimeLeft(endsOn: string, today: string): { daysLeft: number; label: string; endingSoon: boolean } {
  const daysLeft = daysBetween(today, endsOn);
  const endingSoon = daysLeft >= 0 && daysLeft <= TERM_ENDING_SOON_DAYS;
  if (daysLeft < 0) return { daysLeft, label: `Term end passed ${-daysLeft} ${-daysLeft === 1 ? "day" : "days"} ago`, endingSoon };
  if (daysLeft === 0) return { daysLeft, label: "Ends today", endingSoon };
  if (daysLeft <= 120) return { daysLeft, label: `${daysLeft} ${daysLeft === 1 ? "day" : "days"} left`, endingSoon };
  const a = parseDate(today);
  const b = parseDate(endsOn);
  const months = (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [years ? `${years} ${years === 1 ? "year" : "years"}` : "", rest ? `${rest} ${rest === 1 ? "month" : "months"}` : ""].filter(Boolean);
  return { daysLeft, label: `${parts.join(" ")} left`, endingSoon };
}

/** The date a term is recorded as ending when it is vacated today: today, unless that would not be after its start. */
export function vacatedEndDate(term: { startsOn: string; endsOn: string }, today: string): string {
  if (today <= term.startsOn) return term.endsOn;
  return today < term.endsOn ? today : term.endsOn;
}

export const OFFICE_LABELS = { chair: "Chair", vice_chair: "Vice-chair" } as const;
