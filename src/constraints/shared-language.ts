import type { CohortColumns, RowFilter } from '../model/columns';
import { displayName, type CohortContext } from '../model/context';
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

/**
 * The typed form of {@link sharedLanguage}, from the primary-language bit sets.
 *
 * @param _context - The cohort (unused).
 * @param columns - The cohort's typed columns.
 */
export function sharedLanguageKernel(_context: CohortContext, columns: CohortColumns): RowFilter {
  const { juniors, seniors, languageWords } = columns;
  return (row, candidates, count) => {
    if (juniors.hasLanguages[row] === 0) return count;
    const offset = row * languageWords;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      if (seniors.hasLanguages[c] === 0) {
        candidates[kept++] = c;
        continue;
      }
      const base = c * languageWords;
      for (let w = 0; w < languageWords; w++) {
        if ((juniors.languages[offset + w]! & seniors.languages[base + w]!) !== 0) {
          candidates[kept++] = c;
          break;
        }
      }
    }
    return kept;
  };
}
