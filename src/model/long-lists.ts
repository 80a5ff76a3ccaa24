/**
 * Long lists checked item by item, with an issue budget, before a document is handed to zod as a
 * whole. zod reports every bad item of an array: a million bad pairs cost it seven seconds and
 * 640 MB, and a list of ten million (with a limit lifted to `Infinity`) never ends. Item by item,
 * the check stops at {@link MAX_ISSUES} issues with a last issue saying where ({@link stoppedIssue}),
 * so a bad document fails in time and memory bounded by the budget, not by its length.
 *
 * @module
 */
import { z } from 'zod';
import { MAX_ISSUES, stoppedIssue, stoppedKeysIssue, type Issue } from '../errors';
import { fromZodIssues, zodMessage } from './zod-issues';

type PathKey = string | number;

/** The schema inside wrappers that do not change the shape (optional, default, nullable, pipe input). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'readonly') {
      current = (def as z.core.$ZodOptionalDef).innerType;
    } else if (def.type === 'pipe') {
      current = (def as z.core.$ZodPipeDef).in;
    } else {
      return current;
    }
  }
}

/**
 * Issues of the lists longer than {@link MAX_ISSUES} items inside `value`, found by walking
 * `schema` and `value` together through objects, records, arrays and discriminated unions (the
 * option the value's tag selects; other unions are not entered, and the program has no list
 * under one). Each long list is checked item by item against its item schema, and each record of
 * more than {@link MAX_ISSUES} keys in slices of keys (each slice no larger than the budget left),
 * until {@link MAX_ISSUES} issues; shorter lists and records are only searched for long ones inside
 * them. No issue means the long lists are well formed and zod may read the document.
 *
 * @param schema - The schema of `value`.
 * @param value - The raw input (any value; never mutated).
 * @param prefix - The path of `value` in messages, e.g. `['program']`.
 * @returns At most {@link MAX_ISSUES} issues, plus a {@link stoppedIssue} when the budget ran out.
 */
export function longListIssues(schema: z.core.$ZodType, value: unknown, prefix: readonly PathKey[]): Issue[] {
  const out: Issue[] = [];
  walk(schema, value, prefix, out);
  return out;
}

/** The option of a discriminated union that the value's own tag selects, if any. */
function selectedOption(def: z.core.$ZodDiscriminatedUnionDef, value: Record<string, unknown>): z.core.$ZodType | undefined {
  if (!Object.prototype.hasOwnProperty.call(value, def.discriminator)) return undefined;
  const tag = value[def.discriminator];
  return def.options.find((option) => {
    const inner = unwrap(option)._zod.def;
    const field = inner.type === 'object' ? (inner as z.core.$ZodObjectDef).shape[def.discriminator] : undefined;
    return field !== undefined && z.safeParse(field, tag).success;
  });
}

/** Walks one value; returns `false` once the budget is spent. */
function walk(schema: z.core.$ZodType, value: unknown, path: readonly PathKey[], out: Issue[]): boolean {
  if (value === null || typeof value !== 'object') return true;
  const inner = unwrap(schema);
  const def = inner._zod.def;
  if (def.type === 'array' && Array.isArray(value)) {
    const element = (def as z.core.$ZodArrayDef).element;
    if (value.length <= MAX_ISSUES) {
      for (let i = 0; i < value.length; i++) if (!walk(element, value[i], [...path, i], out)) return false;
      return true;
    }
    // By index: the holes of a sparse array are items too (undefined).
    for (let i = 0; i < value.length; i++) {
      if (out.length >= MAX_ISSUES) {
        out.push(stoppedIssue(path, i, value.length));
        return false;
      }
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') {
        const before = out.length;
        if (!walk(element, item, [...path, i], out)) return false;
        if (out.length > before) continue; // a long list inside the item, reported item by item
      }
      const parsed = z.safeParse(element, item, { error: zodMessage });
      if (!parsed.success) for (const issue of fromZodIssues(parsed.error.issues, item, [...path, i])) out.push(issue);
    }
    return true;
  }
  if (def.type === 'union' && 'discriminator' in def && !Array.isArray(value)) {
    // A discriminated union (the quotas): enter the option its tag selects, as zod will.
    const option = selectedOption(def as z.core.$ZodDiscriminatedUnionDef, value as Record<string, unknown>);
    return option === undefined || walk(option, value, path, out);
  }
  if (def.type === 'object' && !Array.isArray(value)) {
    const shape = (def as z.core.$ZodObjectDef).shape;
    for (const key of Object.keys(shape)) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (!walk(shape[key]!, (value as Record<string, unknown>)[key], [...path, key], out)) return false;
    }
    return true;
  }
  if (def.type === 'record' && !Array.isArray(value)) {
    const valueType = (def as z.core.$ZodRecordDef).valueType;
    const keys = Object.keys(value);
    if (keys.length <= MAX_ISSUES) {
      for (const key of keys) if (!walk(valueType, (value as Record<string, unknown>)[key], [...path, key], out)) return false;
      return true;
    }
    // In slices of at most the budget left, each parsed as a record of its own, so that zod words
    // each issue as it would for the whole (one key at a time would cost three times as much).
    for (let i = 0; i < keys.length; ) {
      if (out.length >= MAX_ISSUES) {
        out.push(stoppedKeysIssue(path, keys[i]!, i, keys.length));
        return false;
      }
      const end = Math.min(keys.length, i + MAX_ISSUES - out.length);
      const slice: Record<string, unknown> = {};
      for (; i < end; i++) {
        const key = keys[i]!;
        const item: unknown = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') {
          const before = out.length;
          if (!walk(valueType, item, [...path, key], out)) return false;
          if (out.length > before) continue;
        }
        // Assignment keeps the slice a fast object; only `__proto__` needs a defined property.
        if (key === '__proto__') Object.defineProperty(slice, key, { value: item, enumerable: true, configurable: true, writable: true });
        else slice[key] = item;
      }
      const parsed = z.safeParse(inner, slice, { error: zodMessage });
      if (!parsed.success) for (const issue of fromZodIssues(parsed.error.issues, slice, path)) out.push(issue);
    }
  }
  return true;
}
