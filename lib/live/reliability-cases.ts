import { insertConsultation } from "@/lib/policies/test-fixtures";
import { defineHttpCases } from "@/lib/testing/http-cases";
import { openFreshResolution } from "@/lib/votes/fixtures";

/**
 * How the reliability suite reaches the live update stream. An accepted request answers an event
 * stream that never ends by itself: the harness reads its first chunk and cancels it (readBody in
 * reliability/harness.ts). Following writes nothing.
 */
export const httpCases = defineHttpCases([
  {
    name: "follow an open motion's changes",
    permission: "motion.readInternal",
    target: { kind: "route", method: "GET", path: "/api/live" },
    prepare: async (db) => ({ query: { topic: `motion:${await openFreshResolution(db)}` } }),
    writes: [],
  },
  {
    name: "follow a consultation's comments",
    permission: "consultation.read",
    target: { kind: "route", method: "GET", path: "/api/live" },
    // Open to every pillar, so that any representative may read it.
    prepare: async (db) => ({ query: { topic: `consultation:${(await insertConsultation(db)).consultationId}` } }),
    writes: [],
  },
  {
    name: "follow one's own inbox",
    permission: "workspace.view",
    target: { kind: "route", method: "GET", path: "/api/live" },
    prepare: async () => ({ query: { topic: "inbox" } }),
    writes: [],
  },
]);
