/**
 * Checks an assignment problem and brings it into the solvers' working forms: capacities as
 * `Int32Array`, and for sparse problems a CSR copy sorted by row then column, with forbidden pairs
 * left out and costs in minimisation form.
 *
 * @module
 */
import { throwIfAny, type Issue } from '../errors';
import type { AssignmentProblem, Capacities, DenseAssignmentProblem, SparseAssignmentProblem } from './assignment-types';

/** Issues beyond this many are not listed (the first ones tell what is wrong). */
const MAX_ISSUES = 20;

/** Largest capacity accepted: capacities are stored as 32-bit integers. */
const MAX_CAPACITY = 0x7fffffff;

/** Allowed pairs by row, in minimisation form (`cost = sign * weight`). */
export interface CostCsr {
  readonly rows: number;
  readonly cols: number;
  /** Pairs of row r are `rowStart[r] .. rowStart[r+1]-1`. */
  readonly rowStart: Int32Array;
  /** Column of each pair, strictly ascending within a row. */
  readonly edgeCol: Int32Array;
  /** Finite cost of each pair. */
  readonly edgeCost: Float64Array;
}

/** A problem after checking: both capacity vectors filled in. */
export interface CheckedProblem {
  readonly rows: number;
  readonly cols: number;
  readonly rowCapacity: Int32Array;
  readonly colCapacity: Int32Array;
  /** Row-major weights of a dense problem, or null. */
  readonly dense: Float64Array | null;
  /** The allowed pairs of a sparse problem (cost = sign * weight), or null. */
  readonly sparse: CostCsr | null;
  /** -1 when maximising (costs are negated weights), 1 when minimising. */
  readonly sign: 1 | -1;
}

/** Collects at most {@link MAX_ISSUES} issues under the root path `problem`. */
class IssueList {
  readonly items: Issue[] = [];
  add(path: readonly (string | number)[], message: string, received?: unknown): void {
    if (this.items.length < MAX_ISSUES) this.items.push({ path: ['problem', ...path], message, received });
  }
}

/** Whether a problem is sparse (has `edges`). */
export function isSparse(problem: AssignmentProblem): problem is SparseAssignmentProblem {
  return (problem as Partial<SparseAssignmentProblem>).edges !== undefined;
}

function checkSize(issues: IssueList, name: 'rows' | 'cols', value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_CAPACITY) {
    issues.add([name], `must be an integer 0..${MAX_CAPACITY}`, value);
  }
}

function readCapacities(issues: IssueList, name: 'rowCapacity' | 'colCapacity', given: Capacities | undefined, count: number): Int32Array {
  if (given === undefined) return new Int32Array(count).fill(1);
  if (given.length !== count) {
    issues.add([name, 'length'], `must be ${count}`, given.length);
    return new Int32Array(count);
  }
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = given[i]!;
    if (!Number.isInteger(c) || c < 0 || c > MAX_CAPACITY) issues.add([name, i], `must be an integer 0..${MAX_CAPACITY}`, c);
    else out[i] = c;
  }
  return out;
}

/** Whether a weight is infinitely good for the sense (`sign * w === -Infinity`): an input error. */
function infinitelyGood(w: number, sign: number): boolean {
  return sign * w === -Infinity;
}

function checkDense(issues: IssueList, problem: DenseAssignmentProblem, sign: number): void {
  const { weights, rows, cols } = problem;
  if (!(weights instanceof Float64Array)) {
    issues.add(['weights'], 'must be a Float64Array', typeof weights);
    return;
  }
  if (weights.length !== rows * cols) {
    issues.add(['weights', 'length'], `must be rows * cols = ${rows * cols}`, weights.length);
    return;
  }
  const bad = sign < 0 ? Infinity : -Infinity;
  for (let k = 0; k < weights.length; k++) {
    if (weights[k] === bad) issues.add(['weights', k], `must not be ${bad} when ${sign < 0 ? 'maximising' : 'minimising'} (row ${Math.floor(k / cols)}, column ${k % cols})`, bad);
  }
}

