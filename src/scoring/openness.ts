import type { Reason } from '../explain/messages/types';
import type { CohortColumns, RowScorer } from '../model/columns';
import { displayName, type CohortContext } from '../model/context';
import type { Scorer } from './scorer';

/** Openness counted for a side that did not answer the questionnaire (the middle of 0..5). */
export const NEUTRAL_OPENNESS = 2.5;

/**
 * `openness`: both sides' mindset from the volunteer questionnaire, the mean of the two on 0..5
 * scaled to [0, 1]; a side without an answer counts as {@link NEUTRAL_OPENNESS}.
 */
export function openness(): Scorer {
  return {
    id: 'openness',
    score: (junior, senior) => ((junior.openness ?? NEUTRAL_OPENNESS) + (senior.openness ?? NEUTRAL_OPENNESS)) / 10,
    explain(junior, senior) {
      const reasons: Reason[] = [];
      for (const p of [junior, senior]) {
        if (p.openness === undefined) reasons.push({ messageId: 'openness.missing', params: { who: displayName(p), neutral: NEUTRAL_OPENNESS } });
      }
      reasons.push({
        messageId: 'openness.both',
        params: {
          junior: displayName(junior),
          senior: displayName(senior),
          juniorLevel: junior.openness ?? NEUTRAL_OPENNESS,
          seniorLevel: senior.openness ?? NEUTRAL_OPENNESS,
        },
      });
      return reasons;
    },
  };
}

/**
 * The typed form of {@link openness}, from the openness column.
 *
 * @param _context - The cohort (unused).
 * @param columns - The cohort's typed columns.
 */
export function opennessKernel(_context: CohortContext, columns: CohortColumns): RowScorer {
  const filled = (values: Float64Array) => values.map((v) => (Number.isNaN(v) ? NEUTRAL_OPENNESS : v));
  const junior = filled(columns.juniors.openness);
  const senior = filled(columns.seniors.openness);
  return (row, candidates, count, total, coef) => {
    const own = junior[row]!;
    for (let i = 0; i < count; i++) total[i]! += coef * ((own + senior[candidates[i]!]!) / 10);
  };
}
