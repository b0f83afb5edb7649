import type { TestProject } from "vitest/node";
import { buildTemplates, dropTemplates } from "./templates";

/**
 * Vitest global setup: builds the run's template databases once (migrated, and migrated and seeded)
 * and hands them to the test files, which copy them (see createTestDatabase); drops them at the end.
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const templates = await buildTemplates();
  project.provide("testTemplates", templates);
  console.log(`Template databases (${templates.kind}) built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return async () => {
    await dropTemplates(templates);
  };
}
