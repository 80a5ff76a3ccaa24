/**
 * The low-level assignment API: {@link solveAssignment} picks the algorithm for the problem's
 * shape and returns the pairs with a certificate of optimality.
 *
 * - Perfect (and maximum-cardinality) problems whose one side has unit capacities go to
 *   Jonker-Volgenant on that side: dense scans over a full matrix ({@link solveDenseJv}), a heap
 *   over the allowed pairs of a sparse one ({@link solveSparseJv}). Capacities of the other side
 *   are handled in the search.
 * - Everything else (both sides with capacities above 1, `maxWeight`, a largest partial assignment
 *   when a perfect one is impossible) goes to the min-cost-flow b-matching solver over the allowed
 *   pairs ({@link solveBMatching}).
 *
 * @module
 */
import { ValidationError } from '../errors';
import { checkProblem, denseToCsr, transposeCsr, transposeDense, type CheckedProblem, type CostCsr } from './assignment-input';
import type { AssignmentDuals, AssignmentMode, AssignmentOptions, AssignmentProblem, AssignmentSolution } from './assignment-types';
import { solveBMatchingWithPotentials, type BipartiteGraph, type BMatching, type MatchingObjective } from './b-matching';
import { solveDenseJv } from './dense-jv';
import { solveByComponents } from './components';
import { completeZeroCapacity, flowDuals, type MaxFormDuals } from './flow-duals';
import type { JvState, WarmStart } from './jv-state';
import { maxCardinality } from './max-cardinality';
import { solveByPricing, worthPricing, type PricedSolution } from './pricing';
import { solveSparseJv } from './sparse-jv';

const MODES: readonly AssignmentMode[] = ['perfect', 'maxWeight', 'maxCardinality'];

/** Raw outcome of one solver, in maximisation form (`w' = -cost`). */
type RawSolution = PricedSolution;

/**
 * Solves an assignment problem exactly.
 *
 * Dense problems give the full weight matrix (row-major, `NaN` = forbidden); sparse ones list
 * only the allowed pairs. Rows and columns take one pair each unless `rowCapacity` /
 * `colCapacity` say otherwise. See {@link AssignmentMode} for what counts as a solution and
 * {@link AssignmentDuals} for the certificate; {@link verifyAssignment} checks it.
 *
 * Deterministic: the same input gives the same pairs. Time: `O(n^2 m)` worst case for a dense
 * `n x m` problem (n the smaller side), far less on typical data; memory `O(n + m)` beyond the
 * matrix. A sparse problem costs what its searches explore, with memory linear in the pairs.
 *
 * @example
 * ```ts
 * const weights = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]);
 * const { pairs, objective } = solveAssignment({ rows: 3, cols: 3, weights }, { maximize: false });
 * // pairs = [0, 1, 1, 0, 2, 2], objective = 5
 * ```
 *
 * @param problem - A dense or sparse problem.
 * @param options - Sense (`maximize`, default true) and `mode` (default `perfect`).
 * @returns The solution; `status: 'infeasible'` when a perfect assignment is impossible.
 * @throws ValidationError for malformed input, naming the field (`problem.weights[7]: ...`).
 */
export function solveAssignment(problem: AssignmentProblem, options: AssignmentOptions = {}): AssignmentSolution {
  const maximize = options.maximize ?? true;
  const mode = options.mode ?? 'perfect';
  if (typeof maximize !== 'boolean') throw new ValidationError([{ path: ['options', 'maximize'], message: 'must be a boolean', received: maximize }]);
  if (!MODES.includes(mode)) throw new ValidationError([{ path: ['options', 'mode'], message: `must be one of ${MODES.join(', ')}`, received: mode }]);
  const p = checkProblem(problem, maximize);

  let raw: RawSolution | null = null;
  let status: AssignmentSolution['status'] = 'optimal';
  raw = solveExact(p, mode);
  if (raw === null || !raw.feasible) {
    raw = solveByFlow(p, mode);
    if (!raw.feasible) status = 'infeasible';
  }

  let objective = 0;
  const { pairs } = raw;
  const { sign } = p;
  for (let k = 0; k < pairs.length; k += 2) objective += sign * cost(p, pairs[k]!, pairs[k + 1]!);
  const duals: AssignmentDuals = maximize
    ? { row: raw.row, col: raw.col, cardinality: raw.cardinality }
    : { row: negate(raw.row), col: negate(raw.col), cardinality: raw.cardinality === 0 ? 0 : -raw.cardinality };
  return { status, pairs, objective, duals, mode, maximize };
}

