/**
 * Error classes of the library. Every error the library throws is a {@link BinomeError} with a
 * stable {@link ErrorCode}; solver outcomes (optimal, infeasible, ...) are data in the result,
 * never exceptions.
 *
 * @module
 */

/**
 * Stable machine-readable error codes.
 *
 * - `invalid-input`: a participant, program or history record is malformed (see `issues`).
 * - `locked-pair-conflict`: a locked pair breaks another hard constraint or a capacity.
 * - `invalid-plugin`: a custom scorer or constraint is malformed or returned a bad value.
 */
export type ErrorCode = 'invalid-input' | 'locked-pair-conflict' | 'invalid-plugin';

/** One problem, located by its path in the input. */
export interface Issue {
  /** Location in the input, e.g. `['participants', 12, 'skills', 'ai-tools']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in English, without the path (e.g. `level must be 0..5`). */
  readonly message: string;
  /** The offending value, when there is one. */
  readonly received?: unknown;
}

/**
 * Renders a path the way a JavaScript accessor reads: `participants[12].skills.ai-tools`.
 *
 * @param path - Keys and indices from the root of the input.
 * @returns The dotted path, with numeric indices in brackets; `(root)` for an empty path.
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/**
 * Renders a value for an error message: short, single-line, never throws.
 *
 * @param value - Any value, including cyclic objects and symbols.
 * @returns A compact JSON-like rendering, cut at 60 characters.
 */
export function formatValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    text = String(value);
  } else if (typeof value === 'symbol' || typeof value === 'function') text = typeof value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Array.isArray(value) ? 'array' : 'object';
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Renders one issue as a line: `participants[12].skills.ai-tools: level must be 0..5, got 7`.
 *
 * @param issue - The issue to render.
 * @returns The path, the message and, when known, the received value.
 */
export function formatIssue(issue: Issue): string {
  const got = 'received' in issue ? `, got ${formatValue(issue.received)}` : '';
  return `${formatPath(issue.path)}: ${issue.message}${got}`;
}

/** Base class of every error the library throws; `code` is stable across versions. */
export class BinomeError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** The problems found, each with its path; at least one. */
  readonly issues: readonly [Issue, ...Issue[]];

  /**
   * @param code - Stable code of the error.
   * @param issues - The problems, each located by its path.
   * @param options - Standard error options (`cause`).
   */
  constructor(code: ErrorCode, issues: readonly [Issue, ...Issue[]], options?: ErrorOptions) {
    super(issues.map(formatIssue).join('\n'), options);
    this.name = 'BinomeError';
    this.code = code;
    this.issues = issues;
  }
}

/** Malformed input: lists every problem found, each with its path and the offending value. */
export class ValidationError extends BinomeError {
  /** @param issues - Every problem found, in input order. */
  constructor(issues: readonly [Issue, ...Issue[]]) {
    super('invalid-input', issues);
    this.name = 'ValidationError';
  }
}

/** A locked pair that breaks another hard constraint or a capacity; names the pair and the rule. */
export class LockedPairConflictError extends BinomeError {
  /** @param issues - One issue per conflicting locked pair. */
  constructor(issues: readonly [Issue, ...Issue[]]) {
    super('locked-pair-conflict', issues);
    this.name = 'LockedPairConflictError';
  }
}

/** A custom scorer or constraint that is malformed or returned a value out of its contract. */
export class PluginError extends BinomeError {
  /** @param issues - What is wrong with which plug-in. */
  constructor(issues: readonly [Issue, ...Issue[]]) {
    super('invalid-plugin', issues);
    this.name = 'PluginError';
  }
}

/**
 * Throws a {@link ValidationError} with all `issues` when there is at least one.
 *
 * @param issues - Problems found so far, in input order.
 * @throws {@link ValidationError} when `issues` is not empty.
 */
export function throwIfAny(issues: readonly Issue[]): void {
  const [first, ...rest] = issues;
  if (first) throw new ValidationError([first, ...rest]);
}
