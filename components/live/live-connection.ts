/**
 * One event stream per browser tab, whatever number of components follow topics: browsers allow
 * only six connections to a site over HTTP/1.1, and each open stream holds one. When the topics a
 * page follows change, the stream is opened again with the new list.
 */
type Refresh = () => void;

const followed = new Map<string, number>();
let source: EventSource | null = null;
let opened = "";
let refresh: Refresh = () => {};
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/** Several changes in a burst (a ballot and its notices) make one refresh. */
const COALESCE_MS = 50;

function scheduleRefresh() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    refresh();
  }, COALESCE_MS);
}

function reopen() {
  const topics = [...followed.keys()].sort();
  const key = topics.join("&");
  if (key === opened) return;
  source?.close();
  source = null;
  opened = key;
  if (topics.length === 0 || typeof EventSource === "undefined") return;
  const query = new URLSearchParams(topics.map((t) => ["topic", t]));
  const stream = new EventSource(`/api/live?${query}`);
  let dropped = false;
  stream.addEventListener("change", scheduleRefresh);
  // After a dropped connection, changes made meanwhile were not heard: read the page again.
  stream.addEventListener("open", () => {
    if (dropped) scheduleRefresh();
    dropped = false;
  });
  // The browser reconnects on its own; a refusal (4xx) closes the stream and the page stays as it is.
  stream.addEventListener("error", () => {
    dropped = true;
  });
  source = stream;
}

function reopenSoon() {
  clearTimeout(reopenTimer);
  reopenTimer = setTimeout(reopen, 0);
}

/** Follows `topic` until the returned function is called; `onChange` re-reads the page. */
export function followTopic(topic: string, onChange: Refresh): () => void {
  refresh = onChange;
  followed.set(topic, (followed.get(topic) ?? 0) + 1);
  reopenSoon();
  return () => {
    const left = (followed.get(topic) ?? 1) - 1;
    if (left > 0) followed.set(topic, left);
    else followed.delete(topic);
    reopenSoon();
  };
}
