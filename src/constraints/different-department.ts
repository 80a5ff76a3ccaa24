import type { CohortColumns, RowFilter } from '../model/columns';
import type { CohortContext } from '../model/context';
import type { PairConstraint } from './constraint';

/** `differentDepartment`: junior and senior come from different departments. */
export function differentDepartment(): PairConstraint {
  return {
    id: 'differentDepartment',
    allows: (junior, senior) => junior.department !== senior.department,
    why: (junior) => ({ messageId: 'constraint.differentDepartment', params: { department: junior.department } }),
  };
}

/**
 * The typed form of {@link differentDepartment}, from the department codes.
 *
 * @param _context - The cohort (unused).
 * @param columns - The cohort's typed columns.
 */
export function differentDepartmentKernel(_context: CohortContext, columns: CohortColumns): RowFilter {
  const { juniors, seniors } = columns;
  return (row, candidates, count) => {
    const own = juniors.department[row]!;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      if (seniors.department[c] !== own) candidates[kept++] = c;
    }
    return kept;
  };
}
