/**
 * Certificates from the min-cost-flow solver: turns its node potentials into the row, column and
 * cardinality duals of {@link AssignmentDuals} (maximisation form), and fills in the duals of
 * rows and columns that no solver looks at (capacity 0).
 *
 * @module
 */
import type { BipartiteGraph, MatchingObjective } from './b-matching';

/** Duals in maximisation form: `row[r] + col[c] + cardinality >= weight` on every pair. */
export interface MaxFormDuals {
  readonly row: Float64Array;
  readonly col: Float64Array;
  cardinality: number;
}

/**
 * Reads the duals off the potentials of {@link solveBMatchingWithPotentials}.
 *
 * With `s` the source and `t` the sink: `row[r] = max(0, pi[r] - pi[s])`, `col[c] = max(0, pi[t] -
 * pi[c])`, `cardinality = pi[s] - pi[t]` (0 for `maxWeight`, where the two are one node). The
 * reduced costs of the residual arcs give dual feasibility and the signs; a chosen pair left with
 * slack is made tight through its side of capacity 1 when it has one (that side is full).
 *
 * @param graph - The graph solved, weights to maximise.
 * @param edgeUsed - The optimal matching, one flag per edge.
 * @param pi - The solver's final potentials.
 * @param objective - The objective solved.
 */
export function flowDuals(graph: BipartiteGraph, edgeUsed: Uint8Array, pi: Float64Array, objective: MatchingObjective): MaxFormDuals {
  const { rows, cols, rowStart, edgeCol, edgeWeight, rowCapacity, colCapacity } = graph;
  const sink = rows + cols;
  const source = sink + 1;
  const row = new Float64Array(rows);
  const col = new Float64Array(cols);
  for (let r = 0; r < rows; r++) row[r] = Math.max(0, pi[r]! - pi[source]!);
  for (let c = 0; c < cols; c++) col[c] = Math.max(0, pi[sink]! - pi[rows + c]!);
  const cardinality = objective === 'maxWeight' ? 0 : pi[source]! - pi[sink]!;
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      if (edgeUsed[e] !== 1) continue;
      const c = edgeCol[e]!;
      const slack = edgeWeight[e]! - row[r]! - col[c]! - cardinality;
      if (slack > 0) {
        if (rowCapacity[r] === 1) row[r] = row[r]! + slack;
        else if (colCapacity[c] === 1) col[c] = col[c]! + slack;
      }
    }
  }
  const duals = { row, col, cardinality };
  completeZeroCapacity(graph, duals);
  return duals;
}

/**
 * Duals of rows and columns of capacity 0: they cost nothing in the dual bound, so each is set to
 * the least value >= 0 that covers its pairs (valid in every mode).
 *
 * @param graph - Pairs and capacities, weights to maximise.
 * @param duals - Updated in place.
 */
export function completeZeroCapacity(graph: BipartiteGraph, duals: MaxFormDuals): void {
  const { rows, cols, rowStart, edgeCol, edgeWeight, rowCapacity, colCapacity } = graph;
  const { row, col, cardinality } = duals;
  for (let r = 0; r < rows; r++) {
    if (rowCapacity[r] !== 0) continue;
    let best = 0;
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const need = edgeWeight[e]! - col[edgeCol[e]!]! - cardinality;
      if (need > best) best = need;
    }
    row[r] = best;
  }
  let zeroCols = false;
  for (let c = 0; c < cols; c++) if (colCapacity[c] === 0) zeroCols = true;
  if (!zeroCols) return;
  const best = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const c = edgeCol[e]!;
      if (colCapacity[c] !== 0) continue;
      const need = edgeWeight[e]! - row[r]! - cardinality;
      if (need > best[c]!) best[c] = need;
    }
  }
  for (let c = 0; c < cols; c++) if (colCapacity[c] === 0) col[c] = best[c]!;
}
