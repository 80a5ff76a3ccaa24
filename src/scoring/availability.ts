import type { Reason } from '../explain/messages/types';
import { commonBits, type CohortColumns, type RowScorer } from '../model/columns';
import { displayName, type CohortContext } from '../model/context';
import type { Participant } from '../model/participant';
import type { Scorer } from './scorer';

/**
 * Number of slot labels two people share; no allocation.
 *
 * @param a - One side's slots.
 * @param b - The other side's slots.
 */
export function commonSlotCount(a: readonly string[], b: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    const slot = a[i] as string;
    if (a.indexOf(slot) === i && b.includes(slot)) count++;
  }
  return count;
}

/** Slots two people share, in the junior's order, without duplicates (cold path). */
function commonSlots(junior: Participant, senior: Participant): string[] {
  const theirs = new Set(senior.availability ?? []);
  return [...new Set(junior.availability ?? [])].filter((slot) => theirs.has(slot));
}

/**
 * `availability`: overlap of meeting slots. One common slot gives 0.5, two or more give 1 (one
 * for the regular meeting, one to reschedule); a side without availability gives 0.
 */
export function availability(): Scorer {
  return {
    id: 'availability',
    score(junior, senior) {
      if (junior.availability === undefined || senior.availability === undefined) return 0;
      const count = commonSlotCount(junior.availability, senior.availability);
      return count >= 2 ? 1 : count * 0.5;
    },
    explain(junior, senior): readonly Reason[] {
      const missing = junior.availability === undefined ? junior : senior.availability === undefined ? senior : undefined;
      if (missing) return [{ messageId: 'availability.unknown', params: { who: displayName(missing) } }];
      const slots = commonSlots(junior, senior);
      if (slots.length === 0) return [{ messageId: 'availability.none', params: { junior: displayName(junior), senior: displayName(senior) } }];
      return [{ messageId: 'availability.overlap', params: { count: slots.length, slots: slots.join(', ') } }];
    },
  };
}

/**
 * The typed form of {@link availability}, from the slot bit sets.
 *
 * @param _context - The cohort (unused).
 * @param columns - The cohort's typed columns.
 */
export function availabilityKernel(_context: CohortContext, columns: CohortColumns): RowScorer {
  const { juniors, seniors, slotWords } = columns;
  return (row, candidates, count, total, coef) => {
    if (juniors.hasAvailability[row] === 0) return;
    const offset = row * slotWords;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      if (seniors.hasAvailability[c] === 0) continue;
      const common = commonBits(juniors.availability, offset, seniors.availability, c * slotWords, slotWords);
      total[i]! += coef * (common >= 2 ? 1 : common * 0.5);
    }
  };
}
