/**
 * Jonker-Volgenant over the allowed pairs only (CSR): the same shortest augmenting paths as
 * {@link solveDenseJv}, with a binary heap of reached columns instead of dense scans, so a search
 * costs what it explores. A square unit problem starts from a column reduction with reduction
 * transfer, any other from v = 0; then augmenting row reduction, then one search per row left.
 *
 * An optional dummy column (index `cols`, cost 0 from every row, its own capacity) lets rows stay
 * out: with room for every row it turns a maximum-weight problem into a perfect one, and with room
 * for `rows - k` rows it makes the best of all assignments with exactly k real pairs.
 * Memory: O(rows + cols) beyond the CSR.
 *
 * @module
 */
import type { CostCsr } from './assignment-input';
import { IndexedMinHeap } from './heap';
import { JvState, type WarmStart } from './jv-state';

/** Rounds of augmenting row reduction. */
const ROW_REDUCTION_ROUNDS = 2;

/**
 * Solves a sparse problem whose rows have capacity 0 or 1.
 *
 * @param csr - Allowed pairs with their costs (minimisation form).
 * @param rowActive - 1 for each row to assign, 0 for a row of capacity 0.
 * @param colCapacity - Capacity of each column.
 * @param dummyCapacity - Capacity of the dummy column (0: no dummy column).
 * @param warm - The end of a solve of fewer of these pairs (same rows, columns and dummy), to
 *   start from: see {@link resumeWarm}. Without it, or when it does not pay, the solve is cold.
 * @returns The state with every active row assigned, or null when that is impossible. With a
 *   dummy column the state has `cols + 1` columns, the last being the dummy.
 */
export function solveSparseJv(csr: CostCsr, rowActive: Uint8Array, colCapacity: Int32Array, dummyCapacity = 0, warm?: WarmStart): JvState | null {
  const { rows, cols } = csr;
  const dummy = dummyCapacity > 0;
  let capacity = colCapacity;
  if (dummy) {
    capacity = new Int32Array(cols + 1);
    capacity.set(colCapacity);
    capacity[cols] = dummyCapacity;
  }
  if (warm !== undefined && warm.dummyCapacity === dummyCapacity) {
    const resumed = new JvState(rows, capacity);
    if (resumeWarm(resumed, csr, rowActive, warm, dummy)) return resumed;
  }
  const state = new JvState(rows, capacity);
  let allActive = true;
  for (let i = 0; i < rows; i++) if (rowActive[i] !== 1) allActive = false;
  let unitCols = true;
  for (let j = 0; j < cols; j++) if (colCapacity[j] !== 1) unitCols = false;
  const freeRows: number[] = [];
  if (!dummy && unitCols && allActive && rows === cols) {
    if (!columnReduction(state, csr, freeRows)) return null;
  } else for (let i = 0; i < rows; i++) if (rowActive[i] === 1) freeRows.push(i);
  if (!augmentingRowReduction(state, csr, dummy, freeRows)) return null;
  const search = new SparseSearch(state, csr, dummy);
  for (const root of freeRows) if (!search.augment(root)) return null;
  search.finish();
  return state;
}

/** A warm start that frees more rows than this share of them is dropped for a cold solve. */
const WARM_FREED_SHARE = 0.25;

/**
 * Resumes from a solve of fewer pairs (same rows and columns): its assignment and column duals
 * are optimal but for the new pairs, some of which may be cheaper than a row's own (negative
 * reduced cost). Those rows are freed and searched again; shortest augmenting paths keep the
 * duals feasible and the chosen pairs tight. Left to fix: columns that end with room but a dual
 * below 0 (they were full before), which {@link fillOrRaise} repairs one by one. The state is then
 * optimal, as after a cold start.
 *
 * @returns false when the warm start does not pay (too many rows to free) or fails; the caller
 *   then solves cold on a fresh state.
 */
