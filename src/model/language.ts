/**
 * Language tags (BCP 47) as participants give them: `fr`, `en`, `en-GB`, `pt-BR`, `zh-Hant-TW`.
 * Two people share a language when some tag of each has the same primary subtag. Platform-neutral.
 *
 * @module
 */

/** A 2-3 letter primary subtag, then subtags of 1-8 letters or digits. */
const TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * Why a language tag is refused, or `undefined` when it is well formed. Accepted: a primary
 * language subtag of 2 or 3 letters (ISO 639), then subtags of 1-8 letters or digits separated by
 * `-`, which the runtime's `Intl.getCanonicalLocales` also accepts (this catches, e.g., a repeated
 * variant or a lone singleton such as `en-a`). BCP 47's 4-letter (reserved) and 5-8 letter
 * (registered) primary subtags, private use (`x-…`) and grandfathered (`i-…`) tags are refused on
 * purpose, so that a word such as `french` is caught as a mistake. Case is free (`EN-gb`). The
 * message does not repeat the tag: error lines add `, got "…"` themselves.
 *
 * @param tag - The tag as written.
 */
export function languageTagError(tag: string): string | undefined {
  if (!TAG.test(tag)) return NOT_A_TAG;
  let valid = checked.get(tag);
  if (valid === undefined) {
    try {
      Intl.getCanonicalLocales(tag);
      valid = true;
    } catch {
      valid = false; // shaped like a tag but not a valid one
    }
    if (checked.size < MAX_CACHED_TAGS) checked.set(tag, valid);
  }
  return valid ? undefined : NOT_A_TAG;
}

const NOT_A_TAG = 'not a BCP 47 language tag: use a code such as fr, en or en-GB';

/** Most tags remembered: a cohort uses a few dozen; input cannot make the cache grow without bound. */
const MAX_CACHED_TAGS = 4096;

/** Tags already checked by `Intl` (which costs tens of microseconds per call). */
const checked = new Map<string, boolean>();

/** Length of the primary subtag: up to the first `-`. */
function primaryLength(tag: string): number {
  const dash = tag.indexOf('-');
  return dash < 0 ? tag.length : dash;
}

/**
 * The lowercase primary language subtag of a tag: `en-GB` gives `en`, `FR` gives `fr`. Tags are
 * taken as written: `eng` stays `eng` (it is not mapped to `en`).
 *
 * @param tag - A well-formed tag (see {@link languageTagError}).
 */
export function primaryLanguage(tag: string): string {
  return tag.slice(0, primaryLength(tag)).toLowerCase();
}

/** ASCII lowercase of one UTF-16 code unit. */
function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** Whether two tags have the same primary subtag, ignoring ASCII case; allocates nothing. */
function samePrimary(a: string, b: string): boolean {
  const length = primaryLength(a);
  if (primaryLength(b) !== length) return false;
  for (let i = 0; i < length; i++) if (lower(a.charCodeAt(i)) !== lower(b.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether two lists share a language: some tag of `a` and some tag of `b` have the same primary
 * subtag, ignoring case (`fr-CA` meets `FR`; `en` does not meet `eng`, see
 * {@link primaryLanguage}). Allocates nothing: for hot loops. `false` when either list is empty.
 *
 * @param a - One side's tags.
 * @param b - The other side's tags.
 */
export function sharesLanguage(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const tag = a[i]!;
    for (let k = 0; k < b.length; k++) if (samePrimary(tag, b[k]!)) return true;
  }
  return false;
}

/**
 * The primary languages two lists share (see {@link primaryLanguage}), lowercase, sorted and
 * without duplicates: `['fr-CA', 'en']` and `['EN-us', 'fr']` give `['en', 'fr']`. For
 * explanations; {@link sharesLanguage} is the allocation-free test.
 *
 * @param a - One side's tags.
 * @param b - The other side's tags.
 */
export function commonLanguages(a: readonly string[], b: readonly string[]): string[] {
  const theirs = new Set(b.map(primaryLanguage));
  return [...new Set(a.map(primaryLanguage))].filter((language) => theirs.has(language)).sort();
}
