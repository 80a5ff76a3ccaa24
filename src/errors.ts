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
 * - `internal-error`: anything else (a bug of binome, or a plug-in that threw); only `safeMatch`
 *   and the other `safe*` functions produce it, wrapping the original error as `cause`.
 */
export type ErrorCode = 'invalid-input' | 'locked-pair-conflict' | 'invalid-plugin' | 'internal-error';

/** One problem, located by its path in the input. */
export interface Issue {
  /** Location in the input, e.g. `['participants', 12, 'skills', 'ai-tools']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in English, without the path (e.g. `level must be 0..5`). */
  readonly message: string;
  /** The offending value, when there is one. */
  readonly received?: unknown;
  /**
   * Where the input came from, when it was read from a file: the file name as the user gave it
   * and, for CSV, the 1-based physical line and the column name (`skills.ai-tools`). Header
   * problems are on the header's line. When present, {@link formatIssue} names the file (and
   * line) instead of, or before, the path.
   */
  readonly source?: IssueSource;
}

/** Location of an {@link Issue} in a file. */
export interface IssueSource {
  /** File name as the user gave it, e.g. `people.csv`. */
  readonly file: string;
  /** 1-based physical line in the file (CSV rows; a quoted cell may span several lines). */
  readonly line?: number;
  /** Column name as written in the CSV header, e.g. `skills.ai-tools`. */
  readonly column?: string;
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

/** Longest rendering of a value in a message, in characters. */
const VALUE_WIDTH = 60;

/**
 * The first `budget` characters (or a few more) of `JSON.stringify(value)`, computed without
 * serialising the rest: a ten-million-slot array or a ten-thousand-level nesting costs no more
 * than a short one. Throws where `JSON.stringify` would (a cycle, a BigInt); `undefined` where it
 * returns `undefined`.
 */
function jsonPrefix(value: unknown, budget: number): string | undefined {
  let out = '';
  const ancestors: object[] = [];
  const write = (node: unknown, key: string): boolean => {
    let v = node;
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
    }
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
    if (v === null) out += 'null';
    else if (typeof v === 'boolean') out += String(v);
    else if (typeof v === 'number') out += Number.isFinite(v) ? String(v) : 'null';
    else if (typeof v === 'string') out += JSON.stringify(v.length > budget ? v.slice(0, budget + 1) : v);
    else if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
    else if (typeof v !== 'object') return false; // undefined, function, symbol: skipped
    else {
      if (ancestors.includes(v)) throw new TypeError('Converting circular structure to JSON');
      ancestors.push(v);
      if (Array.isArray(v)) {
        out += '[';
        for (let i = 0; i < v.length && out.length <= budget; i++) {
          if (i > 0) out += ',';
          if (!write(v[i], String(i))) out += 'null';
        }
        out += ']';
      } else {
        out += '{';
        let first = true;
        for (const k in v) {
          if (out.length > budget) break;
          if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
          const mark = out.length;
          out += `${first ? '' : ','}${JSON.stringify(k.length > budget ? k.slice(0, budget + 1) : k)}:`;
          if (write((v as Record<string, unknown>)[k], k)) first = false;
          else out = out.slice(0, mark);
        }
        out += '}';
      }
      ancestors.pop();
    }
    return true;
  };
  return write(value, '') ? out : undefined;
}

/**
 * Renders a value for an error message: short, single-line, never throws, and in time bounded by
 * the width whatever the size of the value.
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
      text = jsonPrefix(value, VALUE_WIDTH) ?? String(value);
    } catch {
      text = Array.isArray(value) ? 'array' : 'object';
    }
  }
  return text.length > VALUE_WIDTH ? `${text.slice(0, VALUE_WIDTH - 3)}...` : text;
}

/** Where an issue is: `file:line column`, `file: path`, `file`, or the path alone. */
function formatPlace(issue: Issue): string {
  const { source } = issue;
  if (source === undefined) return formatPath(issue.path);
  if (source.line !== undefined) {
    const at = `${source.file}:${source.line}`;
    return source.column === undefined ? at : `${at} ${source.column}`;
  }
  return issue.path.length === 0 ? source.file : `${source.file}: ${formatPath(issue.path)}`;
}

/**
 * Renders one issue as a line: `participants[12].skills.ai-tools: level must be 0..5, got 7`.
 * An issue read from a file names it: `people.csv:14 skills.ai-tools: level must be 0..5, got 7`
 * for CSV (file, line, column), `program.json: program.weights.reciprocity: must be >= 0, got -1`
 * for JSON (file, then the path).
 *
 * @param issue - The issue to render.
 * @returns The place, the message and, when known, the received value.
 */
export function formatIssue(issue: Issue): string {
  return formatIssueWith(issue, formatValue);
}

/**
 * A {@link formatIssue} that renders each object once, however many issues hold it: a thousand
 * records may share one huge bad value. For one batch of issues (it keeps what it rendered).
 *
 * @example
 * const format = issueFormatter();
 * for (const issue of error.issues) console.log(format(issue));
 */
