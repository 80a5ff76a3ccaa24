import type { Issue } from '../errors';

/**
 * Finds own `__proto__` keys in parsed JSON (which `JSON.parse` creates as plain data, but which
 * any object copy would turn into a prototype change and silently drop): each is reported rather
 * than lost. Walks plain objects and arrays up to `maxDepth` levels.
 *
 * @param value - Parsed JSON.
 * @param path - Path of `value` in the document.
 * @param maxDepth - How deep to look; the formats nest at most a few levels.
 * @returns One issue per `__proto__` key found.
 */
export function reservedKeyIssues(value: unknown, path: readonly (string | number)[], maxDepth = 8): Issue[] {
  const issues: Issue[] = [];
  const walk = (node: unknown, at: readonly (string | number)[], depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > maxDepth) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...at, i], depth + 1));
      return;
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__') issues.push({ path: [...at, key], message: 'reserved key "__proto__" is not allowed' });
      else walk((node as Record<string, unknown>)[key], [...at, key], depth + 1);
    }
  };
  walk(value, path, 0);
  return issues;
}
