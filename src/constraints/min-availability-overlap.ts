import { commonBits, type CohortColumns, type RowFilter } from '../model/columns';
import { displayName, type CohortContext } from '../model/context';
import { commonSlotCount } from '../scoring/availability';
import type { PairConstraint } from './constraint';

/**
 * `minAvailabilityOverlap`: at least `min` common meeting slots. Does not apply when a side gives
 * no availability.
 *
 * @param min - Least number of common slots, >= 1.
 */
export function minAvailabilityOverlap(min: number): PairConstraint {
  return {
    id: 'minAvailabilityOverlap',
    allows: (junior, senior) =>
      junior.availability === undefined || senior.availability === undefined || commonSlotCount(junior.availability, senior.availability) >= min,
    why: (junior, senior) => ({
      messageId: 'constraint.minAvailabilityOverlap',
      params: { count: commonSlotCount(junior.availability ?? [], senior.availability ?? []), min },
    }),
    note: (junior, senior) => {
      const missing = junior.availability === undefined ? junior : senior.availability === undefined ? senior : undefined;
      return missing && { messageId: 'constraint.fieldMissing', params: { rule: 'minAvailabilityOverlap', field: 'availability', who: displayName(missing) } };
    },
  };
}

/**
 * The typed form of {@link minAvailabilityOverlap} for the program's minimum, from the slot bit sets.
 *
 * @param context - The cohort.
 * @param columns - The cohort's typed columns.
 */
export function minAvailabilityOverlapKernel(context: CohortContext, columns: CohortColumns): RowFilter {
  const min = context.program.constraints.minAvailabilityOverlap;
  const { juniors, seniors, slotWords } = columns;
  return (row, candidates, count) => {
    if (juniors.hasAvailability[row] === 0) return count;
    const offset = row * slotWords;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      if (seniors.hasAvailability[c] === 0 || commonBits(juniors.availability, offset, seniors.availability, c * slotWords, slotWords) >= min) {
        candidates[kept++] = c;
      }
    }
    return kept;
  };
}
