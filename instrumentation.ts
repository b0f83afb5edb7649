/**
 * Runs once when the server starts: watches every HTTP request (request ids, metrics, one log line
 * each), opens and migrates the database (and seeds an empty embedded one) so the first request is
 * not the slow one, and stops at once with a clear message when the configuration or the database
 * folder is not usable.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { observeHttpRequests } = await import("./lib/ops/http-observer");
  observeHttpRequests();
  const { startServer } = await import("./lib/startup");
  await startServer();
}
