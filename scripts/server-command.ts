import path from "node:path";
import { readEnv } from "../lib/env";

/**
 * The Node arguments that serve the built app, shared by `npm start`, the end-to-end tests, the
 * benchmark and the reliability suite, so each runs the same server.
 *
 * The JavaScript heap is bounded (SERVER_HEAP_MB, 256 by default). Unbounded, V8 lets garbage pile
 * up under concurrent renders: the server grew from 105 to 640 MB on PostgreSQL under the benchmark's
 * load, and stayed under 240 MB with the bound, at the same latency.
 */
export function serverArgs(port: number, source: Record<string, string | undefined> = process.env): string[] {
  const { SERVER_HEAP_MB } = readEnv(source);
  return [`--max-old-space-size=${SERVER_HEAP_MB}`, path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)];
}
