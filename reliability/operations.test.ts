import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { signInCookie } from "@/bench/server";
import { rowsOf } from "@/db/client";
import { knownMigrations } from "@/db/migrate";
import { databaseFingerprint } from "@/lib/testing/fingerprint";
import { insertConsultation } from "@/lib/policies/test-fixtures";
import { catalogCase } from "./concurrency";
import { createPostgresDatabase, ROLE_USERS, send, startApp } from "./harness";

/**
 * Health, metrics and request ids against a running server on PostgreSQL: the liveness and readiness
 * probes, /api/metrics refused without its token and parsed as Prometheus text with it (the request
 * counts match the requests sent), and a request's X-Request-Id on the audit row it wrote.
 */
const TOKEN = "metrics-token-for-the-operations-test";
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Metric = {
  name: string;
  type: string;
  metrics: { value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string }[];
};

describe("operations endpoints on a running server", () => {
  it("health, metrics and request ids", async () => {
    const database = await createPostgresDatabase();
    cleanups.push(() => database.drop());
    const consultation = await insertConsultation(database.db);
    // The server inherits this process's environment: the metrics token is given that way.
    process.env.METRICS_TOKEN = TOKEN;
    const server = await startApp(3751, database);
    cleanups.push(() => server.stop());

    // Liveness and readiness.
    const live = await fetch(`${server.url}/api/health?probe=live`);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/api/health?probe=ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", database: "up", migrations: "applied" });

    // Refused without the token, and with a wrong one.
    const without = await fetch(`${server.url}/api/metrics`);
    expect(without.status).toBe(401);
    expect(await without.text()).not.toContain("pillars_http_requests_total");
    const wrong = await fetch(`${server.url}/api/metrics`, { headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.status).toBe(403);
    await wrong.text();
    // The backup route answers only the token the server wrote beside an embedded database's folder.
    expect((await fetch(`${server.url}/api/ops/backup`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(401);

    const SENT = 7;
    for (let i = 0; i < SENT; i++) {
      const answer = await fetch(`${server.url}/api/registry?page=1`);
      expect(answer.status).toBe(200);
      await answer.text();
    }
    const notFound = await fetch(`${server.url}/api/registry/no-such-organisation-${Date.now()}`);
    expect(notFound.status).toBe(404);
    await notFound.text();
    // A request is counted when the server has finished sending it, a moment after the client read it.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const response = await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    const families = parsePrometheusTextFormat(text) as Metric[];
    const family = (name: string) => families.find((f) => f.name === name);

    const requests = family("pillars_http_requests_total")!;
    expect(requests.type).toBe("COUNTER");
    const registry = requests.metrics.find((m) => m.labels?.route === "/api/registry" && m.labels?.status === "200" && m.labels?.method === "GET");
    expect(Number(registry?.value)).toBe(SENT);
    const missing = requests.metrics.find((m) => m.labels?.route === "/api/registry/:slug" && m.labels?.status === "404");
    expect(Number(missing?.value)).toBe(1);
    const refused = requests.metrics.find((m) => m.labels?.route === "/api/metrics" && m.labels?.status === "401");
    expect(Number(refused?.value)).toBe(1);

    const latency = family("pillars_http_request_duration_seconds")!;
    expect(latency.type).toBe("HISTOGRAM");
    // The parser keeps a histogram's buckets but not its labels: the series is read from the text itself.
    expect(latency.metrics.length).toBeGreaterThan(0);
    expect(text).toContain(`pillars_http_request_duration_seconds_count{method="GET",route="/api/registry"} ${SENT}\n`);
    expect(text).toContain(`pillars_http_request_duration_seconds_bucket{method="GET",route="/api/registry",le="+Inf"} ${SENT}\n`);

    const pending = Number(
      rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from notifications where emailed_at is null`))[0]!.n,
    );
    expect(Number(family("pillars_outbox_pending")!.metrics[0]!.value)).toBe(pending);
    expect(Number(family("pillars_database_up")!.metrics[0]!.value)).toBe(1);
    expect(family("pillars_database_up")!.metrics[0]!.labels).toEqual({ kind: "postgres" });
    expect(Number(family("pillars_database_pool_max")!.metrics[0]!.value)).toBe(5);
    expect(family("pillars_database_connections")!.metrics.length).toBeGreaterThan(0);
    expect(Number(family("pillars_process_resident_memory_bytes")!.metrics[0]!.value)).toBeGreaterThan(10 * 1024 * 1024);

    // A request id sent along is echoed back and stored on the audit row the request wrote.
    const requestId = `ops-test-${Date.now()}`;
    const cookie = await signInCookie(server.url, ROLE_USERS.secretariat);
    const body = `Request id test comment ${requestId}`;
    const sent = await send(
      server.url,
      catalogCase("create comment"),
      {
        fields: {
          consultationId: consultation.consultationId,
          slug: consultation.slug,
          paragraphKey: consultation.keys[1]!,
          quote: "",
          body,
          parentId: "",
        },
      },
      { cookie, headers: { "x-request-id": requestId } },
    );
    expect(sent.outcome).toBe("allowed");
    const audit = rowsOf<{ request_id: string | null }>(
      await database.db.execute(sql`select a.request_id from audit_log a join comments c on c.id::text = a.entity_id
        where a.entity_type = 'comment' and c.body = ${body}`),
    );
    expect(audit).toEqual([{ request_id: requestId }]);
    const echoed = await fetch(`${server.url}/api/health?probe=live`, { headers: { "x-request-id": requestId } });
    expect(echoed.headers.get("x-request-id")).toBe(requestId);
    const fresh = await fetch(`${server.url}/api/health?probe=live`, { headers: { "x-request-id": "bad id\twith tab" } });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("an older build refuses to start on a database a newer one migrated, and changes nothing", async () => {
    const database = await createPostgresDatabase();
    cleanups.push(() => database.drop());
    await database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${"d".repeat(64)}, ${knownMigrations().at(-1)!.when + 60_000})`,
    );
    const before = await databaseFingerprint(database.db);
    const journal = rowsOf(await database.db.execute(sql`select id, hash, created_at::text from drizzle.__drizzle_migrations order by id`));
    const error = await startApp(3752, database).then(
      (server) => {
        cleanups.push(() => server.stop());
        return null;
      },
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain("The server exited during start");
    expect(error?.message).toContain("Pillars cannot start: The database was upgraded by a newer version of Pillars");
    expect(error?.message).toContain("dddddddddddd");
    expect(await databaseFingerprint(database.db)).toEqual(before);
    expect(rowsOf(await database.db.execute(sql`select id, hash, created_at::text from drizzle.__drizzle_migrations order by id`))).toEqual(journal);
  });
});