export function issueFormatter(): (issue: Issue) => string {
  const rendered = new Map<unknown, string>();
  const format = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return formatValue(value);
    let text = rendered.get(value);
    if (text === undefined) rendered.set(value, (text = formatValue(value)));
    return text;
  };
  return (issue) => formatIssueWith(issue, format);
}

function formatIssueWith(issue: Issue, format: (value: unknown) => string): string {
  const got = 'received' in issue ? `, got ${format(issue.received)}` : '';
  return `${formatPlace(issue)}: ${issue.message}${got}`;
}

/**
 * Appends `more` to `issues` one by one and returns `issues`. `issues.push(...more)` passes every
 * issue as an argument, and past about 120,000 of them (1,000 people with 200 unknown skills
 * each) the call overflows the stack.
 *
 * @param issues - The list to grow.
 * @param more - The issues to add, in order.
 */
export function appendIssues(issues: Issue[], more: readonly Issue[]): Issue[] {
  for (const issue of more) issues.push(issue);
  return issues;
}

/**
 * Most issues a parse collects. Past them it stops reading and adds one last issue that says where
 * it stopped ({@link stoppedIssue}): nothing after that point was checked. Listing every bad item
 * of a million-item list would cost zod seconds and gigabytes; a thousand issues are enough to
 * show what is wrong with a file.
 */
export const MAX_ISSUES = 1000;

/**
 * The last issue of a parse that reached {@link MAX_ISSUES}:
 * `participants: stopped after 1000 issues; items from [5210] on (of 100000) were not checked`.
 *
 * @param path - The list being read.
 * @param next - Index of the first item not checked.
 * @param length - Length of the list.
 */
export function stoppedIssue(path: readonly (string | number)[], next: number, length: number): Issue {
  return { path, message: `stopped after ${MAX_ISSUES} issues; items from [${next}] on (of ${length}) were not checked` };
}

/**
 * The last issue of a parse that reached {@link MAX_ISSUES} inside an object of many keys (a
 * `skills` record with the skill limit lifted): `participants[0].skills: stopped after 1000
 * issues; keys from "k1000" on (1000 of 50000 read) were not checked`.
 *
 * @param path - The object being read.
 * @param nextKey - The first key not checked (cut to 40 characters).
 * @param next - How many keys were checked.
 * @param count - How many keys the object has.
 */
export function stoppedKeysIssue(path: readonly (string | number)[], nextKey: string, next: number, count: number): Issue {
  const shown = nextKey.length > 40 ? `${nextKey.slice(0, 40)}...` : nextKey;
  return { path, message: `stopped after ${MAX_ISSUES} issues; keys from ${JSON.stringify(shown)} on (${next} of ${count} read) were not checked` };
}

/**
 * Most issues an error's `message` lists, one per line; past them a last line says how many more
 * there are. `issues` always holds them all. Rendering a hundred thousand issues into one message
 * would turn a 1 MB hostile file into a 10 MB string.
 */
export const MESSAGE_ISSUES = 100;

/**
 * The message of an error: its first {@link MESSAGE_ISSUES} issues, one per line (see
 * {@link formatIssue}), then `... and 99,900 more issues (error.issues lists them all)`.
 *
 * @param issues - The issues of the error.
 */
export function issuesMessage(issues: readonly Issue[]): string {
  const lines = issues.slice(0, MESSAGE_ISSUES).map(issueFormatter());
  const more = issues.length - lines.length;
  if (more > 0) lines.push(`... and ${more.toLocaleString('en-US')} more issue${more === 1 ? '' : 's'} (error.issues lists them all)`);
  return lines.join('\n');
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
    super(issuesMessage(issues), options);
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

/**
 * Throws a {@link PluginError} with one issue per problem of a malformed plug-in, named by its id
 * when it has a usable one (`scorers[0].mine`), else by its place alone (`scorers[0]`).
 *
 * @internal Shared by the shape checks of scorers and constraints.
 * @param plugin - The plug-in as given (any value).
 * @param where - Its place: `scorers[0]`, `defineConstraint`, ...
 * @param problems - What is wrong with it; none means nothing is thrown.
 */
export function throwIfPluginProblems(plugin: unknown, where: string, problems: readonly string[]): void {
  const id = plugin !== null && typeof plugin === 'object' ? (plugin as { id?: unknown }).id : undefined;
  const path = typeof id === 'string' && id !== '' ? [where, id] : [where];
  const [first, ...rest] = problems.map((message) => ({ path, message }));
  if (first) throw new PluginError([first, ...rest]);
}

/**
 * An unexpected error (a bug, or an exception thrown by a custom plug-in), wrapped by the `safe*`
 * functions so that callers get one error shape; the original error is the `cause`.
 */
export class InternalError extends BinomeError {
  /**
   * @param cause - The original error.
   * @param where - Where it happened, e.g. `match`.
   */
  constructor(cause: unknown, where: string) {
    const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super('internal-error', [{ path: [where], message: `unexpected error: ${message}` }], { cause });
    this.name = 'InternalError';
  }
}
