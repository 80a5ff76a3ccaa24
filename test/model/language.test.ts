import { describe, expect, test } from 'vitest';
import { commonLanguages, languageTagError, primaryLanguage, sharesLanguage } from '../../src/model/language';

describe('language tags', () => {
  test.each(['fr', 'en', 'en-GB', 'pt-BR', 'zh-Hant-TW', 'FR', 'gsw', 'es-419'])('%s is accepted', (tag) => {
    expect(languageTagError(tag)).toBeUndefined();
  });
  test.each(['french', 'f', '', 'en_GB', 'en-', '-en', 'en GB', '12'])('%j is refused', (tag) => {
    expect(languageTagError(tag)).toBe('not a BCP 47 language tag: use a code such as fr, en or en-GB');
  });
  test('primary subtags, compared without case', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage('FR')).toBe('fr');
    expect(sharesLanguage(['fr-CA'], ['FR'])).toBe(true);
    expect(sharesLanguage(['en', 'de'], ['fr', 'de-AT'])).toBe(true);
    expect(sharesLanguage(['en'], ['fr'])).toBe(false);
    expect(sharesLanguage(['en'], ['eng'])).toBe(false);
    expect(sharesLanguage([], ['fr'])).toBe(false);
    expect(commonLanguages(['fr-CA', 'en', 'fr'], ['en-US', 'FR', 'de'])).toEqual(['en', 'fr']);
  });
});
