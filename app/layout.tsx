import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Header } from "@/components/shell/header";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { recordDueNoticesAndCountUnread } from "@/lib/notifications/queries";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pillars", template: "%s · Pillars" },
  icons: { icon: "/favicon.svg" },
  description: "Governance workspace for a multi-stakeholder initiative of governments, civil society and industry.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const unread = actor && can(actor.roles, "workspace.view") ? await recordDueNoticesAndCountUnread(await getDb(), actor) : 0;
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900"
        >
          Skip to content
        </a>
        <Header actor={actor} unread={unread} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-600">
          Pillars: one shared, auditable home for governments, civil society and industry.
        </footer>
      </body>
    </html>
  );
}
