/**
 * Shared pieces of the fuzz tests: run counts, the arbitraries of hostile values and of mutations
 * of the sample documents (JSON values, JSON text, CSV text), the documents themselves (re-exported
 * from ./corpus), and the one assertion every target must pass: it either
 * succeeds or throws a library error with a documented code whose every issue is located, within
 * a time bound, without touching any prototype.
 */
import { fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { BinomeError } from '../../src/errors';
import { runsOf } from '../helpers/runs';
import { DEEP_ARRAY, DEEP_OBJECT, HOSTILE_KEYS, HUGE_STRING, PROTO_OBJECT, SPARSE_ARRAY, WIDE_OBJECT, pathsOf, type Mutation } from './corpus';

export * from './corpus';

/** Runs per property: 300 in `npm test`, more in `npm run test:deep`, or `BINOME_FUZZ_RUNS` when set. */
export const RUNS = runsOf('BINOME_FUZZ_RUNS', 300);

/** Longest time one case may take, per started megabyte of input (1 MB for values built in memory). */
export const CASE_TIME_LIMIT_MS = 2000;

/** The codes the README documents. */
export const ERROR_CODES: readonly string[] = ['invalid-input', 'locked-pair-conflict', 'invalid-plugin'];

// ---------------------------------------------------------------------------------------------
// Prototype pollution

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype];
const snapshot = prototypes.map((p) => Object.getOwnPropertyNames(p).sort().join(','));

/** Asserts that no built-in prototype gained or lost a property, and that `{}` reads clean. */
export function expectNoPollution(): void {
  prototypes.forEach((p, i) => expect(Object.getOwnPropertyNames(p).sort().join(',')).toBe(snapshot[i]));
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'x', 'isAdmin', 'a']) expect(probe[key]).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

// ---------------------------------------------------------------------------------------------
// The outcome of one case

/** What a target did with one input. */
export type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: BinomeError };

