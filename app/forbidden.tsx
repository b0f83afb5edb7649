import Link from "next/link";
import { PRIMARY_LINK, SECONDARY_LINK, StatusPage } from "@/components/shell/status-page";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";

/** 403: a signed-in reader whose role does not open the page (lib/auth/page-access.ts). */
export default async function Forbidden() {
  const actor = await currentActor();
  const roles = actor?.roles.map((role) => ROLE_LABELS[role]).join(", ");
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
