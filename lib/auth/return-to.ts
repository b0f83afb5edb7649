/** A page's query string as Next gives it to the page. */
export type PageQuery = Record<string, string | string[] | undefined>;

const SAFE_RETURN_PATH = /^\/(?![/\\])[\w\-./?=&%]*$/;

/** Only same-site paths may be returned to after sign-in; anything else returns to the dashboard. */
export function safeReturnPath(value: unknown): string {
  const path = typeof value === "string" ? value : "";
  return SAFE_RETURN_PATH.test(path) && !path.startsWith("/login") ? path : "/dashboard";
}

// Percent-encodes every character but letters, digits and `_-.`, so that what the visitor typed
// (spaces, `+`, quotes, non-Latin letters) survives the trip and still passes `safeReturnPath`.
function encodeStrictly(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The address to come back to after sign-in: `path` as the page's params give it (decoded), with the
 * query the page was given. Every piece is encoded, so the result always passes `safeReturnPath`.
 */
export function returnPath(path: string, query: PageQuery = {}): string {
  const encodedPath = path.split("/").map(encodeStrictly).join("/");
  const pairs = Object.entries(query).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((one) => `${encodeStrictly(name)}=${encodeStrictly(one)}`),
  );
  return pairs.length ? `${encodedPath}?${pairs.join("&")}` : encodedPath;
}

/** The sign-in page, bringing the visitor back to `returnTo` afterwards. */
export function signInPath(returnTo: string): string {
  return `/login?returnTo=${encodeURIComponent(returnTo)}`;
}
