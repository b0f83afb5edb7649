import { spawnSync } from "node:child_process";
import { expect, test } from "./fixtures";

test("a second server on the same database folder refuses to start, and the first keeps serving", async ({ request }) => {
  const folder = process.env.E2E_PGLITE_DIR!;
  const second = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PGLITE_DIR: folder, PORT: "3199", DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(second.status).toBe(1);
  expect(second.stderr).toContain(`the database folder ${folder} is in use by another Pillars process (pid`);

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", database: "up", migrations: "applied" });
});
