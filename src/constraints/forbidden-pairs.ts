import { displayName } from '../model/context';
import type { PairRef } from '../model/program';
import type { PairConstraint } from './constraint';

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
