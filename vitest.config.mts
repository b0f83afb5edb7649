import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; in tests the same modules run in plain Node.
      "server-only": path.join(root, "lib/testing/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**", "reliability/**"],
    // Migrates and seeds once per run; each test file copies the result (lib/testing/database.ts).
    globalSetup: ["lib/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker fewer than there are cores: one on a two-core machine. A test file
    // waits on its database (a server, or PGlite's WebAssembly start) much of the time, so two overlap.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