function resumeWarm(state: JvState, csr: CostCsr, rowActive: Uint8Array, warm: WarmStart, dummy: boolean): boolean {
  const { rows, cols, rowStart, edgeCol, edgeCost } = csr;
  const { v, u, colLoad, colCapacity, rowCol } = state;
  if (warm.rowCol.length !== rows || warm.v.length !== v.length) return false;
  v.set(warm.v);
  for (let i = 0; i < rows; i++) {
    const j = warm.rowCol[i]!;
    if (rowActive[i] !== 1 || j < 0) continue;
    if (colLoad[j]! >= colCapacity[j]!) return false;
    state.assign(i, j);
  }
  const ownCost = (i: number, own: number): number => {
    if (own === cols) return 0;
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) if (edgeCol[e] === own) return edgeCost[e]!;
    return Number.NaN;
  };
  const freed: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (rowActive[i] !== 1) continue;
    const own = rowCol[i]!;
    if (own < 0) {
      freed.push(i);
      continue;
    }
    const c0 = ownCost(i, own);
    if (Number.isNaN(c0)) return false;
    const ui = c0 - v[own]!;
    let violated = dummy && -ui - v[cols]! < -1e-12 * Math.max(1, Math.abs(ui));
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end && !violated; e++) {
      const c = edgeCost[e]!;
      if (c - ui - v[edgeCol[e]!]! < -1e-12 * Math.max(1, Math.abs(c))) violated = true;
    }
    if (violated) {
      state.unassign(i);
      freed.push(i);
    } else u[i] = ui;
  }
  if (freed.length > Math.max(1, WARM_FREED_SHARE * rows)) return false;
  if (freed.length > 0) {
    const search = new SparseSearch(state, csr, dummy);
    for (const root of freed) if (!search.augment(root)) return false;
    search.finish();
  }
  // Every chosen pair is tight: u from the row's own pair.
  for (let i = 0; i < rows; i++) {
    if (rowActive[i] !== 1) continue;
    const c0 = ownCost(i, rowCol[i]!);
    if (Number.isNaN(c0)) return false;
    u[i] = c0 - v[rowCol[i]!]!;
  }
  return fillOrRaise(state, csr, rowActive, dummy);
}

/**
 * Repairs every column that has room but a dual below 0 (the one condition a warm start may leave
 * unmet), keeping the duals feasible and the chosen pairs tight. For such a column j0, a Dijkstra
 * runs backwards: from a column to the rows that could move into it (distance: the slack of their
 * pair), and from a row to its own column. With `delta` the least, over settled columns, of their
 * distance minus their dual, every settled column's dual rises by `delta` minus its distance and
 * its rows' duals fall as much: j0's dual rises by `delta`. Either it reaches 0, or the column
 * where the minimum is reached gets dual 0 and gives one row along the tree's path, each row on it
 * moving one column closer to j0, which gains a row. Repeat while j0 has room and a dual below 0.
 *
 * @returns false when the work runs over its budget (then the caller solves cold).
 */