/** Sorts the edges by row then column into a CSR copy; reports duplicates and bad entries. */
function sparseToCsr(issues: IssueList, problem: SparseAssignmentProblem, sign: number): CostCsr | null {
  const { rows, cols, edges } = problem;
  const { row, col, weight } = edges;
  if (!(row instanceof Int32Array)) issues.add(['edges', 'row'], 'must be an Int32Array', typeof row);
  if (!(col instanceof Int32Array)) issues.add(['edges', 'col'], 'must be an Int32Array', typeof col);
  if (!(weight instanceof Float64Array)) issues.add(['edges', 'weight'], 'must be a Float64Array', typeof weight);
  if (issues.items.length > 0) return null;
  const count = row.length;
  if (col.length !== count) issues.add(['edges', 'col', 'length'], `must equal edges.row.length = ${count}`, col.length);
  if (weight.length !== count) issues.add(['edges', 'weight', 'length'], `must equal edges.row.length = ${count}`, weight.length);
  if (issues.items.length > 0) return null;

  // Count the allowed pairs per row; report bad entries.
  const rowStart = new Int32Array(rows + 1);
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const r = row[k]!;
    const c = col[k]!;
    const w = weight[k]!;
    let ok = true;
    if (r < 0 || r >= rows) {
      issues.add(['edges', 'row', k], `must be a row in 0..${rows - 1}`, r);
      ok = false;
    }
    if (c < 0 || c >= cols) {
      issues.add(['edges', 'col', k], `must be a column in 0..${cols - 1}`, c);
      ok = false;
    }
    if (Number.isNaN(w)) {
      issues.add(['edges', 'weight', k], 'must be a number, got NaN (leave a forbidden pair out of a sparse problem)', w);
      ok = false;
    } else if (infinitelyGood(w, sign)) {
      issues.add(['edges', 'weight', k], `must not be ${w} when ${sign < 0 ? 'maximising' : 'minimising'}`, w);
      ok = false;
    }
    if (ok && Number.isFinite(w)) {
      rowStart[r + 1]!++;
      kept++;
    }
  }
  if (issues.items.length > 0) return null;
  for (let r = 0; r < rows; r++) rowStart[r + 1] = rowStart[r + 1]! + rowStart[r]!;

  // Bucket by row (stable), then sort each row by column.
  const fill = rowStart.slice(0, rows);
  const order = new Int32Array(kept);
  for (let k = 0; k < count; k++) {
    if (Number.isFinite(weight[k]!)) order[fill[row[k]!]!++] = k;
  }
  const edgeCol = new Int32Array(kept);
  const edgeCost = new Float64Array(kept);
  for (let r = 0; r < rows; r++) {
    const start = rowStart[r]!;
    const end = rowStart[r + 1]!;
    // Insertion sort of the row's edge ids by column (rows are short); stable, so among
    // duplicates the first listed comes first.
    for (let a = start + 1; a < end; a++) {
      const k = order[a]!;
      const c = col[k]!;
      let b = a - 1;
      while (b >= start && col[order[b]!]! > c) {
        order[b + 1] = order[b]!;
        b--;
      }
      order[b + 1] = k;
    }
    for (let a = start; a < end; a++) {
      const k = order[a]!;
      if (a > start && col[order[a - 1]!] === col[k]) {
        issues.add(['edges', k], `duplicates edges[${order[a - 1]}]: pair (${row[k]}, ${col[k]}) listed twice`, undefined);
      }
      edgeCol[a] = col[k]!;
      edgeCost[a] = sign * weight[k]!;
    }
  }
  if (issues.items.length > 0) return null;
  return { rows, cols, rowStart, edgeCol, edgeCost };
}

/**
 * Checks a problem and fills in its defaults.
 *
 * @throws ValidationError naming each bad field (`problem.edges.col[12]: must be a column in 0..9, got 10`).
 */
