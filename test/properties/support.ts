/**
 * Shared settings and tools of the property tests: the number of runs, the result walkers, deep
 * freezing and seeded reordering of raw input.
 */
import { expect } from 'vitest';
import { permutation, rng, type Rng } from '../helpers/random';
import { runsOf } from '../helpers/runs';

/**
 * Runs per property: 1,000 in `npm test`, 100,000 in `npm run test:deep`, or the value of
 * `BINOME_PROPERTY_RUNS` when set.
 */
export const RUNS = runsOf('BINOME_PROPERTY_RUNS', 1000);

/** fast-check parameters of every property. */
export const params = { numRuns: RUNS } as const;

/**
 * Vitest timeout of a property: the configured one (a minute) at the default thousand runs; none
 * for longer runs (`test:deep` passes `--testTimeout 0` too).
 */
export const TIMEOUT: number | undefined = RUNS > 1000 ? 0 : undefined;

/** A copy of a result without its wall-clock times (`stats.timeMs`), the only field that may vary. */
export function withoutTimes<T>(result: T): unknown {
  return JSON.parse(JSON.stringify(result, (key, value: unknown) => (key === 'timeMs' ? undefined : value)));
}

const BAD_TEXT = /NaN|undefined|Infinity|\[object/;

/** Where a value holds a number that is not finite or a text reading NaN, undefined, Infinity or [object. */
export function uncleanPaths(value: unknown, path = 'result', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} is ${value}`);
  } else if (typeof value === 'string') {
    if (BAD_TEXT.test(value)) out.push(`${path}: ${JSON.stringify(value)}`);
  } else if (ArrayBuffer.isView(value)) {
    Array.from(value as unknown as ArrayLike<number>).forEach((x, i) => uncleanPaths(x, `${path}[${i}]`, out));
  } else if (Array.isArray(value)) {
    value.forEach((x, i) => uncleanPaths(x, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, x] of Object.entries(value)) uncleanPaths(x, `${path}.${k}`, out);
  } else if (!(value === null || value === undefined || typeof value === 'boolean')) out.push(`${path} is a ${typeof value}`);
  return out;
}

/**
 * Checks every number of a value is finite and no text reads `NaN`, `undefined`, `Infinity` or
 * `[object`; walks the value itself (JSON would turn NaN into null), typed arrays included.
 */
export function expectClean(value: unknown, path = 'result'): void {
  expect(uncleanPaths(value, path)).toEqual([]);
}

/** Freezes a value and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function shuffled<T>(rand: Rng, items: readonly T[]): T[] {
  return permutation(rand, items.length).map((i) => items[i]!);
}

/** The same object with its keys in a random order, recursively (arrays keep their order). */
export function shuffleKeys(rand: Rng, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((x) => shuffleKeys(rand, x));
  if (value === null || typeof value !== 'object') return value;
  const entries = shuffled(rand, Object.entries(value));
  return Object.fromEntries(entries.map(([k, x]) => [k, shuffleKeys(rand, x)]));
}

/**
 * The same input reordered: participants, the keys of every record, forbidden and locked pairs,
 * and each `mustMatch` quota's `ids`; with `lists`, the quotas and the goals too.
 */
export function reorder(
  seed: number,
  input: { readonly participants: readonly unknown[]; readonly program: unknown },
  options: { readonly lists?: boolean } = {},
): { participants: unknown[]; program: unknown } {
  const rand = rng(seed);
  const program = structuredClone(input.program) as Record<string, unknown>;
  const constraints = program.constraints as Record<string, unknown> | undefined;
  if (constraints) {
    for (const list of ['forbiddenPairs', 'lockedPairs']) {
      const pairs = constraints[list];
      if (Array.isArray(pairs)) constraints[list] = shuffled(rand, pairs);
    }
  }
  for (const quota of (program.quotas ?? []) as Record<string, unknown>[]) {
    if (Array.isArray(quota.ids)) quota.ids = shuffled(rand, quota.ids);
  }
  if (options.lists) {
    for (const list of ['quotas', 'goals']) if (Array.isArray(program[list])) program[list] = shuffled(rand, program[list] as unknown[]);
  }
  return {
    participants: shuffled(rand, input.participants).map((p) => shuffleKeys(rand, p)),
    program: shuffleKeys(rand, program),
  };
}
