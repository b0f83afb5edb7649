import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * `npm run test:reliability`: the HTTP suites in reliability/ (authorization, concurrency, crash,
 * fuzz) against the built app. They start servers, so files run one at a time.
 */
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
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