export function checkProblem(problem: AssignmentProblem, maximize: boolean): CheckedProblem {
  const issues = new IssueList();
  if (typeof problem !== 'object' || problem === null) {
    issues.add([], 'must be an object with rows, cols and weights or edges', problem);
    throwIfAny(issues.items);
  }
  checkSize(issues, 'rows', problem.rows);
  checkSize(issues, 'cols', problem.cols);
  throwIfAny(issues.items);
  const { rows, cols } = problem;
  const sign = maximize ? -1 : 1;
  const rowCapacity = readCapacities(issues, 'rowCapacity', problem.rowCapacity, rows);
  const colCapacity = readCapacities(issues, 'colCapacity', problem.colCapacity, cols);
  let dense: Float64Array | null = null;
  let sparse: CostCsr | null = null;
  if (isSparse(problem)) sparse = sparseToCsr(issues, problem, sign);
  else if ((problem as Partial<DenseAssignmentProblem>).weights === undefined) issues.add([], 'must have weights (dense) or edges (sparse)', undefined);
  else {
    checkDense(issues, problem, sign);
    dense = problem.weights;
  }
  throwIfAny(issues.items);
  return { rows, cols, rowCapacity, colCapacity, dense, sparse, sign };
}

/** CSR of a dense problem's allowed pairs (finite weights), in minimisation form. */
export function denseToCsr(rows: number, cols: number, weights: Float64Array, sign: number): CostCsr {
  const rowStart = new Int32Array(rows + 1);
  let count = 0;
  for (let k = 0; k < weights.length; k++) if (Number.isFinite(weights[k]!)) count++;
  const edgeCol = new Int32Array(count);
  const edgeCost = new Float64Array(count);
  let e = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const w = weights[base + c]!;
      if (!Number.isFinite(w)) continue;
      edgeCol[e] = c;
      edgeCost[e++] = sign * w;
    }
    rowStart[r + 1] = e;
  }
  return { rows, cols, rowStart, edgeCol, edgeCost };
}

/** The transpose of a CSR (columns become rows), still sorted. */
export function transposeCsr(csr: CostCsr): CostCsr {
  const { rows, cols, rowStart, edgeCol, edgeCost } = csr;
  const start = new Int32Array(cols + 1);
  for (let e = 0; e < edgeCol.length; e++) start[edgeCol[e]! + 1]!++;
  for (let c = 0; c < cols; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const fill = start.slice(0, cols);
  const tCol = new Int32Array(edgeCol.length);
  const tCost = new Float64Array(edgeCol.length);
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const at = fill[edgeCol[e]!]!++;
      tCol[at] = r;
      tCost[at] = edgeCost[e]!;
    }
  }
  return { rows: cols, cols: rows, rowStart: start, edgeCol: tCol, edgeCost: tCost };
}

/** The transpose of a CSR's adjacency only (no costs): cheaper when only the structure is needed. */
export function transposeAdjacency(csr: { rows: number; cols: number; rowStart: Int32Array; edgeCol: Int32Array }): { rows: number; cols: number; rowStart: Int32Array; edgeCol: Int32Array } {
  const { rows, cols, rowStart, edgeCol } = csr;
  const start = new Int32Array(cols + 1);
  for (let e = 0; e < edgeCol.length; e++) start[edgeCol[e]! + 1]!++;
  for (let c = 0; c < cols; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const fill = start.slice(0, cols);
  const tCol = new Int32Array(edgeCol.length);
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) tCol[fill[edgeCol[e]!]!++] = r;
  }
  return { rows: cols, cols: rows, rowStart: start, edgeCol: tCol };
}

/** Row-major transpose of a dense matrix. */
export function transposeDense(rows: number, cols: number, weights: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  // Blocked, so that both matrices are read and written in cache-sized tiles.
  const B = 32;
  for (let r0 = 0; r0 < rows; r0 += B) {
    const r1 = Math.min(rows, r0 + B);
    for (let c0 = 0; c0 < cols; c0 += B) {
      const c1 = Math.min(cols, c0 + B);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) out[c * rows + r] = weights[r * cols + c]!;
      }
    }
  }
  return out;
}