function fillOrRaise(state: JvState, csr: CostCsr, rowActive: Uint8Array, dummy: boolean): boolean {
  const { rows, cols, rowStart, edgeCol, edgeCost } = csr;
  const { v, u, colLoad, colCapacity, rowCol, slotStart, slotRow } = state;
  const width = v.length;
  const deficient: number[] = [];
  for (let j = 0; j < width; j++) if (colLoad[j]! < colCapacity[j]! && v[j]! < 0) deficient.push(j);
  if (deficient.length === 0) return true;

  // Rows with a pair into each column, and that pair's cost (the transpose of the part).
  const colStart = new Int32Array(cols + 1);
  for (let e = 0; e < edgeCol.length; e++) colStart[edgeCol[e]! + 1]!++;
  for (let j = 0; j < cols; j++) colStart[j + 1]! += colStart[j]!;
  const fill = colStart.slice(0, cols);
  const colRow = new Int32Array(edgeCol.length);
  const colCost = new Float64Array(edgeCol.length);
  for (let i = 0; i < rows; i++) {
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      const at = fill[edgeCol[e]!]!++;
      colRow[at] = i;
      colCost[at] = edgeCost[e]!;
    }
  }

  const heap = new IndexedMinHeap(width);
  const dist = new Float64Array(width).fill(Infinity);
  const settled = new Uint8Array(width);
  const predCol = new Int32Array(width);
  const predRow = new Int32Array(width);
  const touched: number[] = [];
  const order: number[] = [];
  let budget = 8 * width + 1000;
  for (const j0 of deficient) {
    while (colLoad[j0]! < colCapacity[j0]! && v[j0]! < 0) {
      if (budget-- < 0) return false;
      dist[j0] = 0;
      touched.push(j0);
      heap.push(j0, 0);
      let delta = -v[j0]!;
      let best = j0;
      while (heap.size > 0 && heap.peekKey() < delta) {
        const j = heap.pop();
        settled[j] = 1;
        order.push(j);
        const dj = dist[j]!;
        if (dj - v[j]! < delta) {
          delta = dj - v[j]!;
          best = j;
        }
        // Rows that could move into j: their pair's slack, then on to their own column.
        const relax = (i: number, c: number): void => {
          if (rowActive[i] !== 1) return;
          const k = rowCol[i]!;
          if (k === j || settled[k] === 1) return;
          const slack = c - u[i]! - v[j]!;
          const d = dj + (slack > 0 ? slack : 0);
          if (d < dist[k]!) {
            if (dist[k] === Infinity) touched.push(k);
            dist[k] = d;
            predCol[k] = j;
            predRow[k] = i;
            heap.offer(k, d);
          }
        };
        if (j === cols && dummy) for (let i = 0; i < rows; i++) relax(i, 0);
        else if (j < cols) for (let t = colStart[j]!, end = colStart[j + 1]!; t < end; t++) relax(colRow[t]!, colCost[t]!);
      }
      // Duals: settled columns (and their rows) move by delta minus their distance.
      for (const j of order) {
        const shift = delta - dist[j]!;
        if (!(shift > 0)) continue;
        v[j] = v[j]! + shift;
        for (let t = slotStart[j]!, end = t + colLoad[j]!; t < end; t++) u[slotRow[t]!] = u[slotRow[t]!]! - shift;
      }
      if (best === j0) v[j0] = 0;
      else {
        v[best] = 0;
        // The path j0 <- ... <- best, each row moving one column toward j0, from j0's end.
        const path: number[] = [];
        for (let j = best; j !== j0; j = predCol[j]!) path.push(j);
        for (let k = path.length - 1; k >= 0; k--) {
          const from = path[k]!;
          const i = predRow[from]!;
          state.unassign(i);
          state.assign(i, predCol[from]!);
        }
      }
      for (const j of touched) {
        dist[j] = Infinity;
        settled[j] = 0;
      }
      touched.length = 0;
      order.length = 0;
      heap.clear();
    }
  }
  return true;
}

/** Column reduction with reduction transfer on the allowed pairs (square, unit capacities). */
function columnReduction(state: JvState, csr: CostCsr, freeRows: number[]): boolean {
  const { rows: n, u, v } = state;
  const { rowStart, edgeCol, edgeCost } = csr;
  const best = new Int32Array(n).fill(-1);
  v.fill(Infinity);
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      const j = edgeCol[e]!;
      if (edgeCost[e]! < v[j]!) {
        v[j] = edgeCost[e]!;
        best[j] = i;
      }
    }
  }
  const taken = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    const i = best[j]!;
    if (i < 0) return false;
    if (taken[i]!++ === 0) state.assign(i, j);
  }
  for (let i = 0; i < n; i++) {
    if (taken[i] === 0) {
      freeRows.push(i);
      continue;
    }
    const j1 = state.rowCol[i]!;
    let c1 = 0;
    let mu = Infinity;
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      const j = edgeCol[e]!;
      if (j === j1) c1 = edgeCost[e]!;
      else if (taken[i] === 1 && edgeCost[e]! - v[j]! < mu) mu = edgeCost[e]! - v[j]!;
    }
    if (taken[i] === 1 && mu < Infinity) v[j1] = v[j1]! - mu;
    u[i] = c1 - v[j1]!;
  }
  return true;
}

