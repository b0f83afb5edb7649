import type { Metadata } from "next";
import QRCode from "qrcode";
import { type TwoFactorView, TwoFactorSettings } from "@/components/accounts/two-factor-settings";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { TwoFactorRolesForm } from "@/components/accounts/two-factor-roles-form";
import { Alert } from "@/components/ui/alert";
import { getTwoFactorStatus } from "@/lib/accounts/two-factor";
import { getTwoFactorRequiredRoles } from "@/lib/accounts/two-factor-policy";
import { can, ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/page-access";
import { formatDateTime } from "@/lib/format";
import { getTimezone } from "@/lib/settings";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const actor = await requirePageActor("mfa.manage", "/account/security");
  const db = await getDb();
  const [status, timeZone] = await Promise.all([getTwoFactorStatus(db, actor), getTimezone(db)]);
  let view: TwoFactorView;
  if (status.enabled) {
    view = { enabled: true, enabledOn: formatDateTime(status.enabledAt, timeZone), recoveryCodesLeft: status.recoveryCodesLeft };
  } else if (status.enrolment) {
    // Drawn on the server: the secret never goes to a third-party service.
    const svg = await QRCode.toString(status.enrolment.uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    view = {
      enabled: false,
      enrolment: { secret: status.enrolment.secret, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` },
    };
  } else {
    view = { enabled: false, enrolment: null };
  }
  const required = can(actor.roles, "mfa.configure") ? await getTwoFactorRequiredRoles(db, actor) : null;
  return (
    <>
      <PageTitle lead="How you sign in to Pillars.">Security</PageTitle>
      <div className="flex flex-col gap-6">
        {actor.mustEnrolTwoFactor ? (
          <Alert tone="info">Your role requires two-factor sign-in: set it up here before you continue to the workspace.</Alert>
        ) : null}
        <Card title="Two-factor sign-in">
          <TwoFactorSettings view={view} />
        </Card>
        {required && !actor.mustEnrolTwoFactor ? (
          <Card title="Two-factor sign-in for the organisation">
            <TwoFactorRolesForm roles={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} required={required} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
