/**
 * Time limits and cancellation. Long solves are written as generators that `yield` at safe
 * points; {@link runSync} runs them straight through (checking the clock and the signal at each
 * point), {@link runAsync} also gives the event loop a turn there, so an `AbortSignal` fired by a
 * timer or a click stops the solve.
 *
 * @module
 */

/** A solve's clock and stop signal. */
export interface Control {
  /** `performance.now()`-style time at which to stop; `Infinity` for none. */
  readonly deadline: number;
  /** Aborts the solve when fired. */
  readonly signal?: AbortSignal;
}

/** Why a solve stopped early. */
export type StopReason = 'time-limit' | 'aborted';

/** Milliseconds on a monotonic clock. */
export const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Whether the solve must stop now, and why. */
export function stopReason(control: Control): StopReason | null {
  if (control.signal?.aborted) return 'aborted';
  return now() >= control.deadline ? 'time-limit' : null;
}

/** Milliseconds left before the deadline (0 when aborted). */
export function timeLeft(control: Control): number {
  if (control.signal?.aborted) return 0;
  return Math.max(0, control.deadline - now());
}

/** A solve that pauses at safe points. */
export type Steps<T> = Generator<void, T, void>;

/** Runs a solve to its end without pausing. */
export function runSync<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Least milliseconds between two turns given to the event loop by {@link runAsync}. */
const YIELD_EVERY_MS = 20;

/** Runs a solve, giving the event loop a turn at safe points (at most every 20 ms). */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  let last = now();
  let step = steps.next();
  while (!step.done) {
    if (now() - last >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      last = now();
    }
    step = steps.next();
  }
  return step.value;
}