/**
 * Augmenting row reduction over the allowed pairs (see the dense version in `dense-jv.ts`), for
 * columns of any capacity: a free row takes the column of its smallest reduced cost; a column of
 * capacity 1 is taken from its holder (who is freed) with its dual lowered to the row's second
 * smallest, a larger column only while it has room and without touching its dual (so that
 * `v = 0` stays true of every column with room). Rows it cannot place are left for the searches.
 *
 * @returns false when a row has no allowed pair.
 */
function augmentingRowReduction(state: JvState, csr: CostCsr, dummy: boolean, freeRows: number[]): boolean {
  const { u, v, colLoad, colCapacity, slotRow, slotStart } = state;
  const { rowStart, edgeCol, edgeCost, cols } = csr;
  const room = (j: number): boolean => colLoad[j]! < colCapacity[j]!;
  for (let round = 0; round < ROW_REDUCTION_ROUNDS && freeRows.length > 0; round++) {
    const pending = freeRows.splice(0, freeRows.length);
    let k = 0;
    let budget = pending.length * 2 + cols;
    while (k < pending.length) {
      const i = pending[k++]!;
      let u1 = Infinity;
      let u2 = Infinity;
      let j1 = -1;
      let j2 = -1;
      let c1 = 0;
      let c2 = 0;
      const end = rowStart[i + 1]!;
      for (let e = rowStart[i]!; e <= end; e++) {
        let j: number;
        let c: number;
        if (e < end) {
          j = edgeCol[e]!;
          c = edgeCost[e]!;
          if (colCapacity[j] === 0) continue;
        } else if (dummy) {
          j = cols;
          c = 0;
        } else break;
        const h = c - v[j]!;
        if (h < u2) {
          if (h < u1) {
            u2 = u1;
            j2 = j1;
            c2 = c1;
            u1 = h;
            j1 = j;
            c1 = c;
          } else {
            u2 = h;
            j2 = j;
            c2 = c;
          }
        }
      }
      if (j1 < 0) return false;
      let target = j1;
      let targetCost = c1;
      const gap = u2 - u1;
      let owner = -1;
      if (colCapacity[j1] === 1) {
        owner = colLoad[j1]! > 0 ? slotRow[slotStart[j1]!]! : -1;
        if (gap > 0 && gap < Infinity) v[j1] = v[j1]! - gap;
        else if (owner >= 0 && j2 >= 0 && (colCapacity[j2] !== 1 ? room(j2) : true)) {
          target = j2;
          targetCost = c2;
          owner = colCapacity[j2] === 1 && colLoad[j2]! > 0 ? slotRow[slotStart[j2]!]! : -1;
        }
      } else if (!room(j1)) {
        freeRows.push(i);
        continue;
      }
      if (owner >= 0) state.unassign(owner);
      state.assign(i, target);
      u[i] = targetCost - v[target]!;
      if (owner >= 0) {
        if (gap > 0 && gap < Infinity && budget-- > 0) pending[--k] = owner;
        else freeRows.push(owner);
      }
    }
  }
  for (const i of freeRows) u[i] = 0;
  return true;
}

/**
 * Work arrays of the heap-based search, allocated once. While searches run, each column's dual
 * and tentative distance sit side by side in `vs` (`vs[2j]`, `vs[2j+1]`): a relaxation reads both,
 * at a random column, so one cache line instead of two; {@link finish} copies the duals back.
 */
class SparseSearch {
  private readonly heap: IndexedMinHeap;
  private readonly reached: Int32Array;
  private readonly scanned: Uint8Array;
  private readonly vs: Float64Array;

  constructor(
    private readonly state: JvState,
    private readonly csr: CostCsr,
    private readonly dummy: boolean,
  ) {
    const { cols, v } = state;
    this.heap = new IndexedMinHeap(cols);
    this.reached = new Int32Array(cols);
    this.scanned = new Uint8Array(cols);
    this.vs = new Float64Array(2 * cols);
    for (let j = 0; j < cols; j++) {
      this.vs[2 * j] = v[j]!;
      this.vs[2 * j + 1] = Infinity;
    }
  }

