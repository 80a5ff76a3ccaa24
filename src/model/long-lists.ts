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
import { MAX_ISSUES, stoppedIssue, type Issue } from '../errors';
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
 * `schema` and `value` together through objects, records and arrays (unions are not entered: the
 * lists they hold are capped by their own limits). Each long list is checked item by item against
 * its item schema, until {@link MAX_ISSUES} issues; shorter lists are only searched for long lists
 * inside them. No issue means the long lists are well formed and zod may read the document.
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
    for (const key of Object.keys(value)) {
      if (!walk(valueType, (value as Record<string, unknown>)[key], [...path, key], out)) return false;
    }
  }
  return true;
}
