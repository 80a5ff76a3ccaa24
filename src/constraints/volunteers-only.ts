import type { CohortColumns, RowFilter } from '../model/columns';
import { displayName, type CohortContext } from '../model/context';
import type { PairConstraint } from './constraint';

/** `volunteersOnly`: participation is voluntary for both sides; only volunteers are paired. */
export function volunteersOnly(): PairConstraint {
  return {
    id: 'volunteersOnly',
    allows: (junior, senior) => junior.volunteer && senior.volunteer,
    why: (junior, senior) => ({ messageId: 'constraint.volunteersOnly', params: { who: displayName(junior.volunteer ? senior : junior) } }),
  };
}

/**
 * The typed form of {@link volunteersOnly}.
 *
 * @param _context - The cohort (unused).
 * @param columns - The cohort's typed columns.
 */
export function volunteersOnlyKernel(_context: CohortContext, columns: CohortColumns): RowFilter {
  const { juniors, seniors } = columns;
  return (row, candidates, count) => {
    if (juniors.volunteer[row] === 0) return 0;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      if (seniors.volunteer[c] === 1) candidates[kept++] = c;
    }
    return kept;
  };
}
