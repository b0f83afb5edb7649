import Link from "next/link";
import { LiveUpdates } from "@/components/live/live-updates";
import type { Actor } from "@/lib/auth/actor";
import { signOutAction } from "@/lib/auth/actions";
import { type Action, can, ROLE_LABELS } from "@/lib/auth/permissions";
import { UNREAD_COUNT_CAP } from "@/lib/notifications/due";

/** Items without an action are public pages, shown to everyone. */
type NavItem = { href: string; label: string; action?: Action };

// The header asks the permission table what to show; the pages and actions enforce it again.
const NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", action: "workspace.view" },
  // Board seats and the member registry.
  { href: "/board", label: "Board" },
  { href: "/registry", label: "Registry" },
  { href: "/admin/seats", label: "Seats", action: "seat.manage" },
  { href: "/admin/organizations", label: "Organisations", action: "organization.manage" },

  // Policies, versions and consultations.
  { href: "/policies", label: "Policies" },

  // Motions, ballots and decision rules.
  { href: "/votes", label: "Votes" },
  { href: "/admin/rules", label: "Decision rules", action: "rule.manage" },

  // Oversight tasks and notifications.
  { href: "/tasks", label: "Tasks", action: "task.list" },
  { href: "/tasks/oversight", label: "Oversight", action: "oversight.view" },
  { href: "/inbox", label: "Inbox", action: "workspace.view" },

  { href: "/audit", label: "Audit log", action: "audit.read" },
  { href: "/admin/users", label: "Users", action: "user.list" },
  { href: "/admin/invitations", label: "Invitations", action: "invitation.list" },
  { href: "/account/security", label: "Security", action: "mfa.manage" },
];

/** `unread` is the caller's unread notices, shown beside "Inbox" ("99+" from UNREAD_COUNT_CAP on). */
export function Header({ actor, unread = 0 }: { actor: Actor | null; unread?: number }) {
  const items = NAV.filter((item) => !item.action || (actor && can(actor.roles, item.action)));
  return (
    <header className="border-b border-brand-900 bg-brand-900 text-white">
      {/* The unread count follows new and read notices without a reload. */}
      {actor && can(actor.roles, "workspace.view") ? (
        <>
          <LiveUpdates topic="inbox" />
          {/* Said politely when the count changes while the page is open; silent when a page loads. */}
          <p className="sr-only" aria-live="polite" aria-atomic="true">
            {unread > 0 ? `${unread >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : unread} unread notices` : ""}
          </p>
        </>
      ) : null}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-tight text-white">
          Pillars
        </Link>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex flex-wrap gap-4 text-sm">
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-white underline-offset-4 hover:underline">
                  {item.label}
                  {item.href === "/inbox" && unread > 0 ? (
                    <span className="ml-1 rounded-full bg-white px-2 py-0.5 text-xs font-bold text-brand-900" data-testid="unread-count">
                      {unread >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : unread}
                      <span className="sr-only"> unread</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {actor ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p>
              <Link href="/account" className="font-semibold text-white underline-offset-4 hover:underline">
                {actor.name}
                <span className="sr-only"> (your account)</span>
              </Link>{" "}
              <span className="text-brand-100">
                · <span data-testid="header-roles">{actor.roles.map((role) => ROLE_LABELS[role]).join(", ")}</span> ·{" "}
                <span data-testid="header-affiliation">{actor.pillarName ?? actor.organizationName}</span>
              </span>
            </p>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white px-3 py-1 font-semibold text-white hover:bg-brand-800">
                Sign out
              </button>
            </form>
          </div>
        ) : (
          <Link href="/login" className="rounded border border-white px-3 py-1 text-sm font-semibold text-white hover:bg-brand-800">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
