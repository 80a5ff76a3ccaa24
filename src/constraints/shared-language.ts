import { displayName } from '../model/context';
import { sharesLanguage } from '../model/language';
import type { PairConstraint } from './constraint';

/**
 * `sharedLanguage`: the pair can talk, i.e. both list a language with the same primary subtag
 * (`fr-CA` and `fr` match). Does not apply when a side lists no languages.
 */
export function sharedLanguage(): PairConstraint {
  return {
    id: 'sharedLanguage',
    allows: (junior, senior) =>
      junior.languages === undefined || senior.languages === undefined || sharesLanguage(junior.languages, senior.languages),
    why: (junior, senior) => ({
      messageId: 'constraint.sharedLanguage',
      params: {
        junior: displayName(junior),
        senior: displayName(senior),
        juniorLanguages: (junior.languages ?? []).join(', '),
        seniorLanguages: (senior.languages ?? []).join(', '),
      },
    }),
    note: (junior, senior) => {
      const missing = junior.languages === undefined ? junior : senior.languages === undefined ? senior : undefined;
      return missing && { messageId: 'constraint.fieldMissing', params: { rule: 'sharedLanguage', field: 'languages', who: displayName(missing) } };
    },
  };
}
