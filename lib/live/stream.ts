import "server-only";
import { subscribe } from "./bus";

/** A comment line every 15 s keeps proxies and the browser from timing the stream out. */
const HEARTBEAT_MS = 15_000;
/** A stream ends after this long and the browser reconnects, so a reader's rights are checked again. */
const LIFETIME_MS = 10 * 60_000;

export const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-store, no-transform",
  connection: "keep-alive",
  // nginx and similar proxies would otherwise hold the events back in their buffer.
  "x-accel-buffering": "no",
};

/**
 * An event stream of `change` events, one per committed change to any of `keys` (the data is the
 * topic only). Subscribes before it answers, so no change committed after the answer is missed;
 * stops listening when the reader goes away, the stream is cancelled or its lifetime ends.
 */
export async function openLiveStream(keys: string[], signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let closed = false;
  const timers: ReturnType<typeof setInterval>[] = [];
  const write = (text: string) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      stop();
    }
  };
  const unsubscribe = await subscribe(keys, (topic) => write(`event: change\ndata: ${topic}\n\n`));
  function stop() {
    if (closed) return;
    closed = true;
    unsubscribe();
    timers.forEach(clearInterval);
    signal.removeEventListener("abort", stop);
    try {
      controller?.close();
    } catch {
      // Already closed by the reader.
    }
  }
  if (signal.aborted) {
    unsubscribe();
    closed = true;
  }
  signal.addEventListener("abort", stop);
  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (closed) return c.close();
      // `retry`: how long the browser waits before reconnecting; the comment flushes the headers.
      write(`retry: 3000\n: listening\n\n`);
      timers.push(setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS));
      timers.push(setTimeout(stop, LIFETIME_MS) as unknown as ReturnType<typeof setInterval>);
      timers.forEach((t) => t.unref?.());
    },
    cancel() {
      stop();
    },
  });
}