function negate(values: Float64Array): Float64Array {
  for (let k = 0; k < values.length; k++) values[k] = values[k] === 0 ? 0 : -values[k]!;
  return values;
}

/** Cost (minimisation form) of an allowed pair, looked up in the problem. */
function cost(p: CheckedProblem, i: number, j: number): number {
  if (p.dense !== null) return p.sign * p.dense[i * p.cols + j]!;
  const { rowStart, edgeCol, edgeCost } = p.sparse!;
  let lo = rowStart[i]!;
  let hi = rowStart[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = edgeCol[mid]!;
    if (c === j) return edgeCost[mid]!;
    if (c < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return NaN;
}

function total(capacity: Int32Array): number {
  let sum = 0;
  for (let k = 0; k < capacity.length; k++) sum += capacity[k]!;
  return sum;
}

function hasZero(capacity: Int32Array): boolean {
  for (let k = 0; k < capacity.length; k++) if (capacity[k] === 0) return true;
  return false;
}

function allAtMostOne(capacity: Int32Array): boolean {
  for (let k = 0; k < capacity.length; k++) if (capacity[k]! > 1) return false;
  return true;
}

/**
 * Jonker-Volgenant from a unit side, on a part of the pairs first when the problem is large and
 * dense ({@link solveByPricing}); null when no side has unit capacities.
 */
function solveExact(p: CheckedProblem, mode: AssignmentMode): RawSolution | null {
  if (p.sparse !== null && worthPricing(p.sparse)) {
    const side = unitSide(p, mode);
    if (side !== null) return solveByPricing(p, mode, side, solveByJv);
  }
  return solveByJv(p, mode);
}

/**
 * Which side the Jonker-Volgenant solvers work from (its rows): a side whose capacities are all 0
 * or 1. For `perfect` it must be the side to saturate (the smaller total); for the other modes,
 * rows may stay out (through the dummy column), so any unit side does, the smaller preferred.
 *
 * @returns `'rows'`, `'cols'` (work on the transpose), or null when no side fits.
 */
function unitSide(p: CheckedProblem, mode: AssignmentMode): 'rows' | 'cols' | null {
  const rowTotal = total(p.rowCapacity);
  const colTotal = total(p.colCapacity);
  const rowsUnit = allAtMostOne(p.rowCapacity);
  const colsUnit = allAtMostOne(p.colCapacity);
  if (mode === 'perfect') {
    if (rowsUnit && rowTotal <= colTotal) return 'rows';
    if (colsUnit && colTotal <= rowTotal) return 'cols';
    return null;
  }
  if (rowsUnit && colsUnit) return rowTotal <= colTotal ? 'rows' : 'cols';
  return rowsUnit ? 'rows' : colsUnit ? 'cols' : null;
}

/**
 * Jonker-Volgenant from a side with unit capacities.
 *
 * - `perfect`: every row of that side assigned; dense or sparse searches.
 * - `maxWeight`: the same with a dummy column of cost 0 and room for every row (a row on it
 *   stays unpaired).
 * - `maxCardinality`: Hopcroft-Karp gives the largest number k of pairs; then a perfect
 *   assignment when k covers every row, else the dummy column with room for exactly `rows - k`,
 *   so that the best k-pair assignment comes out, exactly (no big-M weights).
 *
 * @returns null when no side fits; `feasible: false` when `perfect` cannot saturate the side.
 */
function solveByJv(p: CheckedProblem, mode: AssignmentMode, warm?: WarmStart): RawSolution | null {
  const side = unitSide(p, mode);
  if (side === null) return null;
  const transposed = side === 'cols';
  const n = transposed ? p.cols : p.rows;
  const m = transposed ? p.rows : p.cols;
  const unitCapacity = transposed ? p.colCapacity : p.rowCapacity;
  const otherCapacity = transposed ? p.rowCapacity : p.colCapacity;
  const active = new Uint8Array(n);
  let activeCount = 0;
  for (let i = 0; i < n; i++) {
    active[i] = unitCapacity[i]! > 0 ? 1 : 0;
    activeCount += active[i]!;
  }

  let state: JvState | null = null;
  let solvedSparse = false;
  let dummyCapacity = 0;
  let csr: CostCsr | null = null;
  const sparseSide = (): CostCsr => {
    const own = p.sparse ?? denseToCsr(p.rows, p.cols, p.dense!, p.sign);
    return transposed ? transposeCsr(own) : own;
  };
  if (mode === 'maxWeight') dummyCapacity = activeCount;
  else if (mode === 'maxCardinality') {
    if (p.dense !== null) {
      // Dense and complete enough for every row to be served: no need for the pairs' list.
      state = solveDenseJv(n, transposed ? transposeDense(p.rows, p.cols, p.dense) : p.dense, p.sign, active, otherCapacity);
    }
    if (state === null) {
      csr = sparseSide();
      dummyCapacity = activeCount - maxCardinality(csr, active, otherCapacity);
    }
  }
  if (state === null) {
    if (p.dense !== null && dummyCapacity === 0) {
      state = solveDenseJv(n, transposed ? transposeDense(p.rows, p.cols, p.dense) : p.dense, p.sign, active, otherCapacity);
    } else {
      state = solveSparseJv(csr ?? sparseSide(), active, otherCapacity, dummyCapacity, warm);
      if (state !== null) solvedSparse = true;
    }
  }
  if (state === null) return { feasible: false, pairs: new Int32Array(0), row: new Float64Array(0), col: new Float64Array(0), cardinality: 0 };

  // Back to the problem's orientation, in maximisation form (w' = -cost, so duals are -u, -v).
  const { rowCol, u, v } = state;
  const sideU = new Float64Array(n);
  const sideV = new Float64Array(m);
  // The dummy column's dual moves into the rows (so that a row left out has dual 0) and, for
  // maxCardinality, into the cardinality dual: U + V_D + V >= w' becomes U' + V + (-V_D) >= w'.
  const dummyDual = dummyCapacity > 0 ? -v[m]! : 0;
  for (let i = 0; i < n; i++) sideU[i] = active[i] === 1 ? -u[i]! + dummyDual : 0;
  for (let j = 0; j < m; j++) sideV[j] = -v[j]!;
  let cardinality = mode === 'maxCardinality' ? -dummyDual : 0;
  const row = transposed ? sideV : sideU;
  const col = transposed ? sideU : sideV;

  let pairCount = 0;
  for (let i = 0; i < n; i++) if (rowCol[i]! >= 0 && rowCol[i]! < m) pairCount++;
  const pairs = new Int32Array(2 * pairCount);
  if (!transposed) {
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (rowCol[i]! < 0 || rowCol[i]! >= m) continue;
      pairs[k++] = i;
      pairs[k++] = rowCol[i]!;
    }
  } else {
    // Rows of the original are the JV's columns: bucket the JV rows by column, ascending.
    const start = new Int32Array(m + 1);
    for (let i = 0; i < n; i++) if (rowCol[i]! >= 0 && rowCol[i]! < m) start[rowCol[i]! + 1]!++;
    for (let r = 0; r < m; r++) start[r + 1] = start[r + 1]! + start[r]!;
    for (let i = 0; i < n; i++) {
      const r = rowCol[i]!;
      if (r < 0 || r >= m) continue;
      const at = start[r]!++;
      pairs[2 * at] = r;
      pairs[2 * at + 1] = i;
    }
  }

  if (mode === 'maxCardinality' && dummyCapacity === 0) {
    // Every unit row is paired: same optimum as `perfect`, other certificate. Row and column
    // duals >= 0, the shift moves to `cardinality`: the unit side is full, so its duals may be
    // shifted down by their minimum; the other side only when all of its columns are full too
    // (then `v` may have any sign, after a column reduction).
    const unit = sideU;
    const other = sideV;
    let shiftUnit = Infinity;
    for (let i = 0; i < n; i++) if (active[i] === 1 && unit[i]! < shiftUnit) shiftUnit = unit[i]!;
    if (shiftUnit === Infinity) shiftUnit = 0;
    let shiftOther = 0;
    let otherFull = true;
    for (let j = 0; j < m; j++) if (state.colLoad[j]! < otherCapacity[j]!) otherFull = false;
    if (otherFull) for (let j = 0; j < m; j++) if (other[j]! < shiftOther) shiftOther = other[j]!;
    for (let i = 0; i < n; i++) if (active[i] === 1) unit[i] = unit[i]! - shiftUnit;
    if (shiftOther !== 0) for (let j = 0; j < m; j++) other[j] = other[j]! - shiftOther;
    cardinality = shiftUnit + shiftOther;
  }
  if (mode !== 'perfect') {
    // Signs of these modes: clear the rounding noise (-1e-15) left by the shifts. Raising a dual
    // keeps it feasible; a real error would still show in the duality gap.
    for (let i = 0; i < row.length; i++) if (row[i]! < 0) row[i] = 0;
    for (let j = 0; j < col.length; j++) if (col[j]! < 0) col[j] = 0;
  }
  if (hasZero(p.rowCapacity) || hasZero(p.colCapacity)) {
    const duals = { row, col, cardinality };
    completeZeroCapacity(maxFormGraph(p), duals);
  }
  return solvedSparse ? { feasible: true, pairs, row, col, cardinality, warm: { rowCol: state.rowCol.slice(), v: state.v.slice(), dummyCapacity } } : { feasible: true, pairs, row, col, cardinality };
}

/**
 * The allowed pairs as a graph with weights to maximise (`w' = -cost`); with `usableOnly`, without
 * the pairs of a row or column of capacity 0 (they can never be chosen, and their weights, however
 * large, must not set the scale of the solve).
 */
function maxFormGraph(p: CheckedProblem, usableOnly = false): BipartiteGraph {
  let csr: CostCsr = p.sparse ?? denseToCsr(p.rows, p.cols, p.dense!, p.sign);
  if (usableOnly && (hasZero(p.rowCapacity) || hasZero(p.colCapacity))) csr = usablePairs(csr, p.rowCapacity, p.colCapacity);
  const edgeWeight = new Float64Array(csr.edgeCost.length);
  for (let e = 0; e < edgeWeight.length; e++) edgeWeight[e] = csr.edgeCost[e] === 0 ? 0 : -csr.edgeCost[e]!;
  return {
    rows: p.rows,
    cols: p.cols,
    rowStart: csr.rowStart,
    edgeCol: csr.edgeCol,
    edgeWeight,
    rowCapacity: p.rowCapacity,
    colCapacity: p.colCapacity,
  };
}

/** The pairs of a CSR whose row and column both have room. */
function usablePairs(csr: CostCsr, rowCapacity: Int32Array, colCapacity: Int32Array): CostCsr {
  const { rows, rowStart, edgeCol, edgeCost } = csr;
  const start = new Int32Array(rows + 1);
  const cols: number[] = [];
  const costs: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (rowCapacity[r]! > 0) {
      for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
        if (colCapacity[edgeCol[e]!]! === 0) continue;
        cols.push(edgeCol[e]!);
        costs.push(edgeCost[e]!);
      }
    }
    start[r + 1] = cols.length;
  }
  return { rows, cols: csr.cols, rowStart: start, edgeCol: Int32Array.from(cols), edgeCost: Float64Array.from(costs) };
}

