import http from "node:http";
import { logger } from "@/lib/log";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";
import { recordRequest, routeLabel } from "./metrics";

/**
 * Watches every HTTP request the Node server answers (installed once at start by instrumentation.ts):
 * gives it a request id before Next sees it (the incoming X-Request-Id when plausible, else a new
 * one), sends the id back, counts it and its duration by route for /api/metrics, and logs one JSON
 * line when the response is finished.
 */
const globalForObserver = globalThis as unknown as { __pillarsHttpObserved?: boolean };

export function observeHttpRequests(): void {
  if (globalForObserver.__pillarsHttpObserved) return;
  globalForObserver.__pillarsHttpObserved = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const started = process.hrtime.bigint();
      const id = requestIdFrom(request.headers[REQUEST_ID_HEADER] as string | undefined);
      request.headers[REQUEST_ID_HEADER] = id;
      response.setHeader("X-Request-Id", id);
      response.once("finish", () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const path = (request.url ?? "/").split("?")[0]!;
        const route = routeLabel(path);
        recordRequest(request.method ?? "GET", route, response.statusCode, seconds);
        logger().info(
          { requestId: id, method: request.method, route, status: response.statusCode, ms: Math.round(seconds * 1000 * 10) / 10 },
          "request",
        );
      });
    }
    return (emit as (this: http.Server, event: string, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
