"use server";

import { formAction } from "@/lib/actions/form-action";
import { changeOrganizationStatus, createOrganization, updateOrganization } from "./commands";

const DETAILS = ["name", "country", "website", "certificationStandard", "certificationExpiresOn"] as const;

export const createOrganizationAction = formAction(
  ({ db, actor, input }) => createOrganization(db, actor, input.pick(...DETAILS, "slug", "pillarId")),
  ({ slug }) => ({ refresh: ["/registry"], redirectTo: `/admin/organizations/${slug}?done=created` }),
);

export const updateOrganizationAction = formAction(
  ({ db, actor, input }) => updateOrganization(db, actor, input.pick(...DETAILS, "organizationId")),
  () => ({ message: "Details saved.", refresh: ["/registry", "/admin/organizations"] }),
);

export const changeStatusAction = formAction(
  ({ db, actor, input }) =>
    changeOrganizationStatus(db, actor, { ...input.pick("organizationId", "toStatus", "effectiveOn"), reason: input.text("statusReason") }),
  (_result, input) => ({
    refresh: ["/registry", "/admin/organizations"],
    redirectTo: `/admin/organizations/${input.segment("slug")}?done=status`,
  }),
);
