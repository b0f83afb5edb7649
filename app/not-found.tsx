import type { Metadata } from "next";
import { NotFoundBody } from "@/components/shell/refusal-bodies";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Page not found" };

/**
 * 404: an unknown address, and an item the reader may not learn exists (lib/auth/page-access.ts).
 * The two read the same on purpose, so this page never confirms that a hidden item is there.
 */
export default async function NotFound() {
  const actor = await currentActor();
  return <NotFoundBody signedIn={actor !== null} />;
}
