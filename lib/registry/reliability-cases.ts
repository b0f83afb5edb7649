import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { organizations } from "@/db/schema";
import { withSettledOutbox } from "@/lib/notifications/reliability-cases";
import { defineHttpCases } from "@/lib/testing/http-cases";

/** How the reliability suite (reliability/) reaches the registry's actions, pages and public API over HTTP. */
let sequence = 0;

/** A fresh company without a membership status: a valid target for an edit and for becoming an applicant. */
async function prepareOrganization(db: DB) {
  const n = ++sequence;
  const slug = `http-company-${process.pid}-${n}`;
  const [org] = await db
    .insert(organizations)
    .values({ slug, name: `HTTP Company ${n}`, pillarId: "industry", country: "CH" })
    .returning({ id: organizations.id });
  return { organizationId: org!.id, slug };
}

async function anySlug(db: DB): Promise<string> {
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.pillarId, "industry")).limit(1);
  return org!.slug;
}

export const httpCases = withSettledOutbox(
  defineHttpCases([
    {
      name: "organizations page",
      permission: "organization.manage",
      target: { kind: "page", path: "/admin/organizations" },
      prepare: async () => ({}),
      writes: [],
    },
    {
      name: "organization page",
      permission: "organization.manage",
      target: { kind: "page", path: "/admin/organizations" },
      prepare: async (db) => ({ path: `/admin/organizations/${await anySlug(db)}` }),
      writes: [],
    },
    {
      name: "create organization",
      permission: "organization.manage",
      target: { kind: "action", file: "lib/registry/actions.ts", exportName: "createOrganizationAction" },
      prepare: async () => {
        const n = ++sequence;
        return {
          fields: {
            name: `New Company ${n}`,
            slug: `http-new-company-${process.pid}-${n}`,
            pillarId: "industry",
            country: "CH",
            website: "https://example.org",
            certificationStandard: "",
            certificationExpiresOn: "",
          },
        };
      },
      writes: ["organizations", "audit_log"],
      addsOneRowTo: ["organizations", "audit_log"],
    },
    {
      name: "update organization",
      permission: "organization.manage",
      target: { kind: "action", file: "lib/registry/actions.ts", exportName: "updateOrganizationAction" },
      prepare: async (db) => {
        const { organizationId } = await prepareOrganization(db);
        return {
          fields: { organizationId, name: "HTTP Company Renamed", country: "FR", website: "", certificationStandard: "", certificationExpiresOn: "" },
        };
      },
      writes: ["organizations", "audit_log"],
    },
    {
      name: "change organization status",
      permission: "organization.changeStatus",
      target: { kind: "action", file: "lib/registry/actions.ts", exportName: "changeStatusAction" },
      prepare: async (db) => {
        const { organizationId, slug } = await prepareOrganization(db);
        return { fields: { organizationId, slug, toStatus: "applicant", statusReason: "Application received.", effectiveOn: "" } };
      },
      writes: ["organizations", "organization_status_history", "audit_log"],
      addsOneRowTo: ["organization_status_history", "audit_log"],
    },
    {
      name: "registry search API",
      target: { kind: "route", method: "GET", path: "/api/registry" },
      prepare: async () => ({ query: { q: "", country: "", pillar: "industry", status: "", goodStanding: "", page: "1" } }),
      writes: [],
    },
    {
      name: "registry entry API",
      target: { kind: "route", method: "GET", path: "/api/registry/one" },
      prepare: async (db) => ({ path: `/api/registry/${await anySlug(db)}` }),
      writes: [],
    },
  ]),
);
