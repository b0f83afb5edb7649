import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Calls a server action over HTTP exactly as a browser (or an attacker crafting a request) does:
 * a POST with the `Next-Action` header and React's encoding of the arguments. Used by the
 * reliability suite to reach every action through the running app, not through its functions.
 */
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** Finds an action's id and a page that serves it, by source file and export name. */
export function findAction(file: string, exportedName: string, buildDir = ".next"): { id: string; page: string } {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === file && entry.exportedName === exportedName) {
      const worker = Object.keys(entry.workers)[0] ?? "app/page";
      const page =
        worker
          .replace(/^app/, "")
          .replace(/\/page$/, "")
          .replace(/\/\([^)]+\)/g, "")
          .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000") || "/";
      return { id, page };
    }
  }
  throw new Error(`No server action ${exportedName} in ${file}; is the build current?`);
}

/** `redirect`: where an action that called `redirect()` sends the browser (Next answers 200 with `x-action-redirect`). */
export type ActionResponse = { status: number; body: string; redirect?: string };

/** Posts an action call. `args` are the action's arguments, e.g. `[null, formData]` for a useActionState form. */
export async function callAction(
  baseUrl: string,
  action: { id: string; page: string },
  args: unknown[],
  options: { cookie?: string; origin?: string | null; headers?: Record<string, string> } = {},
): Promise<ActionResponse> {
  const body = await encodeReply(args);
  const headers: Record<string, string> = { ...options.headers, "Next-Action": action.id, Accept: "text/x-component" };
  const origin = options.origin === undefined ? baseUrl : options.origin;
  if (origin) headers.Origin = origin;
  if (options.cookie) headers.Cookie = options.cookie;
  if (typeof body === "string") headers["Content-Type"] = "text/plain;charset=UTF-8";
  const response = await fetch(`${baseUrl}${action.page}`, { method: "POST", headers, body, redirect: "manual" });
  return { status: response.status, body: await response.text(), redirect: response.headers.get("x-action-redirect") ?? undefined };
}
