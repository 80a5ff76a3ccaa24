/**
 * JSON text with located syntax errors: `JSON.parse`, and on failure the line and column of the
 * fault, taken from the engine's message when it gives a position, else found by a small scanner
 * (some V8 messages quote the text instead of giving a position).
 *
 * @module
 */

/** The outcome of {@link parseJsonText}. */
export type JsonText =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number };

/**
 * Parses JSON text (a leading UTF-8 BOM is ignored).
 *
 * @param text - The whole document.
 * @returns The value, or the reason it is not JSON with its 1-based line and column.
 */
export function parseJsonText(text: string): JsonText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const given = /at position (\d+)/.exec(raw);
    const offset = given ? Number(given[1]) : (jsonErrorOffset(body) ?? body.length);
    return { ok: false, message: cleanMessage(raw), ...lineColumn(body, offset) };
  }
}

/** The engine's message without the quoted source text or the position (given separately). */
function cleanMessage(message: string): string {
  return message
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?$/, '')
    .replace(/ at position \d+(?: \(line \d+ column \d+\))?$/, '');
}

/**
 * 1-based line and column of a character offset (a CRLF ends one line).
 *
 * @param text - The document.
 * @param offset - 0-based offset in UTF-16 code units.
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: end - start + 1 };
}

const numberToken = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapes = '"\\/bfnrtu';

/**
 * Offset of the first JSON syntax error in `text`, or `undefined` when there is none (or the
 * nesting is too deep to scan). Follows RFC 8259.
 *
 * @param text - The document, without BOM.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const literal = (): boolean => {
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (word === undefined) return false;
    i += word.length;
    return true;
  };
  const number = (): boolean => {
    numberToken.lastIndex = i;
    if (!numberToken.test(text)) return false;
    i = numberToken.lastIndex;
    return true;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '"') {
        i++;
        return true;
      }
      if (c < ' ') return false;
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        i++;
        if (e === '' || !escapes.includes(e)) return false;
        i++;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i, i + 4))) return false;
          i += 4;
        }
      } else i++;
    }
    return false;
  };
  const sequence = (close: string, item: () => boolean): boolean => {
    i++;
    skipSpace();
    if (text[i] !== close) {
      for (;;) {
        if (!item()) return false;
        skipSpace();
        if (text[i] !== ',') break;
        i++;
      }
    }
    if (text[i] !== close) return false;
    i++;
    return true;
  };
  const member = (): boolean => {
    skipSpace();
    if (text[i] !== '"' || !string()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return value();
  };
  const value = (): boolean => {
    skipSpace();
    const c = text[i];
    if (c === '{') return sequence('}', member);
    if (c === '[') return sequence(']', value);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    return literal();
  };
  try {
    if (!value()) return i;
    skipSpace();
    return i < text.length ? i : undefined;
  } catch {
    return undefined;
  }
}
