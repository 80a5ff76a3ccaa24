/**
 * Shared pieces of the fuzz tests: run counts, hostile values, mutations of the sample documents
 * (JSON values, JSON text, CSV text), and the one assertion every target must pass: it either
 * succeeds or throws a library error with a documented code whose every issue is located, within
 * a time bound, without touching any prototype.
 */
import { readFileSync } from 'node:fs';
import { fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { BinomeError } from '../../src/errors';
import { runsOf } from '../helpers/runs';

/** Runs per property: 300 in `npm test`, more in `npm run test:deep`, or `BINOME_FUZZ_RUNS` when set. */
export const RUNS = runsOf('BINOME_FUZZ_RUNS', 300);

/** Longest time one case may take, per started megabyte of input (1 MB for values built in memory). */
export const CASE_TIME_LIMIT_MS = 2000;

/** The codes the README documents. */
export const ERROR_CODES: readonly string[] = ['invalid-input', 'locked-pair-conflict', 'invalid-plugin'];

const fixtureUrl = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

/** A fixture file's text. */
export function fixtureText(name: string): string {
  return readFileSync(fixtureUrl(name), 'utf8');
}

/** A fixture file, parsed. */
export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name)) as unknown;
}

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
// Hostile values (built once; the parsers never mutate their input)

/** A string of a million characters. */
export const HUGE_STRING = 'x'.repeat(1_000_000);

/**
 * Gives a value a short rendering in fast-check's reports (a hidden symbol key, which neither the
 * parsers nor JSON see): printing ten thousand levels would overflow the stack of the reporter.
 */
function labelled<T extends object>(value: T, label: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => label, enumerable: false });
  return value;
}

/** `levels` arrays nested in each other around `inner` (frozen when `freeze`). */
export function deepArray(levels: number, inner: unknown = 1, freeze = false): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = labelled([value], `<${levels - i} nested arrays>`);
  return freeze ? deepFreeze(value) : value;
}

/** `levels` objects `{ a: ... }` nested in each other around `inner` (frozen when `freeze`). */
export function deepObject(levels: number, inner: unknown = 1, freeze = false): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = labelled({ a: value }, `<${levels - i} nested objects>`);
  return freeze ? deepFreeze(value) : value;
}

/** Freezes a nesting level by level (no recursion: the nestings are deep). */
function deepFreeze(value: unknown): unknown {
  for (let node = value; node !== null && typeof node === 'object' && !Object.isFrozen(node); ) {
    Object.freeze(node);
    node = Array.isArray(node) ? node[0] : (node as { a?: unknown }).a;
  }
  return value;
}

/** Ten thousand levels of arrays, and of objects. Shared values are frozen: the parsers must cope. */
export const DEEP_ARRAY = deepArray(10_000, 1, true);
export const DEEP_OBJECT = deepObject(10_000, 1, true);

/** A sparse array of ten million slots (no memory, but a loop over it would take seconds). */
export const SPARSE_ARRAY: readonly unknown[] = (() => {
  const array: unknown[] = [];
  array.length = 10_000_000;
  array[9_999_999] = 'last';
  return Object.freeze(labelled(array, '<sparse array of 10,000,000 slots>'));
})();

/** An object with many keys. */
export const WIDE_OBJECT: Readonly<Record<string, number>> = Object.freeze(
  labelled(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])), '<object of 50,000 keys>'),
);

/** JSON with own `__proto__`, `constructor` and `prototype` keys, as `JSON.parse` makes them. */
export const PROTO_OBJECT: unknown = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}');
Object.freeze(PROTO_OBJECT);

/** Keys that exercise prototypes, or are near misses of real field names. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '', ' ', 'participants', 'cohorts', 'skills', 'id', 'ID', 'managerID'] as const;

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

// ---------------------------------------------------------------------------------------------
// Mutations of JSON values

type Key = string | number;
type Path = readonly Key[];

/** Every path in a JSON value (the root included), up to `maxDepth` levels. */
export function pathsOf(value: unknown, maxDepth = 8): Path[] {
  const out: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    out.push(path);
    if (path.length >= maxDepth || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else for (const key of Object.keys(node)) walk((node as Record<string, unknown>)[key], [...path, key]);
  };
  walk(value, []);
  return out;
}

