/** Runs per property in `npm run test:deep` (`vitest --mode deep`). */
export const DEEP_RUNS = 100_000;

/** Whether this is the deep run (`npm run test:deep`). */
export const deep = (import.meta as unknown as { env?: { MODE?: string } }).env?.MODE === 'deep';

/**
 * Runs of a property or fuzz target: `fallback` in `npm test`, {@link DEEP_RUNS} in
 * `npm run test:deep`, or the value of the environment variable `name` when set (to replay or to
 * try a size by hand).
 */
export function runsOf(name: string, fallback: number): number {
  const fromEnv = Number(process.env[name]);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return deep ? DEEP_RUNS : fallback;
}