/** Asserts that `error` is a library error with a documented code and located issues. */
export function expectLibraryError(error: unknown): asserts error is BinomeError {
  if (!(error instanceof BinomeError)) {
    throw new Error(`escaped a non-library error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  expect(ERROR_CODES).toContain(error.code);
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    const located = issue.path.length > 0 || issue.source !== undefined;
    if (!located) throw new Error(`issue without a path nor a source: ${issue.message}`);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
  expect(typeof error.message).toBe('string');
}

/** The time bound of a case whose input is `size` characters long. */
export function timeLimit(size = 0): number {
  return CASE_TIME_LIMIT_MS * Math.max(1, Math.ceil(size / 1_000_000));
}

/**
 * Runs one case of a synchronous target: success, or a library error (see
 * {@link expectLibraryError}); under {@link CASE_TIME_LIMIT_MS} per megabyte of input (`size`,
 * in characters, when the input is text); no prototype touched.
 */
export function check(run: () => unknown, size = 0): Outcome {
  const start = performance.now();
  let outcome: Outcome;
  try {
    run();
    outcome = { ok: true };
  } catch (error) {
    expectLibraryError(error);
    outcome = { ok: false, error };
  }
  const elapsed = performance.now() - start;
  if (process.env.BINOME_FUZZ_SLOW !== undefined && elapsed > Number(process.env.BINOME_FUZZ_SLOW)) {
    console.log(`slow case: ${elapsed.toFixed(0)} ms, ${outcome.ok ? 'accepted' : outcome.error.message.slice(0, 200)}`);
  }
  expect(elapsed).toBeLessThan(timeLimit(size));
  expectNoPollution();
  return outcome;
}

// ---------------------------------------------------------------------------------------------
/** Keys: hostile ones or random strings. */
export const anyKey: fc.Arbitrary<string> = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

/** `fc.anything()` with every kind of value switched on, hostile keys included. */
export const anything: fc.Arbitrary<unknown> = fc.anything({
  key: anyKey,
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Values of every wrong type for any field, hostile ones first. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      0,
      -1,
      1.5,
      6,
      -0,
      1e308,
      -1e308,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER + 2,
      '',
      ' ',
      'x',
      '1',
      'true',
      'null',
      '__proto__',
      'toString',
      [],
      [null],
      {},
      HUGE_STRING,
      DEEP_ARRAY,
      DEEP_OBJECT,
      SPARSE_ARRAY,
      WIDE_OBJECT,
      PROTO_OBJECT,
    ),
  },
  { weight: 2, arbitrary: anything },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Arbitrary mutations of `doc`: one to three changes at random paths. */
export function mutations(doc: unknown): fc.Arbitrary<Mutation[]> {
  const paths = pathsOf(doc);
  const path = fc.constantFrom(...paths);
  const inner = paths.filter((p) => p.length > 0);
  const innerPath = fc.constantFrom(...inner);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: innerPath }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), path: innerPath, value: wrongValue }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), path, key: anyKey, value: wrongValue }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('wrap' as const),
        path: innerPath,
        levels: fc.constantFrom(1, 2, 100, 10_000),
        as: fc.constantFrom('array' as const, 'object' as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('grow' as const), path: innerPath, copies: fc.constantFrom(0, 2, 1001) }) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

const LIMIT_KEYS = ['maxParticipants', 'maxStringLength', 'maxSkillsPerPerson', 'maxListLength', 'maxSkills', 'maxCsvColumns', 'maxQuotas'] as const;
/** A limit's name: mostly a real one, else a near miss or a prototype key. */
const limitKey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...LIMIT_KEYS) }, { weight: 1, arbitrary: fc.constantFrom('maxParticipant', '__proto__', 'constructor') });
/** A limit's value: mostly a usable one (a tight one now and then), else a wrong value. */
const limitValue = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1000, 100_000, Number.POSITIVE_INFINITY) }, { weight: 1, arbitrary: fc.constantFrom(0, 2) }, { weight: 1, arbitrary: wrongValue });

/**
 * Parse options as a web form could send them: a wrong value, or an object whose every key
 * (`unknownFields`, `maxStringLength`, `skills`, `limits` and each limit) may hold a wrong value.
 */
export const parseOptions: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: wrongValue },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        unknownFields: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('error', 'strip') }, { weight: 1, arbitrary: wrongValue }),
        maxStringLength: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1000, Number.POSITIVE_INFINITY) }, { weight: 1, arbitrary: fc.constantFrom(0, 5) }, { weight: 1, arbitrary: wrongValue }),
        skills: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: wrongValue }, { weight: 1, arbitrary: fc.array(wrongValue, { maxLength: 3 }) }),
        limits: fc.oneof({ weight: 1, arbitrary: wrongValue }, { weight: 3, arbitrary: fc.dictionary(limitKey, limitValue, { maxKeys: 3 }) }),
      },
      { requiredKeys: [] },
    ),
  },
);

// ---------------------------------------------------------------------------------------------
// Mutations of text (JSON or CSV)

/** One change to a text. */
export type TextMutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'remove'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicateKey'; readonly at: number; readonly key: string; readonly value: string };

const specialText = fc.constantFrom(
  '"',
  '""',
  ',',
  ';',
  '|',
  '\n',
  '\r',
  '\r\n',
  '\uFEFF',
  '\u0000',
  '\uD800',
  '{',
  '}',
  '[',
  ']',
  ':',
  '\\',
  '\\u',
  'null',
  '1e999',
  '-',
  '"__proto__":{"polluted":true},',
  '"constructor":{"prototype":{"polluted":true}},',
  '[[[[[[[[[[',
  'x'.repeat(10_000),
);

/** Arbitrary text mutations (positions as fractions of the length, applied in order). */
export const textMutations: fc.Arbitrary<TextMutation[]> = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('insert' as const),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        text: fc.oneof(specialText, fc.string({ maxLength: 8, unit: 'binary' })),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('duplicateKey' as const),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        key: fc.constantFrom('id', 'role', 'volunteer', 'skills', 'weights', 'cohorts', 'participants', 'pairs', 'quotas', 'objective', '__proto__', 'constructor'),
        value: fc.constantFrom('null', '7', '"x"', '[]', '{}', '{"polluted":true}', '-1', 'true', JSON.stringify(HUGE_STRING.slice(0, 100_000))),
      }),
    },
  ),
  { minLength: 1, maxLength: 3 },
);

/**
 * Applies text mutations. `duplicateKey` adds `,"key":value` before the `}` nearest to its
 * position, so that the key appears twice in that object when it was there (the last one wins).
 */
export function mutateText(text: string, changes: readonly TextMutation[]): string {
  let out = text;
  for (const c of changes) {
    const i = Math.min(out.length, Math.floor(c.at * (out.length + 1)));
    switch (c.kind) {
      case 'truncate':
        out = out.slice(0, i);
        break;
      case 'insert':
        out = out.slice(0, i) + c.text + out.slice(i);
        break;
      case 'remove':
        out = out.slice(0, i) + out.slice(i + c.length);
        break;
      case 'duplicateKey': {
        const close = out.indexOf('}', i);
        const j = close >= 0 ? close : out.lastIndexOf('}');
        if (j >= 0) out = `${out.slice(0, j)},${JSON.stringify(c.key)}:${c.value}${out.slice(j)}`;
        break;
      }
    }
  }
  return out;
}

/**
 * JSON text of a mutated value (non-JSON values such as `NaN` or `undefined` become `null` or
 * vanish; the sparse array becomes 2,000 nulls, text having no holes; a nesting too deep for
 * `JSON.stringify` becomes 10,000 levels of brackets).
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v === SPARSE_ARRAY ? new Array(2000).fill(null) : typeof v === 'bigint' ? String(v) : v)) ?? 'null';
  } catch {
    return `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Tally, for the README's reliability figures (printed with BINOME_FUZZ_REPORT=1)

const tally = new Map<string, { inputs: number; errors: number }>();

/** Counts one input of `target`, and whether it was refused. */
export function count(target: string, outcome: { ok: boolean }): void {
  const entry = tally.get(target) ?? { inputs: 0, errors: 0 };
  entry.inputs++;
  if (!outcome.ok) entry.errors++;
  tally.set(target, entry);
}

/** Prints the tally when `BINOME_FUZZ_REPORT` is set. */
export function reportTally(): void {
  if (!process.env.BINOME_FUZZ_REPORT) return;
  for (const [target, { inputs, errors }] of tally) console.log(`fuzz ${target}: ${inputs} inputs, ${errors} refused with a library error`);
}
