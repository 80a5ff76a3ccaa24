import { displayName } from '../model/context';
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
