import type { ReactNode } from "react";

/** A titled section of a page; the heading level keeps the page outline in order. */
export function Card({ title, level = 2, children, actions }: { title: string; level?: 2 | 3; children: ReactNode; actions?: ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm" aria-label={title}>
      <div className="mb-3 flex items-center justify-between gap-4">
        <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-700">{children}</p>;
}

export function Badge({ children, tone = "neutral" }: { children: ReactNode; tone?: "neutral" | "good" | "warn" | "bad" }) {
  // `badge` and its tones are named in app/globals.css: badges repeat on every row of long lists.
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function PageTitle({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-bold text-slate-900">{children}</h1>
      {lead ? <p className="mt-1 text-slate-700">{lead}</p> : null}
    </div>
  );
}
