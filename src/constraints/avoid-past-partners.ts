import type { CohortColumns, RowFilter } from '../model/columns';
import { displayName, type CohortContext } from '../model/context';
import type { PairConstraint } from './constraint';
import { refusedPairsFilter } from './refused-pairs';

/** `avoidPastPartners`: never pair people who were partners before (either side's `pastPartners`). */
export function avoidPastPartners(): PairConstraint {
  return {
    id: 'avoidPastPartners',
    allows: (junior, senior) => !(junior.pastPartners?.includes(senior.id) ?? false) && !(senior.pastPartners?.includes(junior.id) ?? false),
    why: (junior, senior) => ({ messageId: 'constraint.avoidPastPartners', params: { junior: displayName(junior), senior: displayName(senior) } }),
  };
}

/**
 * The typed form of {@link avoidPastPartners}: both sides' `pastPartners` lists, resolved once.
 *
 * @param _context - The cohort (unused).
 * @param columns - The cohort's typed columns.
 */
export function avoidPastPartnersKernel(_context: CohortContext, columns: CohortColumns): RowFilter {
  const { juniors, seniors } = columns;
  const refused: [number, number][] = [];
  juniors.records.forEach((p, r) => {
    for (const id of p.pastPartners ?? []) {
      const c = seniors.index.get(id);
      if (c !== undefined) refused.push([r, c]);
    }
  });
  seniors.records.forEach((p, c) => {
    for (const id of p.pastPartners ?? []) {
      const r = juniors.index.get(id);
      if (r !== undefined) refused.push([r, c]);
    }
  });
  return refusedPairsFilter(juniors.count, refused);
}
