/**
 * The hostile documents of the fuzz tests, free of any test runner so that a plain Node process
 * can load them too (test/fuzz/memory-child.ts): the sample fixtures, hostile values (huge strings,
 * deep nestings, a sparse array of ten million slots, `__proto__` keys), structural mutations of
 * JSON values, and the fixed corpus that puts every hostile value at every path of a document.
 */
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';

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
  // Only the last slot is written: setting `length` first would allocate all ten million (80 MB).
  const array: unknown[] = [];
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
