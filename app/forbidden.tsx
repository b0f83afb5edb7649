import { ForbiddenBody } from "@/components/shell/refusal-bodies";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";

/** 403: a signed-in reader whose role does not open the page (lib/auth/page-access.ts). */
export default async function Forbidden() {
  const actor = await currentActor();
  const roles = actor?.roles.map((role) => ROLE_LABELS[role]).join(", ");
  return <ForbiddenBody roles={roles || null} />;
}
