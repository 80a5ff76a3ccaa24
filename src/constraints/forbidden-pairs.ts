import type { CohortColumns, RowFilter } from '../model/columns';
import { displayName, type CohortContext } from '../model/context';
import type { PairRef } from '../model/program';
import type { PairConstraint } from './constraint';
import { refusedPairsFilter } from './refused-pairs';

/**
 * `forbiddenPairs`: pairs the program rules out by name.
 *
 * @param pairs - The `{ juniorId, seniorId }` pairs to refuse.
 */
export function forbiddenPairs(pairs: readonly PairRef[]): PairConstraint {
  const bySenior = new Map<string, Set<string>>();
  for (const { juniorId, seniorId } of pairs) {
    let set = bySenior.get(juniorId);
    if (!set) bySenior.set(juniorId, (set = new Set()));
    set.add(seniorId);
  }
  return {
    id: 'forbiddenPairs',
    allows: (junior, senior) => !(bySenior.get(junior.id)?.has(senior.id) ?? false),
    why: (junior, senior) => ({ messageId: 'constraint.forbiddenPairs', params: { junior: displayName(junior), senior: displayName(senior) } }),
  };
}

/**
 * The typed form of {@link forbiddenPairs} for the program's `forbiddenPairs`.
 *
 * @param context - The cohort.
 * @param columns - The cohort's typed columns.
 */
export function forbiddenPairsKernel(context: CohortContext, columns: CohortColumns): RowFilter {
  const refused: [number, number][] = [];
  for (const { juniorId, seniorId } of context.program.constraints.forbiddenPairs) {
    const r = columns.juniors.index.get(juniorId);
    const c = columns.seniors.index.get(seniorId);
    if (r !== undefined && c !== undefined) refused.push([r, c]);
  }
  return refusedPairsFilter(columns.juniors.count, refused);
}
