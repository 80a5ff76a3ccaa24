/**
 * Independent check of a solution of {@link solveAssignment}: the pairs, their count, and the
 * dual certificate. Uses only the problem and the solution, none of the solver's state.
 *
 * The certificate is read through linear-programming duality. In maximisation form, for any duals
 * with the signs of the mode, `sum(rowCapacity * row) + sum(colCapacity * col) + pairs *
 * cardinality + sum over allowed pairs of max(0, w - row - col - cardinality)` bounds the total of
 * every solution with that many pairs (the last sum is the dual of each pair's bound of one unit).
 * The pairs are optimal when their total reaches that bound. Maximum cardinality is checked
 * directly: no augmenting path may exist.
 *
 * @module
 */
import { checkProblem, type CheckedProblem } from './assignment-input';
import type { AssignmentProblem, AssignmentSolution, AssignmentVerdict } from './assignment-types';

/** Relative tolerance per pair: violations up to this times the largest magnitude are rounding. */
const RELATIVE_TOLERANCE = 1e-9;

/** Failures listed at most. */
const MAX_FAILURES = 10;

/** Allowed pairs of row i with their maximisation-form weights, for dense and sparse problems alike. */
function forEachPair(p: CheckedProblem, visit: (i: number, j: number, w: number) => void): void {
  const { rows, cols, sign } = p;
  if (p.dense !== null) {
    const weights = p.dense;
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        const c = sign * weights[base + j]!;
        if (c < Infinity) visit(i, j, -c);
      }
    }
    return;
  }
  const { rowStart, edgeCol, edgeCost } = p.sparse!;
  for (let i = 0; i < rows; i++) {
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) visit(i, edgeCol[e]!, -edgeCost[e]!);
  }
}

