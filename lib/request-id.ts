/**
 * Every request gets an id: the `X-Request-Id` a trusted proxy in front sent (when it looks like one),
 * otherwise a fresh UUID (lib/ops/http-observer.ts, and proxy.ts for requests it sees first). The
 * response carries it back, the log lines of the request name it, and so do the audit rows it writes.
 */
export const REQUEST_ID_HEADER = "x-request-id";
const VALID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The incoming id if it is a plausible one, otherwise a new one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && VALID.test(incoming) ? incoming : crypto.randomUUID();
}

/** The id of the request being served, when this runs inside one (server actions, route handlers, pages). */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined; // Outside a request: start-up, the outbox sweep, scripts and tests.
  }
}
