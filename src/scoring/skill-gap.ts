import type { CohortColumns, RowScorer } from '../model/columns';
import type { CohortContext } from '../model/context';
import type { Scorer } from './scorer';
import { skillTransfer, skillTransferKernel } from './skill-transfer';

/**
 * `skillGap`, the main term: what the junior can teach the senior on junior-taught skills (digital
 * tools, social trends), for each skill the level the junior has above the senior times how much
 * the senior wants it, normalised to [0, 1] (see the README for the formula).
 *
 * @param context - The cohort; the program's taxonomy says which skills juniors teach.
 */
export function skillGap(context: CohortContext): Scorer {
  return skillTransfer('skillGap', 'junior', context);
}

/**
 * The typed form of {@link skillGap}, from the skill columns.
 *
 * @param context - The cohort.
 * @param columns - The cohort's typed columns.
 */
export function skillGapKernel(context: CohortContext, columns: CohortColumns): RowScorer {
  return skillTransferKernel('junior', context.program.skills, columns);
}