/**
 * Min-cost-flow b-matching: `maxWeight`, `maxCardinality`, and `perfect` as the largest
 * assignment checked against the smaller total capacity.
 */
function solveByFlow(p: CheckedProblem, mode: AssignmentMode): RawSolution {
  const graph = maxFormGraph(p, true);
  const objective = mode === 'maxWeight' ? 'maxWeight' : 'maxCardinality';
  let matching: { edgeUsed: Uint8Array; pairCount: number };
  let duals: MaxFormDuals;
  const split = solveByComponents(graph, objective);
  if (split !== null) {
    matching = split;
    duals = split.duals;
  } else {
    const whole = solveBMatchingWithPotentials(graph, objective);
    matching = whole.matching;
    duals = flowDuals(graph, whole.matching.edgeUsed, whole.pi, objective);
  }
  const { row, col } = duals;
  let { cardinality } = duals;

  const pairs = new Int32Array(2 * matching.pairCount);
  let k = 0;
  const { rowStart, edgeCol } = graph;
  for (let r = 0; r < p.rows; r++) {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      if (matching.edgeUsed[e] !== 1) continue;
      pairs[k++] = r;
      pairs[k++] = edgeCol[e]!;
    }
  }

  const rowTotal = total(p.rowCapacity);
  const colTotal = total(p.colCapacity);
  let feasible = true;
  if (mode === 'perfect') {
    feasible = matching.pairCount === Math.min(rowTotal, colTotal);
    if (feasible) {
      // The saturated side's duals have any sign: it absorbs the shift.
      const side = rowTotal <= colTotal ? row : col;
      for (let x = 0; x < side.length; x++) side[x] = side[x]! + cardinality;
      cardinality = 0;
    }
  }
  if (hasZero(p.rowCapacity) || hasZero(p.colCapacity)) completeZeroCapacity(maxFormGraph(p), { row, col, cardinality });
  return { feasible, pairs, row, col, cardinality };
}

