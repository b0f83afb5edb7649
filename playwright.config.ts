import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { serverArgs } from "./scripts/server-command";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// A folder per run (the config is read again by every worker, which inherits these variables).
const runDir = process.env.E2E_RUN_DIR ?? mkdtempSync(path.join(tmpdir(), "pillars-e2e-"));
process.env.E2E_RUN_DIR = runDir;
// A fresh embedded database for every run; the server migrates and seeds it at start.
const dataDir = process.env.E2E_PGLITE_DIR ?? path.join(runDir, "pglite");
process.env.E2E_PGLITE_DIR = dataDir;
// E2E_DATABASE_URL runs the suite against a PostgreSQL database instead (e.g. one moved there by
// `npm run db:move-to-postgres`); E2E_STANDALONE=1 against the standalone server (`node server.js`
// in .next/standalone, prepared by scripts/prepare-standalone.ts), as the container runs it.
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const standalone = process.env.E2E_STANDALONE === "1";
// The sessions the tests sign in once and reuse (e2e/fixtures.ts) belong to this run's database.
process.env.E2E_SESSIONS_DIR = path.join(runDir, "sessions");
// The mail sink beside the app (e2e/mail-sink.ts): the app sends to its SMTP port, tests read its HTTP one.
const MAIL_SMTP_PORT = PORT + 1;
process.env.MAIL_SINK_HTTP_PORT = String(PORT + 2);
// A real OpenID Connect provider for single sign-on (e2e/oidc-provider.ts).
const OIDC = { port: PORT + 3, clientId: "pillars-e2e", clientSecret: "pillars-e2e-client-secret-0123456789" };

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "node --import tsx e2e/mail-sink.ts",
      url: `http://127.0.0.1:${process.env.MAIL_SINK_HTTP_PORT}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { MAIL_SINK_SMTP_PORT: String(MAIL_SMTP_PORT), MAIL_SINK_HTTP_PORT: process.env.MAIL_SINK_HTTP_PORT },
    },
    {
      command: "node --import tsx e2e/oidc-provider.ts",
      url: `http://127.0.0.1:${OIDC.port}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: {
        OIDC_PROVIDER_PORT: String(OIDC.port),
        OIDC_APP_URL: `http://127.0.0.1:${PORT}`,
        OIDC_CLIENT_ID: OIDC.clientId,
        OIDC_CLIENT_SECRET: OIDC.clientSecret,
      },
    },
    {
      command: standalone ? "node .next/standalone/server.js" : ["node", ...serverArgs(PORT)].join(" "),
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      // SIGTERM lets the server release its database folder; the default SIGKILL would not.
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PGLITE_DIR: dataDir,
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        APP_URL: `http://127.0.0.1:${PORT}`,
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
        OIDC_ISSUER: `http://127.0.0.1:${OIDC.port}`,
        OIDC_CLIENT_ID: OIDC.clientId,
        OIDC_CLIENT_SECRET: OIDC.clientSecret,
        OIDC_NAME: "Example SSO",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        PORT: String(PORT),
        HOSTNAME: "127.0.0.1",
        // One JSON line per request is more than a test run needs to show.
        LOG_LEVEL: "warn",
      },
    },
  ],
});
