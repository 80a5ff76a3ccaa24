/**
 * The assignment core on its own: a dense problem, a sparse one with capacities, and the
 * certificate checked by `verifyAssignment`. Run: `npx tsx examples/assignment.ts`.
 */
import { solveAssignment, verifyAssignment, type SparseAssignmentProblem } from 'binome';

// Dense: costs to minimise, row-major; NaN would mark a forbidden pair.
const costs = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]);
const dense = solveAssignment({ rows: 3, cols: 3, weights: costs }, { maximize: false });
console.log('dense:', dense.status, 'pairs', Array.from(dense.pairs), 'objective', dense.objective);
if (dense.objective !== 5) throw new Error('expected the optimum 5');

// Sparse with capacities: three juniors, two seniors, the first senior may take two of them.
const problem: SparseAssignmentProblem = {
  rows: 3,
  cols: 2,
  edges: { row: Int32Array.from([0, 0, 1, 2]), col: Int32Array.from([0, 1, 0, 1]), weight: Float64Array.from([7, 3, 5, 4]) },
  colCapacity: [2, 1],
};
const best = solveAssignment(problem, { mode: 'maxWeight' });
const verdict = verifyAssignment(problem, best);
console.log('sparse:', 'pairs', Array.from(best.pairs), 'objective', best.objective, 'certificate', verdict.optimal ? 'verified' : verdict.failures);
if (!verdict.optimal || best.objective !== 16) throw new Error('expected a verified optimum of 16');

// A tampered solution is caught.
const tampered = { ...best, objective: best.objective + 1 };
console.log('tampered objective certified?', verifyAssignment(problem, tampered).certified);
