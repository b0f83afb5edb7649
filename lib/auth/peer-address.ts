import http from "node:http";
import { PEER_ADDRESS_HEADER } from "./client-address";

let installed = false;

/**
 * Stamps every incoming request with its connection's peer address (PEER_ADDRESS_HEADER), replacing
 * whatever a client sent under that name. Next's route handlers and server actions see headers but
 * not the socket, and Next keeps a client's own `X-Forwarded-For`; this header is the one address
 * a client cannot choose. Installed once, at server start.
 */
export function stampPeerAddresses(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "unknown";
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
