"use client";

import Link from "next/link";
import { SignInLink } from "./sign-in-link";
import { PRIMARY_LINK, SECONDARY_LINK, StatusPage } from "./status-page";

/*
 * The not-found and forbidden pages' bodies. Next sends both with every page (each layout holds
 * them, ready for a refusal), so as server components their whole markup travelled in every page's
 * payload, twice; as client components the payload holds only a reference and a few props.
 */

/** 404: the same words for an unknown address and a hidden item (see app/not-found.tsx). */
export function NotFoundBody({ signedIn }: { signedIn: boolean }) {
  return (
    <StatusPage
      status="Error 404"
      title="Page not found"
      actions={
        signedIn ? (
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
      {signedIn ? (
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

/** 403: `roles` names the reader's roles, if any (see app/forbidden.tsx). */
export function ForbiddenBody({ roles }: { roles: string | null }) {
  return (
    <StatusPage
      status="Error 403"
      title="Not open to your role"
      actions={
        <>
          <Link className={PRIMARY_LINK} href="/dashboard">
            Go to your dashboard
          </Link>
          <Link className={SECONDARY_LINK} href="/">
            Home page
          </Link>
        </>
      }
    >
      <p>
        {roles ? `You are signed in as ${roles}, and this page is for other roles.` : "Your account has no role that opens this page."} If your work
        needs it, ask an administrator to change your roles.
      </p>
    </StatusPage>
  );
}
