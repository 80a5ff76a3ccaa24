/**
 * Jonker-Volgenant on a full matrix: every active row (capacity 1) is assigned to a column, each
 * column j taking at most `colCapacity[j]` rows, at least total cost. Shortest augmenting paths
 * with dense scans over the columns not yet reached, as in scipy's `linear_sum_assignment`; a
 * problem with unit capacities starts with augmenting row reduction (after a column reduction with
 * reduction transfer when it is square; Jonker and Volgenant, 1987), any other from a row reduction.
 * Columns only ever gain rows, and a column's dual moves only once it holds one, so `v[j] = 0`
 * stays true of every column with room, as a rectangular problem's certificate needs.
 *
 * The matrix is read in place: `cost(i, j) = sign * weights[i * cols + j]`; NaN and `+Infinity`
 * costs are forbidden pairs (a NaN never passes a `<` test, an infinite one never improves a
 * distance). Memory: O(rows + cols) beyond the matrix.
 *
 * @module
 */
import { JvState } from './jv-state';

/** Rounds of augmenting row reduction (the original code uses two). */
const ROW_REDUCTION_ROUNDS = 2;

/**
 * Solves a dense problem whose rows have capacity 0 or 1.
 *
 * @param rows - Number of rows.
 * @param weights - Row-major `rows * cols` weights.
 * @param sign - 1 to minimise the weights, -1 to maximise them.
 * @param rowActive - 1 for each row to assign, 0 for a row of capacity 0.
 * @param colCapacity - Capacity of each column; at least as many slots as active rows in total.
 * @returns The state with every active row assigned, or null when that is impossible.
 */
export function solveDenseJv(
  rows: number,
  weights: Float64Array,
  sign: number,
  rowActive: Uint8Array,
  colCapacity: Int32Array,
): JvState | null {
  const cols = colCapacity.length;
  const state = new JvState(rows, colCapacity);
  let allActive = true;
  for (let i = 0; i < rows; i++) if (rowActive[i] !== 1) allActive = false;
  let unitCols = true;
  for (let j = 0; j < cols; j++) if (colCapacity[j] !== 1) unitCols = false;
  const freeRows: number[] = [];
  if (unitCols && allActive) {
    // Square: start from a column reduction. Wider: from v = 0 with every row free (the row
    // reduction below would only redo the first round of the augmenting row reduction).
    if (rows === cols) {
      if (!columnReduction(state, weights, sign, freeRows)) return null;
    } else for (let i = 0; i < rows; i++) freeRows.push(i);
    augmentingRowReduction(state, weights, sign, freeRows);
  } else if (!rowReduction(state, weights, sign, rowActive, freeRows)) return null;
  for (const root of freeRows) if (!augment(state, weights, sign, root)) return null;
  return state;
}

/**
 * Column reduction and reduction transfer (square, unit capacities): `v[j]` = smallest cost of
 * column j, each column given to its cheapest row when that row is still free; then each row that
 * got exactly one column passes its slack to that column. Fills `freeRows`.
 */
function columnReduction(state: JvState, weights: Float64Array, sign: number, freeRows: number[]): boolean {
  const { rows: n, u, v } = state;
  const best = new Int32Array(n).fill(-1);
  v.fill(Infinity);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const c = sign * weights[base + j]!;
      if (c < v[j]!) {
        v[j] = c;
        best[j] = i;
      }
    }
  }
  const taken = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    const i = best[j]!;
    if (i < 0) return false; // a column with no allowed pair: no perfect assignment
    if (taken[i]!++ === 0) state.assign(i, j);
  }
  for (let i = 0; i < n; i++) {
    if (taken[i] === 0) {
      freeRows.push(i);
      continue;
    }
    const j1 = state.rowCol[i]!;
    if (taken[i] === 1) {
      const base = i * n;
      let mu = Infinity;
      for (let j = 0; j < n; j++) {
        if (j === j1) continue;
        const r = sign * weights[base + j]! - v[j]!;
        if (r < mu) mu = r;
      }
      if (mu < Infinity) v[j1] = v[j1]! - mu;
    }
    u[i] = sign * weights[i * n + j1]! - v[j1]!;
  }
  return true;
}

/**
 * Augmenting row reduction (unit capacities, at least as many columns as rows): each free row takes the column of its
 * smallest reduced cost, lowering that column's dual to the row's second smallest so the row's
 * slack drops; the row it displaces becomes free and is treated in turn. Cheap, and it assigns
 * most rows before the shortest-path phase. Keeps every reduced cost >= 0.
 */
