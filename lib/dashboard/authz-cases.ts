import { listAuditEntries } from "@/lib/audit/queries";
import { markNotificationsRead } from "@/lib/notifications/commands";
import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { loadDashboard } from "./queries";

export const cases = defineAuthzCases({
  "workspace.view": authzCase({ run: (db, actor) => loadDashboard(db, actor) }),
  "notification.markRead": authzCase({ run: (db, actor) => markNotificationsRead(db, actor, { all: true }) }),
  "audit.read": authzCase({ run: (db, actor) => listAuditEntries(db, actor, {}) }),
});
