import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * `npm run test:reliability`: the HTTP suites in reliability/ (authorization, concurrency, crash,
 * fuzz, restarts, the largest input) against the built app. Each file starts its own servers on its
 * own ports and databases, so two files run at a time, one per core.
 */
/**
 * The longest files first, so that the two workers finish together: the catalog fuzz alone takes as
 * long as the rest. Files not listed here follow, in name order.
 */
const LONGEST_FIRST = ["fuzz", "crash", "concurrency", "fuzz-params", "authorization", "restart", "heavy-input"];

class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(path.basename(file.moduleId, ".test.ts"));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
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
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    // The catalog fuzz sends every malformed input to every entry (about 70 now): minutes, not seconds, on a shared machine.
    testTimeout: 900_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
