import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { signOutAction } from "@/lib/auth/actions";
import { type Action, can, ROLE_LABELS } from "@/lib/auth/permissions";

/** Items without an action are public pages, shown to everyone. */
type NavItem = { href: string; label: string; action?: Action };

// The header asks the permission table what to show; the pages and actions enforce it again.
const NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", action: "workspace.view" },
  // Board seats and the member registry.

  // Policies, versions and consultations.
  { href: "/policies", label: "Policies" },

  // Motions, ballots and decision rules.

  // Oversight tasks and notifications.

  { href: "/audit", label: "Audit log", action: "audit.read" },
  { href: "/admin/users", label: "Users", action: "user.list" },
];

export function Header({ actor }: { actor: Actor | null }) {
  const items = NAV.filter((item) => !item.action || (actor && can(actor.roles, item.action)));
  return (
    <header className="border-b border-brand-900 bg-brand-900 text-white">
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
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {actor ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p>
              <span className="font-semibold">{actor.name}</span>{" "}
              <span className="text-brand-100">
                · <span data-testid="header-roles">{actor.roles.map((role) => ROLE_LABELS[role]).join(", ")}</span> ·{" "}
                {actor.pillarName}
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
