import type { PairConstraint } from './constraint';

/** `differentDepartment`: junior and senior come from different departments. */
export function differentDepartment(): PairConstraint {
  return {
    id: 'differentDepartment',
    allows: (junior, senior) => junior.department !== senior.department,
    why: (junior) => ({ messageId: 'constraint.differentDepartment', params: { department: junior.department } }),
  };
}
