import { formatDateTime } from "@/lib/format";
import type { SessionRow } from "./account";
import { describeBrowser, SESSION_END_REASONS, type SessionEndReason } from "./vocabulary";

/** A session row as the lists show it, with times in `timeZone`. */
export function sessionView(row: SessionRow, timeZone: string) {
  return {
    id: row.id,
    browser: describeBrowser(row.userAgent),
    address: row.address,
    started: formatDateTime(row.createdAt, timeZone),
    lastSeen: formatDateTime(row.lastSeenAt, timeZone),
    open: row.open,
    current: row.current,
    ended: row.endedAt ? `${SESSION_END_REASONS[row.endedReason as SessionEndReason] ?? "Ended"} · ${formatDateTime(row.endedAt, timeZone)}` : null,
  };
}
