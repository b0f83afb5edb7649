import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Who may open which page: the answer every page gives to a signed-out visitor, a representative
 * (rep.psc@example.org, of the Private Security Companies pillar) and an administrator.
 *
 * - 200: the page is shown;
 * - "sign in": a redirect to /login?returnTo=<the page, with its query>;
 * - "dashboard": a redirect to the dashboard (the sign-in page, for someone signed in);
 * - 403: signed in, but the role does not open the page (lib/auth/permissions.ts);
 * - 404: no such item, or one this reader may not learn exists.
 *
 * `{name}` in a path is an id of the demo data, found when the suite starts (see DemoIds).
 */
export type Answer = 200 | 403 | 404 | "sign in" | "dashboard";
export type Reader = "visitor" | "representative" | "admin";
export type PageRow = { route: string; path: string } & Record<Reader, Answer>;

export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** Ids of the demo data that the paths below refer to as `{name}`. */
export type DemoIds = {
  seat: string;
  task: string;
  /** The open consultation on the Complaints Procedure, which invites every pillar. */
  consultation: string;
  /** A consultation on the Certification Procedure, to try under another policy's address. */
  otherConsultation: string;
  openMotion: string;
  draftMotion: string;
  closedMotion: string;
  /** The user rep.gov@example.org. */
  repGov: string;
  unknown: string;
};

const COMPLAINTS = "/policies/complaints-procedure-affected-persons";
const CONSULTATIONS = `${COMPLAINTS}/consultations`;
const DRAFT = "/policies/whistleblower-protection-guidance";

const row = (route: string, path: string, visitor: Answer, representative: Answer, admin: Answer): PageRow => ({
  route,
  path,
  visitor,
  representative,
  admin,
});

