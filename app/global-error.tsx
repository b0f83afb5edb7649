"use client";

import { useEffect } from "react";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";
import "./globals.css";

/**
 * Shown when the root layout itself fails (it reads the session and the inbox count), so it draws its
 * own document and a header without the session's navigation.
 */
export default function GlobalError({ error, retry }: { error: unknown; reset: () => void; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong · Pillars</title>
        <header className="border-b border-brand-900 bg-brand-900 text-white">
          <div className="mx-auto max-w-6xl px-4 py-3">
            {/* A full page load: the app's router is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="text-xl font-bold tracking-tight text-white">
              Pillars
            </a>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          <StatusPage
            status="Error"
            title="Something went wrong"
            actions={
              <Button type="button" onClick={() => retry()}>
                Try again
              </Button>
            }
          >
            <p>
              Pillars could not show this page because of a problem on our side. Nothing was changed. Try again in a moment; if it keeps happening,
              tell an administrator.
            </p>
          </StatusPage>
        </main>
      </body>
    </html>
  );
}
