import { PageTitle } from "@/components/ui/card";

/** Shown instead of a page the signed-in user's role does not open. */
export function Forbidden({ what }: { what: string }) {
  return (
    <>
      <PageTitle>Not available to your role</PageTitle>
      <p className="text-slate-700">Your role does not allow you to {what}. If you need access, ask an administrator.</p>
    </>
  );
}
