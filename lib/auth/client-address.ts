/**
 * The header the server stamps with the connection's own peer address on every request, replacing
 * any value a client sent (instrumentation.ts, lib/auth/peer-address.ts). Next itself fills
 * `X-Forwarded-For` with the peer address only when a request has none, so a client could otherwise
 * name any address it likes.
 */
export const PEER_ADDRESS_HEADER = "x-pillars-peer-address";

/**
 * The address a request came from, for throttling. With no trusted proxy (`TRUSTED_PROXY_HOPS=0`,
 * the default) it is the connection's peer, and `X-Forwarded-For` is ignored: anyone can write it.
 * Behind N trusted proxies, each of which appends the address it received the request from, the
 * client is the entry N places from the right of `X-Forwarded-For` (entries to its left were written
 * by the client and prove nothing). A shorter header than N entries means the request did not come
 * through every proxy; its leftmost entry is then the best there is.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedProxyHops <= 0) return normalise(peer);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!chain.length) return normalise(peer);
  const index = Math.max(0, chain.length - trustedProxyHops);
  return normalise(chain[index]!);
}

/** `::ffff:127.0.0.1` is 127.0.0.1; anything else is kept short and as written. */
function normalise(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 64);
}
