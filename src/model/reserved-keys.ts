import type { Issue } from '../errors';

type Path = readonly (string | number)[];

/**
 * Keys refused anywhere in an input document: `__proto__`, which `JSON.parse` creates as plain
 * data, but which any object copy would turn into a prototype change and silently drop.
 * `constructor`, `prototype`, `toString` and the like are ordinary keys (own properties, read as
 * such: the library never looks a key up through the prototype chain of input data), except where
 * a name is looked up on every participant (skill ids, quota attribute names), which must not be
 * a member of `Object.prototype`.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__']);

/** Whether `key` is one of {@link RESERVED_KEYS}. */
export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key);
}

/** How far {@link reservedKeyIssues} looks. */
export interface KeyScanOptions {
  /** How deep to look; the formats nest at most a few levels. Default 8. */
  readonly maxDepth?: number;
  /** Longest key allowed (`limits.maxStringLength`); longer keys are reported. Default: no check. */
  readonly maxKeyLength?: number;
  /**
   * Arrays longer than this are not walked (their length is checked elsewhere, or they are at a
   * place where the schema refuses any array). Default: every array is walked.
   */
  readonly maxItems?: number;
  /** Paths not to walk into (checked elsewhere), relative to the path given. */
  readonly skip?: (path: Path) => boolean;
  /**
   * Objects already walked and found clean, with the depth they were walked from, shared by the
   * calls of one parse: an object that many records share (one `wants` for a thousand people) is
   * walked once, not once per record. Not used with `skip`.
   */
  readonly clean?: WeakMap<object, number>;
}

/**
 * Finds reserved keys ({@link RESERVED_KEYS}) and, when asked, keys longer than the string limit,
 * in parsed JSON: each is reported rather than lost or turned into a prototype change. Walks
 * plain objects and arrays up to `maxDepth` levels; own keys only, so that it is safe on any
 * value.
 *
 * @param value - Parsed JSON (or any value).
 * @param path - Path of `value` in the document.
 * @param options - Depth, key length and array size bounds; a number is `maxDepth` (former signature).
 * @returns One issue per reserved or overlong key found.
 */
export function reservedKeyIssues(value: unknown, path: Path, options: number | KeyScanOptions = {}): Issue[] {
  const { maxDepth = 8, maxKeyLength = Number.POSITIVE_INFINITY, maxItems = Number.POSITIVE_INFINITY, skip, clean } =
    typeof options === 'number' ? { maxDepth: options } : options;
  // A path-based skip could hide part of an object at one place and not at another: no memo then.
  const memo = skip === undefined ? clean : undefined;
  const issues: Issue[] = [];
  const at: (string | number)[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > maxDepth) return;
    if (skip !== undefined && at.length > 0 && skip(at)) return;
    // Walked clean before from this depth or nearer the root, so at least as deep as now.
    const walkedFrom = memo?.get(node);
    if (walkedFrom !== undefined && walkedFrom <= depth) return;
    const before = issues.length;
    visit(node, depth);
    if (memo !== undefined && issues.length === before) memo.set(node, depth);
  };
  const visit = (node: object, depth: number): void => {
    if (Array.isArray(node)) {
      if (node.length > maxItems) return;
      for (let i = 0; i < node.length; i++) {
        at.push(i);
        walk(node[i], depth + 1);
        at.pop();
      }
      return;
    }
    for (const key of Object.keys(node)) {
      if (RESERVED_KEYS.has(key)) {
        issues.push({ path: [...path, ...at, key], message: `reserved key "${key}" is not allowed` });
      } else if (key.length > maxKeyLength) {
        issues.push({
          path: [...path, ...at],
          message: `a key of ${key.length} characters: at most ${maxKeyLength} (limits.maxStringLength)`,
          received: key.slice(0, 40),
        });
      } else {
        at.push(key);
        walk((node as Record<string, unknown>)[key], depth + 1);
        at.pop();
      }
    }
  };
  walk(value, 0);
  return issues;
}
