/**
 * The figures /api/metrics serves in Prometheus's text format: HTTP requests by route (a count and a
 * latency histogram), gathered by lib/ops/http-observer.ts in the same process. The database, outbox
 * and memory figures are read when the metrics are asked for (app/api/metrics/route.ts).
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Distinct route labels kept; past it a request counts under "other", so odd addresses cannot grow the set. */
const MAX_ROUTES = 300;

type Histogram = { counts: number[]; sum: number; count: number };
type Store = { requests: Map<string, number>; durations: Map<string, Histogram>; routes: Set<string> };

const globalForMetrics = globalThis as unknown as { __pillarsMetrics?: Store };
function store(): Store {
  globalForMetrics.__pillarsMetrics ??= { requests: new Map(), durations: new Map(), routes: new Set() };
  return globalForMetrics.__pillarsMetrics;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A route's label: the path with its ids replaced (UUIDs and numbers become `:id`, the build's static
 * files one label), so one page is one series whichever record it shows.
 */
export function routeLabel(path: string): string {
  if (path.startsWith("/_next/static/")) return "/_next/static/*";
  if (path.startsWith("/_next/image")) return "/_next/image";
  const segments = path.split("/").map((segment) => (UUID.test(segment) || /^\d+$/.test(segment) ? ":id" : segment));
  let label = segments.join("/") || "/";
  // Public records are addressed by slug: /policies/<slug>, /registry/<slug>, /api/registry/<slug>.
  label = label.replace(/^(\/(?:api\/)?(?:policies|registry|votes|board))\/[^/]+/, "$1/:slug");
  label = label.replace(/^\/api\/calendar\/[^/]+/, "/api/calendar/:token");
  if (label.length > 100) return "other";
  const { routes } = store();
  if (!routes.has(label)) {
    if (routes.size >= MAX_ROUTES) return "other";
    routes.add(label);
  }
  return label;
}

export function recordRequest(method: string, route: string, status: number, seconds: number): void {
  const { requests, durations } = store();
  const key = JSON.stringify([method, route, String(status)]);
  requests.set(key, (requests.get(key) ?? 0) + 1);
  const durationKey = JSON.stringify([method, route]);
  let histogram = durations.get(durationKey);
  if (!histogram) durations.set(durationKey, (histogram = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
  BUCKETS.forEach((bound, i) => {
    if (seconds <= bound) histogram!.counts[i]!++;
  });
  histogram.sum += seconds;
  histogram.count++;
}

function escape(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}
function labels(names: string[], values: string[]): string {
  return `{${names.map((name, i) => `${name}="${escape(values[i]!)}"`).join(",")}}`;
}

export type Gauge = { name: string; help: string; value: number; labels?: Record<string, string> };

/** The exposition text: the request metrics, then the gauges given (grouped by name). */
export function renderMetrics(gauges: Gauge[]): string {
  const { requests, durations } = store();
  const out: string[] = [];
  out.push("# HELP pillars_http_requests_total HTTP requests answered, by method, route and status.");
  out.push("# TYPE pillars_http_requests_total counter");
  for (const [key, count] of requests) {
    const [method, route, status] = JSON.parse(key) as string[];
    out.push(`pillars_http_requests_total${labels(["method", "route", "status"], [method!, route!, status!])} ${count}`);
  }
  out.push("# HELP pillars_http_request_duration_seconds Time to answer an HTTP request, by method and route.");
  out.push("# TYPE pillars_http_request_duration_seconds histogram");
  for (const [key, h] of durations) {
    const [method, route] = JSON.parse(key) as string[];
    BUCKETS.forEach((bound, i) =>
      out.push(`pillars_http_request_duration_seconds_bucket${labels(["method", "route", "le"], [method!, route!, String(bound)])} ${h.counts[i]}`),
    );
    out.push(`pillars_http_request_duration_seconds_bucket${labels(["method", "route", "le"], [method!, route!, "+Inf"])} ${h.count}`);
    out.push(`pillars_http_request_duration_seconds_sum${labels(["method", "route"], [method!, route!])} ${h.sum}`);
    out.push(`pillars_http_request_duration_seconds_count${labels(["method", "route"], [method!, route!])} ${h.count}`);
  }
  const byName = new Map<string, Gauge[]>();
  for (const gauge of gauges) byName.set(gauge.name, [...(byName.get(gauge.name) ?? []), gauge]);
  for (const [name, group] of byName) {
    out.push(`# HELP ${name} ${group[0]!.help}`);
    out.push(`# TYPE ${name} gauge`);
    for (const g of group) {
      const names = Object.keys(g.labels ?? {});
      out.push(
        `${name}${
          names.length
            ? labels(
                names,
                names.map((n) => g.labels![n]!),
              )
            : ""
        } ${g.value}`,
      );
    }
  }
  return `${out.join("\n")}\n`;
}
