import type { CohortColumns, RowFilter } from '../model/columns';
import { displayName, type CohortContext } from '../model/context';
import type { Participant } from '../model/participant';
import type { PairConstraint } from './constraint';

/**
 * The ids above each participant in the management chain (manager, manager's manager, ...), as far
 * as the chain can be followed: a manager who is not a participant ends it.
 *
 * @param byId - Every participant by id (chains are loop-free once validated).
 */
export function managementChains(byId: ReadonlyMap<string, Participant>): Map<string, ReadonlySet<string>> {
  const chains = new Map<string, ReadonlySet<string>>();
  const chainOf = (p: Participant): ReadonlySet<string> => {
    const known = chains.get(p.id);
    if (known) return known;
    const above = new Set<string>();
    if (p.managerId !== undefined) {
      above.add(p.managerId);
      const manager = byId.get(p.managerId);
      if (manager) for (const id of chainOf(manager)) above.add(id);
    }
    chains.set(p.id, above);
    return above;
  };
  for (const p of byId.values()) chainOf(p);
  return chains;
}

/**
 * `notInReportingLine`: a safe space, so no pair inside a management chain in either direction: a
 * junior never mentors their manager or anyone up that chain, nor a senior they manage.
 *
 * @param context - The cohort, to build each participant's chain once.
 */
export function notInReportingLine(context: CohortContext): PairConstraint {
  const chains = managementChains(context.byId);
  const empty: ReadonlySet<string> = new Set();
  const above = (p: Participant) => chains.get(p.id) ?? empty;
  return {
    id: 'notInReportingLine',
    allows: (junior, senior) => !above(junior).has(senior.id) && !above(senior).has(junior.id),
    why: (junior, senior) =>
      above(junior).has(senior.id)
        ? { messageId: 'constraint.notInReportingLine', params: { manager: displayName(senior), report: displayName(junior) } }
        : { messageId: 'constraint.notInReportingLine', params: { manager: displayName(junior), report: displayName(senior) } },
  };
}

/**
 * The typed form of {@link notInReportingLine}: with the management forest as depth-first
 * intervals, "one manages the other" is two comparisons each way.
 *
 * @param _context - The cohort (unused).
 * @param columns - The cohort's typed columns.
 */
export function notInReportingLineKernel(_context: CohortContext, columns: CohortColumns): RowFilter {
  const { juniors, seniors } = columns;
  return (row, candidates, count) => {
    const enter = juniors.enter[row]!;
    const exit = juniors.exit[row]!;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      const seniorEnter = seniors.enter[c]!;
      const seniorExit = seniors.exit[c]!;
      const seniorAbove = seniorEnter < enter && exit <= seniorExit;
      const juniorAbove = enter < seniorEnter && seniorExit <= exit;
      if (!seniorAbove && !juniorAbove) candidates[kept++] = c;
    }
    return kept;
  };
}
