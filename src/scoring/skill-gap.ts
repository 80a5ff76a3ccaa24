import type { CohortContext } from '../model/context';
import type { Scorer } from './scorer';
import { skillTransfer } from './skill-transfer';

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
