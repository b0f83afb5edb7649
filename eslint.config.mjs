import path from "node:path";
import { fileURLToPath } from "node:url";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Exceptions to a glob zone are matched against absolute paths, and must themselves be globs.
const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The layers of the house, as lint rules (see README, Architecture). Each zone names who may not
 * import whom; the messages say where the code belongs instead.
 */
const LAYERS = [
  {
    target: "./components",
    from: "./db",
    message:
      "Components never import the database layer: a client component would ship the schema to the browser. Take words and types from lib/<domain>/vocabulary.ts and data from a page.",
  },
  {
    target: "./db/**/*",
    from: ["./lib/**/*"],
    except: [`${root}/lib/env.@(ts)`, `${root}/lib/exit-codes.@(ts)`, `${root}/lib/*/vocabulary.ts`, `${root}/lib/testing/**/*`],
    message:
      "db/ never imports lib/ domains (demo data lives in lib/demo/, started from lib/startup.ts). It may use lib/env.ts and the leaf vocabulary modules.",
  },
  {
    target: ["./app", "./components", "./lib", "./db", "./proxy.ts", "./instrumentation.ts"],
    from: ["./reliability", "./bench", "./e2e"],
    message: "Product code never imports the test suites or the benchmark; shared test types live in lib/testing/.",
  },
  {
    target: ["./app", "./components"],
    from: "./lib/testing",
    message: "lib/testing/ is for tests only.",
  },
  {
    target: "./lib",
    from: ["./app", "./components"],
    message: "lib/ never imports routes or components: the domain does not know how it is shown.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Cycles are looked for in the project's own modules; parsing dependencies finds none and is slow.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "import/no-restricted-paths": ["error", { zones: LAYERS }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // Vocabulary modules are leaves: the schema, the rules and client components all import them.
    files: ["lib/*/vocabulary.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["*"] }] },
  },
  { ignores: ["**/.next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "**/next-env.d.ts"] },
];

export default config;