/** One change to a document. */
export type Mutation =
  | { readonly kind: 'delete'; readonly path: Path }
  | { readonly kind: 'replace'; readonly path: Path; readonly value: unknown }
  | { readonly kind: 'insert'; readonly path: Path; readonly key: string; readonly value: unknown }
  | { readonly kind: 'wrap'; readonly path: Path; readonly levels: number; readonly as: 'array' | 'object' }
  | { readonly kind: 'grow'; readonly path: Path; readonly copies: number };

function setOwn(target: object, key: Key, value: unknown): void {
  // defineProperty, so that a "__proto__" key becomes data, as JSON.parse makes it
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function at(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<Key, unknown>)[key];
  }
  return node;
}

/**
 * Applies mutations to a copy of `doc` (a JSON value); a mutation whose path no longer exists is
 * skipped.
 */
export function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  const box = { root: structuredClone(doc) as unknown };
  for (const m of mutations) {
    const full: Path = ['root', ...m.path];
    const parent = at(box, full.slice(0, -1));
    const key = full[full.length - 1]!;
    if (parent === null || typeof parent !== 'object' || !Object.prototype.hasOwnProperty.call(parent, key)) continue;
    const current = (parent as Record<Key, unknown>)[key];
    if (Object.isFrozen(parent)) continue; // inside a shared hostile value
    try {
      apply(m, parent, key, current);
    } catch {
      // a mutation the value cannot take (a typed array's index, ...): skipped
    }
  }
  return box.root;
}

function apply(m: Mutation, parent: object, key: Key, current: unknown): void {
  switch (m.kind) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete (parent as Record<Key, unknown>)[key];
        break;
      case 'replace':
        setOwn(parent, key, m.value);
        break;
      case 'insert':
        if (current === null || typeof current !== 'object' || Object.isFrozen(current)) break;
        if (Array.isArray(current)) current.push(m.value);
        else setOwn(current, m.key, m.value);
        break;
      case 'wrap':
        setOwn(parent, key, m.as === 'array' ? deepArray(m.levels, current) : deepObject(m.levels, current));
        break;
      case 'grow':
        if (Array.isArray(current) && current.length > 0) {
          setOwn(parent, key, Array.from({ length: m.copies }, (_, i) => current[i % current.length]));
        }
        break;
  }
}

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

// ---------------------------------------------------------------------------------------------
// A fixed corpus: every path of a document, each given every hostile value in turn

/** The hostile values every path gets in the fixed corpus. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  -1,
  Number.NaN,
  'x',
  [],
  {},
  HUGE_STRING,
  DEEP_ARRAY,
  DEEP_OBJECT,
  SPARSE_ARRAY,
  PROTO_OBJECT,
];

/**
 * The fixed corpus of a document: for every path (optionally filtered), the document with that
 * value deleted, replaced by each {@link HOSTILE_VALUES}, and, at each object, with a `__proto__`,
 * `constructor` and `prototype` key added.
 */
export function corpusAtEveryPath(doc: unknown, keep: (path: Path) => boolean = () => true): { name: string; doc: unknown }[] {
  const out: { name: string; doc: unknown }[] = [];
  for (const path of pathsOf(doc).filter(keep)) {
    const where = path.join('.') || '(root)';
    if (path.length > 0) {
      out.push({ name: `${where} deleted`, doc: mutate(doc, [{ kind: 'delete', path }]) });
      HOSTILE_VALUES.forEach((value, i) => out.push({ name: `${where} = hostile #${i}`, doc: mutate(doc, [{ kind: 'replace', path, value }]) }));
    }
    const node = path.reduce<unknown>((n, k) => (n as Record<Key, unknown>)[k], doc);
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        out.push({ name: `${where}.${key} added`, doc: mutate(doc, [{ kind: 'insert', path, key, value: { polluted: true } }]) });
      }
    }
  }
  return out;
}
