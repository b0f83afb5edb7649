import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentActor } from "@/lib/auth/session";

/** Everything under (app) needs a signed-in user; each page and action still checks its own permission. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  if (!(await currentActor())) redirect("/login");
  return children;
}
