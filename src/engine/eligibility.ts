import type { Participant } from '../model/participant';
import type { BipartiteGraph } from '../solver/b-matching';
import { makeScoreRow } from './row-scoring';
import type { Prepared } from './prepare';

/** The eligible pairs of a cohort, as a CSR graph over the matchable juniors and seniors. */
export interface Eligibility {
  /** Matchable juniors (volunteers when `volunteersOnly`), sorted by id: the graph's rows. */
  readonly juniors: readonly Participant[];
  /** Matchable seniors, sorted by id: the graph's columns. */
  readonly seniors: readonly Participant[];
  /** Every eligible pair with its score as weight; capacities are the participants' own. */
  readonly graph: BipartiteGraph;
}

/** A participant's capacity: their own, else the program's default for their role. */
export function capacityOf(prepared: Prepared, p: Participant): number {
  return p.capacity ?? prepared.program.capacity[p.role];
}

/**
 * Scores every pair of matchable participants and keeps the eligible ones. Memory grows with the
 * eligible pairs only, never with juniors x seniors.
 *
 * @param prepared - The validated cohort.
 * @param onRow - Told the number of juniors scored so far, about a hundred times in all.
 */
export function buildEligibility(prepared: Prepared, onRow?: (done: number, total: number) => void): Eligibility {
  const matchable = (p: Participant) => p.volunteer || !prepared.program.constraints.volunteersOnly;
  const juniors = prepared.context.juniors.filter(matchable);
  const seniors = prepared.context.seniors.filter(matchable);
  const scoreRow = makeScoreRow(prepared, juniors, seniors);
  const candidates = new Int32Array(seniors.length);
  const total = new Float64Array(seniors.length);
  const rowStart = new Int32Array(juniors.length + 1);
  let cols = new Int32Array(1024);
  let weights = new Float64Array(1024);
  let edges = 0;
  const every = Math.max(1, Math.ceil(juniors.length / 100));
  for (let r = 0; r < juniors.length; r++) {
    if (onRow && r % every === 0 && r > 0) onRow(r, juniors.length);
    const count = scoreRow(r, candidates, total);
    if (edges + count > cols.length) {
      const size = Math.max(edges + count, Math.min(2 * cols.length, cols.length + 64 * 1024 * 1024));
      const grownCols = new Int32Array(size);
      grownCols.set(cols.subarray(0, edges));
      cols = grownCols;
      const grownWeights = new Float64Array(size);
      grownWeights.set(weights.subarray(0, edges));
      weights = grownWeights;
    }
    cols.set(candidates.subarray(0, count), edges);
    weights.set(total.subarray(0, count), edges);
    edges += count;
    rowStart[r + 1] = edges;
  }
  return {
    juniors,
    seniors,
    graph: {
      rows: juniors.length,
      cols: seniors.length,
      rowStart,
      edgeCol: edges === cols.length ? cols : cols.slice(0, edges),
      edgeWeight: edges === weights.length ? weights : weights.slice(0, edges),
      rowCapacity: Int32Array.from(juniors, (p) => capacityOf(prepared, p)),
      colCapacity: Int32Array.from(seniors, (p) => capacityOf(prepared, p)),
    },
  };
}

/**
 * The edge index of pair (row, col), or -1 when the pair is not eligible (binary search in the
 * row, whose columns are ascending).
 */
export function findEdge(graph: BipartiteGraph, row: number, col: number): number {
  let lo = graph.rowStart[row]!;
  let hi = graph.rowStart[row + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = graph.edgeCol[mid]!;
    if (c === col) return mid;
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
