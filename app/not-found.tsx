import type { Metadata } from "next";
import Link from "next/link";
import { SignInLink } from "@/components/shell/sign-in-link";
import { PRIMARY_LINK, SECONDARY_LINK, StatusPage } from "@/components/shell/status-page";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Page not found" };

/**
 * 404: an unknown address, and an item the reader may not learn exists (lib/auth/page-access.ts).
 * The two read the same on purpose, so this page never confirms that a hidden item is there.
 */
export default async function NotFound() {
  const actor = await currentActor();
  return (
    <StatusPage
      status="Error 404"
      title="Page not found"
      actions={
        actor ? (
          <>
            <Link className={PRIMARY_LINK} href="/dashboard">
              Go to your dashboard
            </Link>
            <Link className={SECONDARY_LINK} href="/">
              Home page
            </Link>
          </>
        ) : (
          <>
            <SignInLink className={PRIMARY_LINK}>Sign in and try again</SignInLink>
            <Link className={SECONDARY_LINK} href="/">
              Home page
            </Link>
            <Link className={SECONDARY_LINK} href="/registry">
              Member registry
            </Link>
          </>
        )
      }
    >
      {actor ? (
        <p>There is nothing at this address, or it has not been shared with you. Check the address, or find what you need from your dashboard.</p>
      ) : (
        <p>
          There is nothing at this address, or it is open to members only. Check the address; if you have an account, sign in and you will come back
          here.
        </p>
      )}
    </StatusPage>
  );
}
