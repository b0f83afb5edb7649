import type { Metadata } from "next";
import Link from "next/link";
import { InboxList, MarkAllRead } from "@/components/notifications/inbox-list";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageActor } from "@/lib/auth/page-access";
import { formatDateTime } from "@/lib/format";
import { recordDueNoticesAndListInbox } from "@/lib/notifications/queries";
import { getTimezone } from "@/lib/settings";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await requirePageActor("workspace.view", "/inbox", params);
  const db = await getDb();
  const [inbox, timeZone] = await Promise.all([recordDueNoticesAndListInbox(db, actor, { page: params.page }), getTimezone(db)]);
  const items = inbox.rows.map((n) => ({ ...n, when: formatDateTime(n.createdAt, timeZone) }));
  return (
    <>
      <PageTitle lead="Notices about consultations, motions and tasks, newest first.">Inbox</PageTitle>
      <Card title={`Notices (${inbox.unread} unread)`} actions={<MarkAllRead unread={inbox.unread} />}>
        {items.length === 0 ? <EmptyState>You have no notices yet.</EmptyState> : <InboxList items={items} />}
        {inbox.pages > 1 ? (
          <nav aria-label="Inbox pages" className="mt-4 flex items-center gap-4 text-sm">
            {inbox.page > 1 ? (
              <Link className="text-brand-700 underline" href={`/inbox?page=${inbox.page - 1}`}>
                Newer notices
              </Link>
            ) : null}
            <span>
              Page {inbox.page} of {inbox.pages}
            </span>
            {inbox.page < inbox.pages ? (
              <Link className="text-brand-700 underline" href={`/inbox?page=${inbox.page + 1}`}>
                Older notices
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
