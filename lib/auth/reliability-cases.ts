import { defineHttpCases } from "@/lib/testing/http-cases";

/** How the reliability suite (reliability/) reaches sign-in, the workspace pages and the API routes over HTTP. */
export const httpCases = defineHttpCases([
  {
    name: "dashboard",
    permission: "workspace.view",
    target: { kind: "page", path: "/dashboard" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "audit log",
    permission: "audit.read",
    target: { kind: "page", path: "/audit" },
    prepare: async () => ({ query: { entityType: "user", page: "1" } }),
    writes: [],
  },
  {
    name: "sign in",
    target: { kind: "action", file: "lib/auth/actions.ts", exportName: "signInAction" },
    prepare: async () => ({ fields: { email: "rep.gov@example.org", password: "pillars-demo", returnTo: "/dashboard" } }),
    // Every attempt is counted by the sign-in throttle; a checked one is recorded.
    writes: ["login_attempts", "sign_in_buckets", "sessions"],
  },
  {
    name: "health",
    target: { kind: "route", method: "GET", path: "/api/health" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "session",
    target: { kind: "route", method: "GET", path: "/api/auth/session" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "csrf token",
    target: { kind: "route", method: "GET", path: "/api/auth/csrf" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "credentials callback",
    target: { kind: "route", method: "POST", path: "/api/auth/callback/credentials" },
    prepare: async () => ({ form: { email: "rep.gov@example.org", password: "pillars-demo", csrfToken: "none", callbackUrl: "/dashboard" } }),
    writes: ["login_attempts", "sign_in_buckets", "sessions"],
  },
  {
    name: "sign out",
    target: { kind: "route", method: "POST", path: "/api/auth/signout" },
    prepare: async () => ({ form: { csrfToken: "none", callbackUrl: "/" } }),
    writes: ["sessions"],
  },
]);
