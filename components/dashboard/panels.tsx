import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import type { Dashboard } from "@/lib/dashboard/queries";
import { calendarDate, formatDate, formatDateTime, humanize } from "@/lib/format";

function List({ children }: { children: ReactNode }) {
  return <ul className="divide-y divide-slate-200">{children}</ul>;
}

export function ConsultationsPanel({ title, empty, items }: { title: string; empty: string; items: NonNullable<Dashboard["consultationsOpen"]> }) {
  return (
    <Card title={title}>
      {items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <List>
          {items.map((c) => (
            <li key={c.id} className="py-2">
              <Link href={`/policies/${c.policySlug}/consultations/${c.id}`} className="font-medium text-brand-700 underline">
                {c.policyTitle}
              </Link>
              <p className="text-sm text-slate-700">Comments close {formatDateTime(c.closesAt)}</p>
            </li>
          ))}
        </List>
      )}
    </Card>
  );
}

export function MotionsPanel({ items }: { items: NonNullable<Dashboard["motionsAwaiting"]> }) {
  return (
    <Card title="Motions awaiting your ballot">
      {items.length === 0 ? (
        <EmptyState>No open motion is waiting for your ballot.</EmptyState>
      ) : (
        <List>
          {items.map((m) => (
            <li key={m.id} className="py-2">
              <p className="font-medium">
                <Link href={`/votes/${m.id}`} className="text-brand-700 underline">
                  {m.title}
                </Link>
              </p>
              <p className="text-sm text-slate-700">Voting closes {formatDateTime(m.closesAt)}</p>
            </li>
          ))}
        </List>
      )}
    </Card>
  );
}

export function TasksPanel({ items }: { items: NonNullable<Dashboard["myTasks"]> }) {
  const today = calendarDate(new Date());
  return (
    <Card title="Your tasks">
      {items.length === 0 ? (
        <EmptyState>No task is assigned to you.</EmptyState>
      ) : (
        <List>
          {items.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/tasks/${t.id}`} className="font-medium text-brand-700 underline">
                {t.title}
              </Link>
              <span className="flex items-center gap-2 text-sm text-slate-700">
                {humanize(t.status)} · due {formatDate(t.dueOn)}
                {t.dueOn < today && t.status !== "done" ? <Badge tone="bad">Overdue</Badge> : null}
              </span>
            </li>
          ))}
        </List>
      )}
    </Card>
  );
}

export function CommentsAwaitingPanel({ data }: { data: NonNullable<Dashboard["commentsAwaiting"]> }) {
  return (
    <Card title={`Comments awaiting an answer (${data.total})`}>
      {data.rows.length === 0 ? (
        <EmptyState>Every consultation comment has been answered.</EmptyState>
      ) : (
        <List>
          {data.rows.map((c) => (
            <li key={c.id} className="py-2">
              <p className="line-clamp-2 text-slate-900">{c.body}</p>
              <p className="text-sm text-slate-700">
                {c.authorName} on{" "}
                <Link href={`/policies/${c.policySlug}/consultations/${c.consultationId}/register?status=open`} className="text-brand-700 underline">
                  {c.policyTitle}
                </Link>
              </p>
            </li>
          ))}
        </List>
      )}
    </Card>
  );
}

export function AdminPanel({ data }: { data: NonNullable<Dashboard["admin"]> }) {
  return (
    <Card title="Administration">
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <dt className="text-slate-700">User accounts</dt>
        <dd className="font-semibold">{data.users}</dd>
        <dt className="text-slate-700">Organisations</dt>
        <dd className="font-semibold">{data.organizations}</dd>
        <dt className="text-slate-700">Open motions</dt>
        <dd className="font-semibold">{data.openMotions}</dd>
        <dt className="text-slate-700">Last audited change</dt>
        <dd className="font-semibold">{data.lastAudit ? formatDateTime(data.lastAudit) : "None yet"}</dd>
      </dl>
      <p className="mt-4 flex gap-4 text-sm">
        <Link href="/admin/users" className="text-brand-700 underline">
          Manage users
        </Link>
        <Link href="/audit" className="text-brand-700 underline">
          Read the audit log
        </Link>
      </p>
    </Card>
  );
}