  /** Writes the column duals back into the state. */
  finish(): void {
    const { v, cols } = this.state;
    for (let j = 0; j < cols; j++) v[j] = this.vs[2 * j]!;
  }

  /**
   * One shortest augmenting path from free row `root`, then the dual update and the flip.
   *
   * @returns false when no free column can be reached.
   */
  augment(root: number): boolean {
    const { state, heap, reached, scanned, vs } = this;
    const { rowStart, edgeCol, edgeCost } = this.csr;
    const { u, pred, scannedRows, scannedCols, rowCol, colLoad, colCapacity, slotRow, slotStart } = state;
    let reachedCount = 0;
    let rowCount = 0;
    let colCount = 0;
    let minVal = 0;
    let i = root;
    let batchStart = 0;
    let batchEnd = 0;
    // Nearest free column reached so far: the search ends there unless something is nearer, so
    // no column at that distance or beyond needs to enter the heap.
    let freeCol = -1;
    let freeDist = Infinity;
    for (;;) {
      scannedRows[rowCount++] = i;
      const h = minVal - u[i]!;
      for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
        const j = edgeCol[e]!;
        const r = h + edgeCost[e]! - vs[2 * j]!;
        if (r >= freeDist) continue;
        const s = vs[2 * j + 1]!;
        if (r < s && scanned[j] === 0 && colCapacity[j] !== 0) {
          if (s === Infinity) reached[reachedCount++] = j;
          vs[2 * j + 1] = r;
          pred[j] = i;
          if (colLoad[j]! < colCapacity[j]!) {
            // A farther free column is simply forgotten: the search can no longer end there.
            freeCol = j;
            freeDist = r;
          } else heap.offer(j, r);
        }
      }
      if (this.dummy) {
        // The dummy column, at cost 0 from every row.
        const j = this.csr.cols;
        const r = h - vs[2 * j]!;
        const s = vs[2 * j + 1]!;
        if (r < freeDist && r < s && scanned[j] === 0) {
          if (s === Infinity) reached[reachedCount++] = j;
          vs[2 * j + 1] = r;
          pred[j] = i;
          if (colLoad[j]! < colCapacity[j]!) {
            freeCol = j;
            freeDist = r;
          } else heap.offer(j, r);
        }
      }
      if (batchStart < batchEnd) {
        i = slotRow[batchStart++]!;
        continue;
      }
      // Next column: the heap's nearest, unless the best free column is no farther.
      if (freeCol >= 0 && !(heap.peekKey() < freeDist)) {
        minVal = freeDist;
        scannedCols[colCount++] = freeCol;
        break;
      }
      if (heap.size === 0) break;
      // Only full columns enter the heap.
      const j = heap.pop();
      minVal = vs[2 * j + 1]!;
      scanned[j] = 1;
      scannedCols[colCount++] = j;
      batchStart = slotStart[j]!;
      batchEnd = batchStart + colLoad[j]!;
      i = slotRow[batchStart++]!;
    }
    const found = freeCol >= 0 && minVal === freeDist && scannedCols[colCount - 1] === freeCol;
    if (found) {
      // Dual update (see JvState.finishSearch), then the flip.
      u[root] = u[root]! + minVal;
      for (let k = 1; k < rowCount; k++) {
        const r = scannedRows[k]!;
        u[r] = u[r]! + (minVal - vs[2 * rowCol[r]! + 1]!);
      }
      for (let k = 0; k < colCount; k++) {
        const j = scannedCols[k]!;
        vs[2 * j] = vs[2 * j]! - (minVal - vs[2 * j + 1]!);
      }
      state.flipPath(root, freeCol);
    }
    for (let k = 0; k < reachedCount; k++) {
      vs[2 * reached[k]! + 1] = Infinity;
      scanned[reached[k]!] = 0;
    }
    heap.clear();
    return found;
  }
}
