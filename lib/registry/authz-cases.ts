import type { DB } from "@/db/client";
import { organizations } from "@/db/schema";
import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { changeOrganizationStatus, updateOrganization } from "./commands";

let sequence = 0;

/** A fresh company without a membership status: a valid target for an edit and for becoming an applicant. */
async function prepareOrganization(db: DB) {
  const n = ++sequence;
  const [org] = await db
    .insert(organizations)
    .values({ slug: `walk-company-${n}-${Date.now()}`, name: `Walk Company ${n}`, pillarId: "industry", country: "CH" })
    .returning({ id: organizations.id });
  return { organizationId: org!.id };
}

export const cases = defineAuthzCases({
  "organization.manage": authzCase({
    prepare: prepareOrganization,
    run: (db, actor, p) => updateOrganization(db, actor, { organizationId: p.organizationId, name: "Walk Company Renamed", country: "FR" }),
  }),
  "organization.changeStatus": authzCase({
    prepare: prepareOrganization,
    run: (db, actor, p) =>
      changeOrganizationStatus(db, actor, { organizationId: p.organizationId, toStatus: "applicant", reason: "Application received." }),
  }),
});
