/**
 * The certificate of a match: the duals of the solve, keyed by participant id, and the verdict of
 * the independent check ({@link verifyAssignment}) on them.
 *
 * @module
 */
import type { MatchStats } from '../model/result';
import type { GraphSolution } from '../solver/assignment';
import type { BipartiteGraph, MatchingObjective } from '../solver/b-matching';
import { verifyChecked } from '../solver/verify-assignment';
import type { Eligibility } from './eligibility';

/**
 * Checks the solve of the pairs that are not locked (the residual graph: locked pairs removed,
 * capacities reduced) and reports its certificate.
 *
 * @param eligibility - Juniors (rows) and seniors (columns) of the graph.
 * @param residual - The graph that was solved.
 * @param solved - Its solution.
 * @param objective - What was maximised.
 */
export function certify(eligibility: Eligibility, residual: BipartiteGraph, solved: GraphSolution, objective: MatchingObjective): MatchStats['certificate'] {
  const { matching, duals, problem } = solved;
  const pairs = new Int32Array(2 * matching.pairCount);
  let k = 0;
  for (let r = 0; r < residual.rows; r++) {
    for (let e = residual.rowStart[r]!, end = residual.rowStart[r + 1]!; e < end; e++) {
      if (matching.edgeUsed[e] !== 1) continue;
      pairs[k++] = r;
      pairs[k++] = residual.edgeCol[e]!;
    }
  }
  const verdict = verifyChecked(problem, { status: 'optimal', pairs, objective: matching.weight, duals, mode: objective, maximize: true });
  const juniors: Record<string, number> = {};
  const seniors: Record<string, number> = {};
  eligibility.juniors.forEach((p, r) => (juniors[p.id] = duals.row[r]!));
  eligibility.seniors.forEach((p, c) => (seniors[p.id] = duals.col[c]!));
  return {
    verified: verdict.optimal,
    maxViolation: Number.isFinite(verdict.maxViolation) ? verdict.maxViolation : Number.MAX_VALUE,
    tolerance: verdict.tolerance,
    cardinality: duals.cardinality,
    juniors,
    seniors,
  };
}
