import type { z } from 'zod';
import type { Issue } from '../errors';

type PathKey = string | number;

/** Reads the value at `path` inside `root`, or `undefined` when the path does not exist. */
export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite number';
  return typeof value;
}

function bound(kind: 'min' | 'max', value: unknown, inclusive: boolean | undefined): string {
  const op = kind === 'min' ? (inclusive === false ? '>' : '>=') : inclusive === false ? '<' : '<=';
  return `${op} ${String(value)}`;
}

/**
 * The message of a zod issue in the library's wording; used as the per-parse error map so that
 * messages set on a schema itself (e.g. `level must be 0..5`) take precedence.
 */
export function zodMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const expected = String(issue.expected);
      return `must be ${expected === 'int' ? 'an integer' : /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`} (got ${describeType(issue.input)})`;
    }
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'must not be empty' : `must have at least ${String(issue.minimum)} characters`;
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} items`;
      return `must be ${bound('min', issue.minimum, issue.inclusive)}`;
    case 'too_big':
      if (issue.origin === 'string') return `must have at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `must have at most ${String(issue.maximum)} items`;
      return `must be ${bound('max', issue.maximum, issue.inclusive)}`;
    case 'invalid_value':
      if (issue.input === undefined) return 'is required';
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'invalid_union': {
      const options = (issue as { options?: readonly unknown[] }).options;
      if (options && issue.input === undefined) return 'is required';
      return options ? `must be one of ${options.map((v) => JSON.stringify(v)).join(', ')}` : 'matches none of the allowed shapes';
    }
    case 'unrecognized_keys':
      return 'unknown field';
    default:
      return issue.message ?? 'is invalid';
  }
}

/** Unknown fields reported one by one per object; past this, one issue counts the rest. */
const MAX_UNKNOWN_KEYS = 20;

/**
 * Turns zod issues into library issues: one per problem, unknown keys split one per key (the first
 * 19 of an object with more than 20, after an issue that counts them all), each with the full
 * path (under `prefix`) and the offending value read from the input.
 *
 * @param issues - Issues of a failed `safeParse` run with {@link zodMessage} as error map.
 * @param input - The parsed input, to read offending values from.
 * @param prefix - Path of `input` inside the caller's document, e.g. `['participants']`.
 * @param knownKeys - Optional resolver of the known keys at a path, for "did you mean" hints.
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: readonly PathKey[],
  knownKeys?: (path: readonly PathKey[]) => readonly string[] | undefined,
): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys?.(path);
      const shown = issue.keys.length > MAX_UNKNOWN_KEYS ? issue.keys.slice(0, MAX_UNKNOWN_KEYS - 1) : issue.keys;
      if (shown.length < issue.keys.length) {
        const more = issue.keys.length - shown.length;
        out.push({ path: [...prefix, ...path], message: `${issue.keys.length} unknown fields; the first ${shown.length} follow, and ${more} more` });
      }
      for (const key of shown) {
        const hint = known ? suggest(key, known) : undefined;
        out.push({
          path: [...prefix, ...path, key],
          message: hint
            ? `unknown field (did you mean "${hint}"?)`
            : 'unknown field' + (prefix[0] === 'participants' || prefix[0] === 'cohorts' ? ' (extra data belongs in attributes)' : ''),
        });
      }
      continue;
    }
    const value = valueAt(input, path);
    const missing = value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
    const shapeless = issue.code === 'invalid_union' && !('options' in issue);
    out.push(missing || shapeless
      ? { path: [...prefix, ...path], message: issue.message }
      : { path: [...prefix, ...path], message: issue.message, received: value });
  }
  return out;
}

/**
 * The candidate closest to `word` when it is a plausible typo (same letters in another case, or
 * at most two edits away), else `undefined`.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.ceil(word.length / 3) + 1);
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

/** Levenshtein distance, cut off at `limit` (returns `limit` when at least that far). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length] ?? limit, limit);
}
