import { defineHttpCases } from "@/lib/testing/http-cases";

/**
 * The operations routes answer a token from the environment (metrics) or one the server wrote beside
 * its database folder (backup), not a role: over HTTP without it, each refuses and changes nothing
 * (reliability/operations.test.ts checks the answers with and without the token).
 */
export const httpCases = defineHttpCases([
  {
    name: "metrics",
    target: { kind: "route", method: "GET", path: "/api/metrics" },
    prepare: async () => ({}),
    writes: [],
  },
  {
    name: "backup through the running server",
    target: { kind: "route", method: "POST", path: "/api/ops/backup" },
    prepare: async () => ({ json: {} }),
    writes: [],
  },
]);
