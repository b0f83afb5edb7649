"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type MouseEvent, useTransition } from "react";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { markReadAction } from "@/lib/notifications/actions";

export type InboxItem = {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string | null;
  readAt: Date | null;
  createdAt: Date;
  when: string;
};

function MarkOneRead({ id, title }: { id: string; title: string }) {
  const { state, action, pending } = useForm(markReadAction);
  const refused = state && !state.ok ? state : null;
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      {/* The notice's title is read out after the visible words, so the name still starts with what is seen (WCAG 2.5.3). */}
      <Button type="submit" variant="link" disabled={pending}>
        Mark as read<span className="sr-only"> “{title}”</span>
      </Button>
      <FormMessage state={refused} />
    </form>
  );
}

/**
 * The notice's title, linking to what it is about. Opening an unread notice marks it read first, then
 * goes there (in a new tab, it goes at once and is marked read alongside). Without JavaScript the
 * link still opens the item; "Mark as read" beside it does the rest.
 */
function NoticeLink({ id, href, title, unread }: { id: string; href: string; title: string; unread: boolean }) {
  const router = useRouter();
  const [opening, startOpening] = useTransition();
  const markRead = () => {
    const form = new FormData();
    form.set("id", id);
    return markReadAction(null, form).catch(() => null);
  };
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!unread) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
      void markRead();
      return;
    }
    event.preventDefault();
    startOpening(async () => {
      await markRead();
      router.push(href);
    });
  };
  return (
    <Link href={href} prefetch={false} onClick={open} aria-busy={opening || undefined} className="text-brand-700 underline">
      {title}
    </Link>
  );
}

export function MarkAllRead({ unread }: { unread: number }) {
  const { state, action, pending } = useForm(markReadAction);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="all" value="1" />
      <Button type="submit" variant="secondary" disabled={pending || unread === 0}>
        Mark all as read
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** Newest first; unread notices say so in words and in weight, never by colour alone. */
export function InboxList({ items }: { items: InboxItem[] }) {
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((n) => (
        <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
          <div className="min-w-0 flex-1">
            <p className={n.readAt ? "text-slate-800" : "font-semibold text-slate-900"}>
              {n.readAt ? null : (
                <>
                  <Badge tone="warn">Unread</Badge>{" "}
                </>
              )}
              {n.href ? <NoticeLink id={n.id} href={n.href} title={n.title} unread={!n.readAt} /> : n.title}
            </p>
            {n.body ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{n.body}</p> : null}
            <p className="mt-1 text-xs text-slate-700">
              <time dateTime={n.createdAt.toISOString()}>{n.when}</time>
            </p>
          </div>
          {n.readAt ? null : <MarkOneRead id={n.id} title={n.title} />}
        </li>
      ))}
    </ul>
  );
}