/** Maximisation-form weight of pair (i, j), or NaN when the pair is not allowed. */
function weightOf(p: CheckedProblem, i: number, j: number): number {
  if (p.dense !== null) {
    const c = p.sign * p.dense[i * p.cols + j]!;
    return c < Infinity ? -c : NaN;
  }
  const { rowStart, edgeCol, edgeCost } = p.sparse!;
  let lo = rowStart[i]!;
  let hi = rowStart[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (edgeCol[mid] === j) return -edgeCost[mid]!;
    if (edgeCol[mid]! < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return NaN;
}

/**
 * Checks that a solution is what its status says: for `optimal`, valid pairs of the mode's kind
 * with a total that meets the dual bound of `duals`; for `infeasible` (mode `perfect`), a largest
 * set of pairs that is still short of a perfect assignment.
 *
 * Tolerance: `1e-9` times the largest magnitude among the weights and duals, times the number of
 * pairs (at least 1). Pairs of a row or column of capacity 0 can never be chosen: they are left out
 * of the bound and of that magnitude (raising their row's or column's dual would cover them at no
 * cost). A non-finite dual is never accepted.
 *
 * @param problem - The problem that was solved.
 * @param solution - A solution of it, as {@link solveAssignment} returns (its `mode` and `maximize`
 *   say what was asked).
 * @returns The verdict, with the largest violation and the first failures.
 * @throws ValidationError when the problem itself is malformed.
 */
export function verifyAssignment(problem: AssignmentProblem, solution: AssignmentSolution): AssignmentVerdict {
  return verifyChecked(checkProblem(problem, solution.maximize), solution);
}

/**
 * {@link verifyAssignment} on a problem already checked (its `sign` must match
 * `solution.maximize`).
 *
 * @internal
 */
export function verifyChecked(p: CheckedProblem, solution: AssignmentSolution): AssignmentVerdict {
  const failures: string[] = [];
  const fail = (message: string): void => {
    if (failures.length < MAX_FAILURES) failures.push(message);
  };
  const invalid = (message: string): AssignmentVerdict => ({ optimal: false, certified: false, maxViolation: Infinity, tolerance: 0, failures: [message] });
  const { rows, cols, rowCapacity, colCapacity } = p;
  const { pairs, duals, status, mode } = solution;
  if (!(pairs instanceof Int32Array) || pairs.length % 2 !== 0) return invalid('pairs must be an Int32Array of even length');
  if (!(duals.row instanceof Float64Array) || duals.row.length !== rows) return invalid(`duals.row must be a Float64Array of length ${rows}`);
  if (!(duals.col instanceof Float64Array) || duals.col.length !== cols) return invalid(`duals.col must be a Float64Array of length ${cols}`);
  if (status !== 'optimal' && status !== 'infeasible') return invalid(`unknown status ${String(status)}`);
  if (status === 'infeasible' && mode !== 'perfect') return invalid(`status infeasible is only possible in mode perfect, got ${mode}`);

  // The pairs: in range, allowed, distinct, within capacities; their total.
  const k = pairs.length / 2;
  const rowLoad = new Int32Array(rows);
  const colLoad = new Int32Array(cols);
  const seen = new Set<string>();
  let primal = 0;
  for (let t = 0; t < k; t++) {
    const i = pairs[2 * t]!;
    const j = pairs[2 * t + 1]!;
    if (i < 0 || i >= rows || j < 0 || j >= cols) return invalid(`pairs[${t}] = (${i}, ${j}) is out of range`);
    const w = weightOf(p, i, j);
    if (Number.isNaN(w)) return invalid(`pairs[${t}] = (${i}, ${j}) is not an allowed pair`);
    const key = `${i},${j}`;
    if (seen.has(key)) return invalid(`pairs[${t}] = (${i}, ${j}) is chosen twice`);
    seen.add(key);
    rowLoad[i]!++;
    colLoad[j]!++;
    primal += w;
  }
  for (let i = 0; i < rows; i++) if (rowLoad[i]! > rowCapacity[i]!) return invalid(`row ${i} takes ${rowLoad[i]} pairs, over its capacity ${rowCapacity[i]}`);
  for (let j = 0; j < cols; j++) if (colLoad[j]! > colCapacity[j]!) return invalid(`column ${j} takes ${colLoad[j]} pairs, over its capacity ${colCapacity[j]}`);

  // Duals in maximisation form.
  const s = solution.maximize ? 1 : -1;
  const u = (i: number): number => s * duals.row[i]!;
  const v = (j: number): number => s * duals.col[j]!;
  const lambda = s * duals.cardinality;

  // A non-finite dual proves nothing (and would make any tolerance infinite).
  for (let i = 0; i < rows; i++) if (!Number.isFinite(duals.row[i]!)) return invalid(`duals.row[${i}] is not finite`);
  for (let j = 0; j < cols; j++) if (!Number.isFinite(duals.col[j]!)) return invalid(`duals.col[${j}] is not finite`);
  if (!Number.isFinite(duals.cardinality)) return invalid('duals.cardinality is not finite');

  // A pair whose row or column has capacity 0 can never be chosen: raising that row's (column's)
  // dual covers it at no cost (its capacity is 0), so it is left out of the bound and of the scale.
  const usable = (i: number, j: number) => rowCapacity[i]! > 0 && colCapacity[j]! > 0;
  let scale = 0;
  forEachPair(p, (i, j, w) => {
    if (usable(i, j) && Math.abs(w) > scale) scale = Math.abs(w);
  });
  for (let i = 0; i < rows; i++) if (rowCapacity[i]! > 0) scale = Math.max(scale, Math.abs(duals.row[i]!));
  for (let j = 0; j < cols; j++) if (colCapacity[j]! > 0) scale = Math.max(scale, Math.abs(duals.col[j]!));
  scale = Math.max(scale, Math.abs(lambda));
  const tolerance = RELATIVE_TOLERANCE * scale * Math.max(1, k);
  let maxViolation = 0;
  const violate = (amount: number, message: string): void => {
    if (!(amount <= maxViolation)) maxViolation = Number.isNaN(amount) ? Infinity : amount;
    if (!(amount <= tolerance)) fail(message);
  };

  // The total the solution reports.
  const reported = s * solution.objective;
  violate(Math.abs(reported - primal), `objective ${solution.objective} differs from the total of the pairs ${s * primal}`);

  // The number of pairs.
  let rowTotal = 0;
  let colTotal = 0;
  for (let i = 0; i < rows; i++) rowTotal += rowCapacity[i]!;
  for (let j = 0; j < cols; j++) colTotal += colCapacity[j]!;
  const perfectCount = Math.min(rowTotal, colTotal);
  const dualMode = status === 'infeasible' ? 'maxCardinality' : mode;
  let countOk = true;
  if (mode === 'perfect' && status === 'optimal' && k !== perfectCount) {
    fail(`a perfect assignment has ${perfectCount} pairs, got ${k}`);
    countOk = false;
  }
  if (dualMode === 'maxCardinality') {
    const path = findAugmentingPath(p, pairs, rowLoad, colLoad);
    if (path !== null) {
      fail(`not a largest set of pairs: row ${path[0]} can reach free column ${path[1]} by an augmenting path`);
      countOk = false;
    }
    if (status === 'infeasible' && k >= perfectCount) {
      fail(`status infeasible, but ${k} pairs form a perfect assignment`);
      countOk = false;
    }
  }

  // Signs of the duals.
  const rowsFree = dualMode === 'perfect' && rowTotal <= colTotal;
  const colsFree = dualMode === 'perfect' && colTotal <= rowTotal;
  for (let i = 0; i < rows; i++) {
    if (!Number.isFinite(u(i))) violate(Infinity, `duals.row[${i}] is not finite`);
    else if (!rowsFree) violate(-u(i), `duals.row[${i}] = ${duals.row[i]} has the wrong sign`);
  }
  for (let j = 0; j < cols; j++) {
    if (!Number.isFinite(v(j))) violate(Infinity, `duals.col[${j}] is not finite`);
    else if (!colsFree) violate(-v(j), `duals.col[${j}] = ${duals.col[j]} has the wrong sign`);
  }
  if (!Number.isFinite(lambda)) violate(Infinity, 'duals.cardinality is not finite');
  if (dualMode === 'maxWeight') violate(Math.abs(lambda), `duals.cardinality must be 0 in mode maxWeight, got ${duals.cardinality}`);

  // Dual bound against the total.
  let bound = k * lambda;
  for (let i = 0; i < rows; i++) bound += rowCapacity[i]! * u(i);
  for (let j = 0; j < cols; j++) bound += colCapacity[j]! * v(j);
  forEachPair(p, (i, j, w) => {
    if (!usable(i, j)) return;
    const excess = w - u(i) - v(j) - lambda;
    if (excess > 0) bound += excess;
  });
  violate(bound - primal, `dual bound ${s * bound} is not met by the total ${s * primal} (gap ${bound - primal})`);

  const certified = countOk && maxViolation <= tolerance;
  return { optimal: certified && status === 'optimal', certified, maxViolation, tolerance, failures };
}

/**
 * Breadth-first search for an augmenting path: from a row with spare capacity, over unchosen
 * pairs to columns and chosen pairs back to rows, to a column with spare capacity.
 *
 * @returns `[row, column]` ends of a path, or null when the pairs are a largest set.
 */
function findAugmentingPath(p: CheckedProblem, pairs: Int32Array, rowLoad: Int32Array, colLoad: Int32Array): [number, number] | null {
  const { rows, cols, rowCapacity, colCapacity } = p;
  const k = pairs.length / 2;
  // Chosen pairs by row and by column.
  const byRowStart = new Int32Array(rows + 1);
  const byColStart = new Int32Array(cols + 1);
  for (let t = 0; t < k; t++) {
    byRowStart[pairs[2 * t]! + 1]!++;
    byColStart[pairs[2 * t + 1]! + 1]!++;
  }
  for (let i = 0; i < rows; i++) byRowStart[i + 1] = byRowStart[i + 1]! + byRowStart[i]!;
  for (let j = 0; j < cols; j++) byColStart[j + 1] = byColStart[j + 1]! + byColStart[j]!;
  const byRow = new Int32Array(k);
  const byCol = new Int32Array(k);
  const rowFill = byRowStart.slice(0, rows);
  const colFill = byColStart.slice(0, cols);
  for (let t = 0; t < k; t++) {
    byRow[rowFill[pairs[2 * t]!]!++] = pairs[2 * t + 1]!;
    byCol[colFill[pairs[2 * t + 1]!]!++] = pairs[2 * t]!;
  }
  const chosen = (i: number, j: number): boolean => {
    for (let a = byRowStart[i]!, end = byRowStart[i + 1]!; a < end; a++) if (byRow[a] === j) return true;
    return false;
  };

  const rowSeen = new Uint8Array(rows);
  const colSeen = new Uint8Array(cols);
  const rowOrigin = new Int32Array(rows);
  const queue: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (rowLoad[i]! < rowCapacity[i]!) {
      rowSeen[i] = 1;
      rowOrigin[i] = i;
      queue.push(i);
    }
  }
  const { sign } = p;
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    const visit = (j: number): [number, number] | null => {
      if (colSeen[j] === 1 || colCapacity[j] === 0 || chosen(i, j)) return null;
      colSeen[j] = 1;
      if (colLoad[j]! < colCapacity[j]!) return [rowOrigin[i]!, j];
      for (let a = byColStart[j]!, end = byColStart[j + 1]!; a < end; a++) {
        const r = byCol[a]!;
        if (rowSeen[r] === 0) {
          rowSeen[r] = 1;
          rowOrigin[r] = rowOrigin[i]!;
          queue.push(r);
        }
      }
      return null;
    };
    if (p.dense !== null) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        if (!(sign * p.dense[base + j]! < Infinity)) continue;
        const found = visit(j);
        if (found !== null) return found;
      }
    } else {
      const { rowStart, edgeCol } = p.sparse!;
      for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
        const found = visit(edgeCol[e]!);
        if (found !== null) return found;
      }
    }
  }
  return null;
}