// prettier-ignore
export const PAGES: PageRow[] = [
  //  route                                              path                                                visitor    representative admin
  // Public pages.
  row("/",                                               "/",                                                200,       200,           200),
  row("/login",                                          "/login",                                           200,       "dashboard",   "dashboard"),
  row("/board",                                          "/board",                                           200,       200,           200),
  // Accounts: asking for a reset link is open to all; a link that names no open invitation or reset is not found.
  row("/forgot-password",                                "/forgot-password",                                 200,       200,           200),
  row("/invitation/[token]",                             `/invitation/no-such-link-${"A".repeat(30)}`,       404,       404,           404),
  row("/reset-password/[token]",                         `/reset-password/no-such-link-${"A".repeat(30)}`,   404,       404,           404),
  row("/registry",                                       "/registry",                                        200,       200,           200),
  row("/registry/[slug]",                                "/registry/meridian-protective-services",           200,       200,           200),
  row("/registry/[slug]",                                "/registry/no-such-company",                        404,       404,           404),
  row("/votes",                                          "/votes",                                           200,       200,           200),
  row("/votes/[id]",                                     "/votes/{closedMotion}",                            200,       200,           200),
  // Open and draft motions are internal until they close; representatives never read them.
  row("/votes/[id]",                                     "/votes/{openMotion}",                              404,       403,           200),
  row("/votes/[id]",                                     "/votes/{draftMotion}",                             404,       403,           200),
  row("/votes/[id]",                                     "/votes/{unknown}",                                 404,       404,           404),
  row("/policies",                                       "/policies",                                        200,       200,           200),
  // Adopted; in consultation with every pillar; a draft shared with no pillar; no such policy.
  row("/policies/[slug]",                                "/policies/certification-procedure",                200,       200,           200),
  row("/policies/[slug]",                                COMPLAINTS,                                         404,       200,           200),
  row("/policies/[slug]",                                DRAFT,                                              404,       404,           200),
  row("/policies/[slug]",                                "/policies/no-such-policy",                         404,       404,           404),
  row("/policies/[slug]/diff",                           "/policies/certification-procedure/diff",           200,       200,           200),
  row("/policies/[slug]/diff",                           `${DRAFT}/diff`,                                    404,       404,           200),
  row("/policies/[slug]/diff",                           "/policies/no-such-policy/diff",                    404,       404,           404),
  // Only the Secretariat drafts policies and opens consultations.
  row("/policies/new",                                   "/policies/new",                                    "sign in", 403,           403),
  row("/policies/[slug]/edit",                           `${DRAFT}/edit`,                                    "sign in", 403,           403),
  row("/policies/[slug]/consultations/new",              `${DRAFT}/consultations/new`,                       "sign in", 403,           403),
  // Consultations are for signed-in readers; another policy's consultation is not found under this one.
  row("/policies/[slug]/consultations/[id]",             `${CONSULTATIONS}/{consultation}`,                  "sign in", 200,           200),
  row("/policies/[slug]/consultations/[id]",             `${CONSULTATIONS}/{otherConsultation}`,             "sign in", 404,           404),
  row("/policies/[slug]/consultations/[id]",             `${CONSULTATIONS}/{unknown}`,                       "sign in", 404,           404),
  row("/policies/[slug]/consultations/[id]/register",    `${CONSULTATIONS}/{consultation}/register`,         "sign in", 200,           200),
  row("/policies/[slug]/consultations/[id]/register",    `${CONSULTATIONS}/{unknown}/register`,              "sign in", 404,           404),

  // The signed-in workspace. A role the page is not for gets 403 before any item is looked up.
  row("/dashboard",                                      "/dashboard",                                       "sign in", 200,           200),
  row("/inbox",                                          "/inbox?page=1",                                    "sign in", 200,           200),
  row("/audit",                                          "/audit?entityType=task",                           "sign in", 403,           200),
  row("/tasks",                                          "/tasks?status=open&mine=1",                        "sign in", 403,           200),
  row("/tasks/new",                                      "/tasks/new",                                       "sign in", 403,           403),
  row("/tasks/oversight",                                "/tasks/oversight",                                 "sign in", 403,           403),
  row("/tasks/[id]",                                     "/tasks/{task}",                                    "sign in", 403,           200),
  row("/tasks/[id]",                                     "/tasks/{unknown}",                                 "sign in", 403,           404),
  row("/account",                                        "/account",                                         "sign in", 200,           200),
  row("/admin/users",                                    "/admin/users",                                     "sign in", 403,           200),
  row("/admin/users/[id]",                               "/admin/users/{repGov}",                            "sign in", 403,           200),
  row("/admin/users/[id]",                               "/admin/users/{unknown}",                           "sign in", 403,           404),
  row("/admin/users/[id]",                               "/admin/users/not-a-uuid",                          "sign in", 403,           404),
  row("/admin/invitations",                              "/admin/invitations",                               "sign in", 403,           200),
  row("/account/security",                               "/account/security",                                "sign in", 200,           200),
  row("/admin/rules",                                    "/admin/rules",                                     "sign in", 403,           200),
  row("/admin/seats",                                    "/admin/seats",                                     "sign in", 403,           200),
  row("/admin/seats/[id]",                               "/admin/seats/{seat}",                              "sign in", 403,           200),
  row("/admin/seats/[id]",                               "/admin/seats/{unknown}",                           "sign in", 403,           404),
  row("/admin/organizations",                            "/admin/organizations",                             "sign in", 403,           200),
  row("/admin/organizations/[slug]",                     "/admin/organizations/meridian-protective-services", "sign in", 403,          200),
  row("/admin/organizations/[slug]",                     "/admin/organizations/no-such-company",             "sign in", 403,           404),

  // No page at all.
  row("(no route)",                                      "/no-such-page",                                    404,       404,           404),
];

/** The path of a row with the demo data's ids filled in. */
export function fill(template: string, ids: DemoIds): string {
  return template.replace(/\{(\w+)\}/g, (_, name: keyof DemoIds) => {
    if (!ids[name]) throw new Error(`No demo id called ${name}`);
    return ids[name];
  });
}

/** Every page route under app/, as a URL pattern: route groups left out, `[param]` kept. */
export function pageRoutes(appDir = path.join(process.cwd(), "app")): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) routes.push(`/${segments.join("/")}`);
    }
  };
  walk(appDir, []);
  return routes.sort();
}
