import type { ReactNode } from "react";

/**
 * The body of a page that could not be shown (not found, not for your role, an error), inside the
 * app's shell: what happened, what to do, and where to go instead.
 */
export function StatusPage({ status, title, children, actions }: { status: string; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <section aria-labelledby="status-title" className="mx-auto max-w-2xl rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{status}</p>
      <h1 id="status-title" className="mt-1 text-2xl font-bold text-slate-900">
        {title}
      </h1>
      <div className="mt-3 flex flex-col gap-2 text-slate-700">{children}</div>
      <div className="mt-6 flex flex-wrap items-center gap-4">{actions}</div>
    </section>
  );
}

/** The main way on from a status page, drawn as a button. */
export const PRIMARY_LINK = "inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800";
/** The other ways on, drawn as links. */
export const SECONDARY_LINK = "text-sm font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900";
