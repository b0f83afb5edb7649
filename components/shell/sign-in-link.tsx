"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { type PageQuery, returnPath, signInPath } from "@/lib/auth/return-to";

function decoded(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function ReturningLink({ className, children }: { className: string; children: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query: PageQuery = {};
  for (const name of new Set(searchParams.keys())) query[name] = searchParams.getAll(name);
  return (
    <Link className={className} href={signInPath(returnPath(decoded(pathname), query))}>
      {children}
    </Link>
  );
}

/** A link to sign in that comes back to the address shown: a not-found page knows no path of its own. */
export function SignInLink({ className, children = "Sign in" }: { className: string; children?: string }) {
  return (
    <Suspense
      fallback={
        <Link className={className} href="/login">
          {children}
        </Link>
      }
    >
      <ReturningLink className={className}>{children}</ReturningLink>
    </Suspense>
  );
}
