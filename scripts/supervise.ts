import type { ChildProcess } from "node:child_process";
import { CANNOT_START } from "../lib/exit-codes";

/** How long to wait before each restart: doubling from 1 s up to 30 s, back to 1 s after a minute of health. */
export function restartDelayMs(failuresInARow: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failuresInARow - 1));
}

/** A run this long counts as healthy: the next crash starts the back-off again from 1 s. */
const HEALTHY_RUN_MS = 60_000;

/**
 * Runs the server and starts it again whenever it dies on its own (a crash, the heap exhausted, a
 * kill from outside), after a short back-off and with one clear log line; an outage lasts seconds,
 * not until someone notices. SIGINT and SIGTERM are passed on and end the supervisor too.
 */
export function supervise(start: () => ChildProcess, log: (line: string) => void = console.error): void {
  let child: ChildProcess;
  let stopping = false;
  let failures = 0;
  const run = () => {
    const startedAt = Date.now();
    child = start();
    child.on("exit", (code, signal) => {
      if (stopping) process.exit(code ?? 0);
      if (code === 0) process.exit(0);
      // The server said what the operator must fix; starting it again would only repeat that.
      if (code === CANNOT_START) process.exit(code);
      failures = Date.now() - startedAt >= HEALTHY_RUN_MS ? 1 : failures + 1;
      const delay = restartDelayMs(failures);
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      log(`Pillars stopped unexpectedly (the server ${why}); restarting in ${delay / 1000} s (restart ${failures} in a row).`);
      setTimeout(run, delay);
    });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      else process.exit(0);
    });
  }
  run();
}
