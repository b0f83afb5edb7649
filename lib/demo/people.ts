// Data only, with type imports only: the start script and the login page read DEMO_ACCOUNTS without
// pulling in the database layer. The accounts are written by users.ts.
import type { StoredRole } from "@/lib/users/vocabulary";

/** The one password of every demo account (demo data only). */
export const DEMO_PASSWORD = "pillars-demo";

export type PersonSeed = {
  email: string;
  name: string;
  org: string;
  /** Human label for the start script's account list. */
  label: string;
  /** Stored roles only: directors and the Chair follow from holding a current seat term. */
  roles: StoredRole[];
};

export const PEOPLE: PersonSeed[] = [
  { email: "admin@example.org", name: "Lena Fischer", org: "association-secretariat", label: "Admin", roles: ["admin"] },
  {
    email: "secretariat@example.org",
    name: "Amara Okafor",
    org: "association-secretariat",
    label: "Secretariat (Executive Director)",
    roles: ["secretariat"],
  },
  {
    email: "staff2@example.org",
    name: "Tomás Herrera",
    org: "association-secretariat",
    label: "Secretariat (Programme Officer)",
    roles: ["secretariat"],
  },
  { email: "gov1@example.org", name: "Margaret Ellison", org: "us-department-of-state", label: "Chair (director, Governments)", roles: [] },
  { email: "gov2@example.org", name: "Jonas Keller", org: "swiss-fdfa", label: "Director, Governments", roles: [] },
  { email: "gov3@example.org", name: "Priya Natarajan", org: "uk-fcdo", label: "Director, Governments", roles: [] },
  { email: "gov4@example.org", name: "Erik Lindqvist", org: "swedish-mfa", label: "Director, Governments", roles: [] },
  { email: "cso1@example.org", name: "Wanjiru Kamau", org: "open-frontiers-legal-aid", label: "Vice-chair (director, Civil Society)", roles: [] },
  { email: "cso2@example.org", name: "Lucía Mendoza", org: "andean-rights-observatory", label: "Director, Civil Society", roles: [] },
  { email: "cso3@example.org", name: "Oliver Grant", org: "coalition-accountable-security", label: "Director, Civil Society", roles: [] },
  { email: "cso4@example.org", name: "Chinedu Obi", org: "delta-community-justice", label: "Director, Civil Society", roles: [] },
  { email: "psc1@example.org", name: "James Whitfield", org: "meridian-protective-services", label: "Director, Industry", roles: [] },
  { email: "psc2@example.org", name: "Sophie Aebischer", org: "alpine-guard-solutions", label: "Director, Industry", roles: [] },
  { email: "psc3@example.org", name: "Nikos Demetriou", org: "bluewater-maritime-security", label: "Director, Industry", roles: [] },
  { email: "psc4@example.org", name: "Rachel Moreno", org: "sentinel-risk-partners", label: "Director, Industry", roles: [] },
  { email: "rep.gov@example.org", name: "Claire Donnelly", org: "australia-dfat", label: "Representative, Governments", roles: ["representative"] },
  {
    email: "rep.cso@example.org",
    name: "Somchai Wongsa",
    org: "mekong-labour-rights-watch",
    label: "Representative, Civil Society",
    roles: ["representative"],
  },
  {
    email: "rep.psc@example.org",
    name: "Thabo Nkosi",
    org: "kestrel-secure-logistics",
    label: "Representative, Industry",
    roles: ["representative"],
  },
];

/** Every demo account, for the start script to print. */
export const DEMO_ACCOUNTS: { email: string; role: string; name: string }[] = PEOPLE.map((p) => ({
  email: p.email,
  role: p.label,
  name: p.name,
}));