/** What {@link solveGraph} returns: the matching, its duals and network potentials. */
export interface GraphSolution {
  /** The optimal matching of the graph. */
  readonly matching: BMatching;
  /** Duals in maximisation form (see {@link AssignmentDuals}, `maxWeight`/`maxCardinality` signs). */
  readonly duals: AssignmentDuals;
  /** The same certificate as node potentials, for {@link createForcingOracle}. */
  readonly potentials: Float64Array;
  /** The graph as a checked problem (maximisation), for {@link verifyChecked}. */
  readonly problem: CheckedProblem;
}

/**
 * Solves a b-matching graph with the fastest exact method for its shape (as
 * {@link solveAssignment} does), for the engine.
 *
 * @internal
 * @param graph - Eligible pairs with weights to maximise, and capacities.
 * @param objective - `maxWeight` or `maxCardinality`.
 */
export function solveGraph(graph: BipartiteGraph, objective: MatchingObjective): GraphSolution {
  const edgeCost = new Float64Array(graph.edgeWeight.length);
  for (let e = 0; e < edgeCost.length; e++) edgeCost[e] = graph.edgeWeight[e] === 0 ? 0 : -graph.edgeWeight[e]!;
  const { rows, cols, rowStart, edgeCol } = graph;
  const p: CheckedProblem = {
    rows,
    cols,
    rowCapacity: graph.rowCapacity,
    colCapacity: graph.colCapacity,
    dense: null,
    sparse: { rows, cols, rowStart, edgeCol, edgeCost },
    sign: -1,
  };
  const raw = solveExact(p, objective);
  if (raw === null) {
    // Capacities above 1 on both sides: the flow solver, whose potentials serve as they are.
    const { matching, pi } = solveBMatchingWithPotentials(graph, objective);
    const duals = flowDuals(graph, matching.edgeUsed, pi, objective);
    return { matching, duals, potentials: pi, problem: p };
  }
  // Pairs (ascending by row, then column) back to edge flags: a merge with the CSR rows.
  const edgeUsed = new Uint8Array(edgeCol.length);
  const rowLoad = new Int32Array(rows);
  const colLoad = new Int32Array(cols);
  let weight = 0;
  const { pairs } = raw;
  for (let k = 0, e = 0; k < pairs.length; k += 2) {
    const r = pairs[k]!;
    const c = pairs[k + 1]!;
    if (e < rowStart[r]!) e = rowStart[r]!;
    while (edgeCol[e] !== c) e++;
    edgeUsed[e] = 1;
    rowLoad[r]!++;
    colLoad[c]!++;
    weight += graph.edgeWeight[e]!;
  }
  const matching: BMatching = { edgeUsed, pairCount: pairs.length / 2, weight, rowLoad, colLoad };
  // Potentials: source 0, sink -cardinality, row r U[r], column c -cardinality - V[c]. Chosen pairs
  // are tight (one side has unit capacities), so every residual arc has reduced cost >= 0.
  const potentials = new Float64Array(rows + cols + 2);
  for (let r = 0; r < rows; r++) potentials[r] = raw.row[r]!;
  for (let c = 0; c < cols; c++) potentials[rows + c] = -raw.cardinality - raw.col[c]!;
  potentials[rows + cols] = -raw.cardinality;
  potentials[rows + cols + 1] = 0;
  return { matching, duals: { row: raw.row, col: raw.col, cardinality: raw.cardinality }, potentials, problem: p };
}
