/**
 * Bounds the password checks one server runs at once. A check (scrypt, 32 MiB and tens of
 * milliseconds of a core) is the most expensive thing a visitor can ask for; without a bound, a few
 * hundred simultaneous sign-ins filled the thread pool and every other page waited seconds. At most
 * SIGN_IN_SLOTS.concurrent checks run; up to SIGN_IN_SLOTS.waiting more wait their turn; any further
 * attempt is refused at once with "try again shortly" (429 from the HTTP callback), before any work.
 */
export const SIGN_IN_SLOTS = { concurrent: 2, waiting: 16 } as const;

export const BUSY_MESSAGE = "Many sign-ins are being checked right now. Try again in a few seconds.";

// One state per process, even when the bundler loads this module once per route.
type Slots = { running: number; queue: Array<() => void> };
const KEY = Symbol.for("pillars.signInSlots");
const slots: Slots = ((globalThis as Record<symbol, Slots | undefined>)[KEY] ??= { running: 0, queue: [] });

/** Whether a new attempt would be refused now (every slot taken and the queue full). */
export function signInSlotsFull(): boolean {
  return slots.running >= SIGN_IN_SLOTS.concurrent && slots.queue.length >= SIGN_IN_SLOTS.waiting;
}

/** Runs `work` in a slot; returns `{ busy: true }` without running it when no slot or place in the queue is free. */
export async function withSignInSlot<T>(work: () => Promise<T>): Promise<{ busy: false; value: T } | { busy: true }> {
  if (slots.running >= SIGN_IN_SLOTS.concurrent) {
    if (slots.queue.length >= SIGN_IN_SLOTS.waiting) return { busy: true };
    await new Promise<void>((resolve) => slots.queue.push(resolve));
  } else {
    slots.running++;
  }
  try {
    return { busy: false, value: await work() };
  } finally {
    // The slot passes straight to the next waiting attempt, so `running` stays counted for it.
    const next = slots.queue.shift();
    if (next) next();
    else slots.running--;
  }
}
