/**
 * Language tags (BCP 47) as participants give them: `fr`, `en`, `en-GB`, `pt-BR`, `zh-Hant-TW`.
 * Platform-neutral.
 *
 * @module
 */

const TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * Why a language tag is refused, or `undefined` when it is well formed. Only primary subtags of 2
 * or 3 letters (ISO 639) are accepted: BCP 47's rare 5-8 letter registered subtags are refused, so
 * that a word such as `french` is caught as a mistake.
 *
 * @param tag - The tag as written.
 */
export function languageTagError(tag: string): string | undefined {
  if (TAG.test(tag)) {
    try {
      Intl.getCanonicalLocales(tag);
      return undefined;
    } catch {
      // fall through: well shaped but not a valid BCP 47 tag (e.g. a repeated variant)
    }
  }
  return `not a BCP 47 language tag: use a code such as fr, en or en-GB`;
}

/**
 * The lowercase primary language of a tag: `en-GB` gives `en`.
 *
 * @param tag - A well-formed tag.
 */
export function primaryLanguage(tag: string): string {
  const dash = tag.indexOf('-');
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
}

function samePrimary(a: string, b: string): boolean {
  const la = a.indexOf('-') < 0 ? a.length : a.indexOf('-');
  const lb = b.indexOf('-') < 0 ? b.length : b.indexOf('-');
  if (la !== lb) return false;
  for (let i = 0; i < la; i++) {
    if ((a.charCodeAt(i) | 0x20) !== (b.charCodeAt(i) | 0x20)) return false;
  }
  return true;
}

/**
 * Whether two lists share a language, comparing primary subtags case-insensitively (`fr-CA` meets
 * `fr`). Allocates nothing: for hot loops.
 *
 * @param a - One side's tags.
 * @param b - The other side's tags.
 */
export function sharesLanguage(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) {
    for (let k = 0; k < b.length; k++) if (samePrimary(a[i]!, b[k]!)) return true;
  }
  return false;
}

/**
 * The primary languages two lists share, sorted and without duplicates.
 *
 * @param a - One side's tags.
 * @param b - The other side's tags.
 */
export function commonLanguages(a: readonly string[], b: readonly string[]): string[] {
  const theirs = new Set(b.map(primaryLanguage));
  return [...new Set(a.map(primaryLanguage))].filter((l) => theirs.has(l)).sort();
}
