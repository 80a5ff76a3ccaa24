import type { CohortColumns, RowScorer } from '../model/columns';
import type { CohortContext } from '../model/context';
import type { Scorer } from './scorer';
import { skillTransfer, skillTransferKernel } from './skill-transfer';

/**
 * `reciprocity`: the same as `skillGap` in the other direction, what the senior can teach the
 * junior on senior-taught skills (strategy, sector knowledge), weighted by the junior's desire.
 *
 * @param context - The cohort; the program's taxonomy says which skills seniors teach.
 */
export function reciprocity(context: CohortContext): Scorer {
  return skillTransfer('reciprocity', 'senior', context);
}

/**
 * The typed form of {@link reciprocity}, from the skill columns.
 *
 * @param context - The cohort.
 * @param columns - The cohort's typed columns.
 */
export function reciprocityKernel(context: CohortContext, columns: CohortColumns): RowScorer {
  return skillTransferKernel('senior', context.program.skills, columns);
}
