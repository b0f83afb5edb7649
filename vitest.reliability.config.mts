import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * `npm run test:reliability`: the HTTP suites in reliability/ (authorization, concurrency, crash,
 * fuzz) against the built app. They start servers, so files run one at a time.
 */
/** In name order (authorization, concurrency, crash, fuzz), so the printed figures read the same every run. */
class ByName extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "lib/testing/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["reliability/**/*.test.ts"],
    globalSetup: ["reliability/global-setup.ts"],
    fileParallelism: false,
    sequence: { sequencer: ByName },
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
