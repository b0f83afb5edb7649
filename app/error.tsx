"use client";

import Link from "next/link";
import { useEffect } from "react";
import { SECONDARY_LINK, StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

/**
 * A page that failed, shown inside the app's shell. `retry` (Next 16) fetches the page from the
 * server again and re-renders it; `reset` alone would re-render the same failed result.
 */
export default function ErrorPage({ error, retry }: { error: unknown; reset: () => void; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // The server sends a reference to its log entry, never the error's own words.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <StatusPage
      status="Error"
      title="Something went wrong"
      actions={
        <>
          <Button type="button" onClick={() => retry()}>
            Try again
          </Button>
          <Link className={SECONDARY_LINK} href="/">
            Home page
          </Link>
        </>
      }
    >
      <p>
        This page could not be shown because of a problem on our side. Nothing was changed. Try again; if it keeps happening, tell an administrator.
      </p>
      {digest ? <p className="text-sm">Reference for the administrator: {digest}</p> : null}
    </StatusPage>
  );
}