function augmentingRowReduction(state: JvState, weights: Float64Array, sign: number, freeRows: number[]): void {
  const { cols, u, v, colLoad, slotRow, slotStart } = state;
  for (let round = 0; round < ROW_REDUCTION_ROUNDS && freeRows.length > 0; round++) {
    const pending = freeRows.splice(0, freeRows.length);
    let k = 0;
    // Each displaced row is retried at most `n` times in total per round, to bound the work.
    let budget = pending.length * 2 + cols;
    while (k < pending.length) {
      const i = pending[k++]!;
      const base = i * cols;
      let u1 = Infinity;
      let u2 = Infinity;
      let j1 = -1;
      let j2 = -1;
      for (let j = 0; j < cols; j++) {
        const h = sign * weights[base + j]! - v[j]!;
        if (h < u2) {
          if (h < u1) {
            u2 = u1;
            j2 = j1;
            u1 = h;
            j1 = j;
          } else {
            u2 = h;
            j2 = j;
          }
        }
      }
      if (j1 < 0) {
        freeRows.push(i);
        continue;
      }
      let owner = colLoad[j1]! > 0 ? slotRow[slotStart[j1]!]! : -1;
      let target = j1;
      const gap = u2 - u1; // Infinity when the row has a single allowed column
      if (gap > 0 && gap < Infinity) {
        // Lower v[j1] so that row i's reduced cost there equals its second best.
        v[j1] = v[j1]! - gap;
      } else if (owner >= 0 && j2 >= 0) {
        // Tie: take the second column instead, so the row it holds is not bounced back and forth.
        target = j2;
        owner = colLoad[j2]! > 0 ? slotRow[slotStart[j2]!]! : -1;
      }
      if (owner >= 0) state.unassign(owner);
      state.assign(i, target);
      u[i] = sign * weights[base + target]! - v[target]!;
      if (owner >= 0) {
        if (gap > 0 && gap < Infinity && budget-- > 0) pending[--k] = owner;
        else freeRows.push(owner);
      }
    }
  }
  // Rows displaced last keep no valid u until the search assigns them; the search sets it.
  for (const i of freeRows) u[i] = 0;
}

/**
 * Row reduction (any shape, any column capacities): `v = 0`, `u[i]` = smallest cost of row i, and
 * the row takes that column while it has room. Fills `freeRows`.
 */
function rowReduction(state: JvState, weights: Float64Array, sign: number, rowActive: Uint8Array, freeRows: number[]): boolean {
  const { rows, cols, u, colLoad, colCapacity } = state;
  for (let i = 0; i < rows; i++) {
    if (rowActive[i] !== 1) continue;
    const base = i * cols;
    let best = Infinity;
    let bestJ = -1;
    for (let j = 0; j < cols; j++) {
      const c = sign * weights[base + j]!;
      if (c < best && colCapacity[j] !== 0) {
        best = c;
        bestJ = j;
      }
    }
    if (bestJ < 0) return false; // a row with no allowed pair
    u[i] = best;
    if (colLoad[bestJ]! < colCapacity[bestJ]!) state.assign(i, bestJ);
    else freeRows.push(i);
  }
  return true;
}

/**
 * One shortest augmenting path from free row `root` (Dijkstra on reduced costs with dense scans),
 * then the dual update and the flip. Among equally short columns a free one ends the search.
 *
 * @returns false when no free column can be reached (no perfect assignment).
 */
function augment(state: JvState, weights: Float64Array, sign: number, root: number): boolean {
  const { cols, u, v, shortest, pred, scannedRows, scannedCols, colLoad, colCapacity, slotRow, slotStart, todo } = state;
  let todoCount = 0;
  for (let j = 0; j < cols; j++) if (colCapacity[j] !== 0) todo[todoCount++] = j;
  shortest.fill(Infinity);
  let rowCount = 0;
  let colCount = 0;
  let minVal = 0;
  let i = root;
  let batchStart = -1;
  let batchEnd = -1;
  for (;;) {
    // Scan row i: relax every column not yet reached and find the nearest one in the same pass.
    scannedRows[rowCount++] = i;
    const h = minVal - u[i]!;
    const base = i * cols;
    let lowest = Infinity;
    let bestK = -1;
    let bestFree = false;
    for (let k = 0; k < todoCount; k++) {
      const j = todo[k]!;
      const r = h + sign * weights[base + j]! - v[j]!;
      let s = shortest[j]!;
      if (r < s) {
        s = r;
        shortest[j] = r;
        pred[j] = i;
      }
      if (s <= lowest) {
        if (s < lowest || (!bestFree && colLoad[j]! < colCapacity[j]!)) {
          lowest = s;
          bestK = k;
          bestFree = colLoad[j]! < colCapacity[j]!;
        }
      }
    }
    // More rows of the same column (capacity > 1) sit at the same distance: scan them first.
    if (batchStart >= 0 && batchStart < batchEnd) {
      i = slotRow[batchStart++]!;
      continue;
    }
    if (lowest === Infinity) return false;
    minVal = lowest;
    const j = todo[bestK]!;
    todo[bestK] = todo[--todoCount]!;
    scannedCols[colCount++] = j;
    if (colLoad[j]! < colCapacity[j]!) {
      state.finishSearch(root, j, minVal, rowCount, colCount);
      return true;
    }
    batchStart = slotStart[j]!;
    batchEnd = batchStart + colLoad[j]!;
    i = slotRow[batchStart++]!;
  }
}
