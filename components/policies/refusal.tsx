import Link from "next/link";
import { notFound } from "next/navigation";
import { PageTitle } from "@/components/ui/card";
import { AppError } from "@/lib/errors";

/**
 * Runs a page's query; a refusal becomes the page to show (not found, sign in, not for your role)
 * and anything unexpected is rethrown.
 */
export async function loadOrRefuse<T>(load: () => Promise<T>, returnTo: string): Promise<{ data: T } | { refusal: React.ReactNode }> {
  try {
    return { data: await load() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "not_found") notFound();
    if (error.code === "unauthenticated") {
      return {
        refusal: (
          <>
            <PageTitle>Sign in to continue</PageTitle>
            <p className="text-slate-700">
              {error.message}{" "}
              <Link className="text-brand-700 underline" href={`/login?returnTo=${encodeURIComponent(returnTo)}`}>
                Sign in
              </Link>
            </p>
          </>
        ),
      };
    }
    if (error.code === "forbidden") {
      return {
        refusal: (
          <>
            <PageTitle>Not open to you</PageTitle>
            <p className="text-slate-700">{error.message}</p>
          </>
        ),
      };
    }
    return {
      refusal: (
        <>
          <PageTitle>Cannot show this page</PageTitle>
          <p role="alert" className="text-red-800">
            {error.message}
          </p>
        </>
      ),
    };
  }
}
