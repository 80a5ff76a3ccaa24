import { describe, expect, test } from 'vitest';
import { commonLanguages, languageTagError, primaryLanguage, sharesLanguage } from '../../src/model/language';

const REFUSED = 'not a BCP 47 language tag: use a code such as fr, en or en-GB';

describe('languageTagError', () => {
  test.each(['fr', 'en', 'en-GB', 'pt-BR', 'zh-Hant-TW', 'FR', 'EN-gb', 'gsw', 'es-419', 'de-CH-1996', 'en-GB-u-ca-gregory', 'en-x-foo', 'sr-Latn'])(
    '%s is accepted',
    (tag) => {
      expect(languageTagError(tag)).toBeUndefined();
    },
  );

  test.each([
    'french', // 5-8 letter primary subtags are refused on purpose
    'engl', // so are 4-letter ones
    'f',
    '',
    '12',
    'e1',
    'en_GB',
    'en-',
    '-en',
    'en--GB',
    'en GB',
    ' en',
    'en-toolongsubtag',
    'en-a', // a singleton needs at least one subtag after it
    'de-DE-1996-1996', // repeated variant
    'x-private',
    'i-klingon',
    'fr,en',
  ])('%j is refused', (tag) => {
    expect(languageTagError(tag)).toBe(REFUSED);
  });
});

describe('primary languages', () => {
  test.each([
    ['en-GB', 'en'],
    ['FR', 'fr'],
    ['zh-Hant-TW', 'zh'],
    ['GSW-ch', 'gsw'],
    ['eng', 'eng'], // taken as written, not mapped to en
  ])('%s has primary language %s', (tag, primary) => {
    expect(primaryLanguage(tag)).toBe(primary);
  });

  test('sharesLanguage compares primary subtags, ignoring case', () => {
    expect(sharesLanguage(['fr-CA'], ['FR'])).toBe(true);
    expect(sharesLanguage(['FR'], ['fr-CA'])).toBe(true);
    expect(sharesLanguage(['pt-BR'], ['pt-PT'])).toBe(true);
    expect(sharesLanguage(['zh-Hant-TW'], ['zh-Hans'])).toBe(true);
    expect(sharesLanguage(['en', 'de'], ['fr', 'de-AT'])).toBe(true);
    expect(sharesLanguage(['en'], ['fr'])).toBe(false);
    expect(sharesLanguage(['en'], ['eng'])).toBe(false);
    expect(sharesLanguage(['en-GB'], ['eng'])).toBe(false);
    expect(sharesLanguage(['gsw'], ['gs'])).toBe(false);
    expect(sharesLanguage([], ['fr'])).toBe(false);
    expect(sharesLanguage(['fr'], [])).toBe(false);
    expect(sharesLanguage([], [])).toBe(false);
  });

  test('sharesLanguage is symmetric', () => {
    const lists = [[], ['fr'], ['fr-CA', 'en'], ['EN-us'], ['de', 'gsw'], ['zh-Hant'], ['pt-BR', 'es-419']];
    for (const a of lists) for (const b of lists) expect(sharesLanguage(a, b)).toBe(sharesLanguage(b, a));
  });

  test('commonLanguages lists the shared primary languages, sorted, once each', () => {
    expect(commonLanguages(['fr-CA', 'en', 'fr'], ['en-US', 'FR', 'de'])).toEqual(['en', 'fr']);
    expect(commonLanguages(['pt-BR', 'es'], ['pt-PT', 'pt', 'ES-419'])).toEqual(['es', 'pt']);
    expect(commonLanguages(['en'], ['fr'])).toEqual([]);
    expect(commonLanguages([], ['fr'])).toEqual([]);
  });

  test('commonLanguages agrees with sharesLanguage', () => {
    const lists = [[], ['fr'], ['fr-CA', 'en'], ['EN-us'], ['de', 'gsw'], ['zh-Hant'], ['pt-BR', 'es-419']];
    for (const a of lists) for (const b of lists) expect(commonLanguages(a, b).length > 0).toBe(sharesLanguage(a, b));
  });
});
