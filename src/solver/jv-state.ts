/**
 * State shared by the Jonker-Volgenant solvers: rows of capacity 0 or 1 assigned to columns of
 * any capacity, with the dual values of both sides.
 *
 * Minimisation form throughout: `u[i] + v[j] <= cost(i, j)` on every allowed pair, with equality
 * on assigned pairs; `v[j] <= 0`, and `v[j] = 0` while column j is not full, unless the solver
 * started from a column reduction (then every column ends full and `v` has any sign).
 *
 * @module
 */

/** Assignment of unit rows to columns with capacities, and the duals. */
export class JvState {
  readonly rows: number;
  readonly cols: number;
  /** Column of each row, or -1. */
  readonly rowCol: Int32Array;
  readonly colLoad: Int32Array;
  readonly colCapacity: Int32Array;
  /** Column j keeps its rows in `slotRow[slotStart[j] .. slotStart[j] + colLoad[j])`. */
  readonly slotStart: Int32Array;
  readonly slotRow: Int32Array;
  /** Position of each assigned row in `slotRow`. */
  readonly rowSlot: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
  /** Work arrays of one search. */
  readonly shortest: Float64Array;
  readonly pred: Int32Array;
  readonly scannedRows: Int32Array;
  readonly scannedCols: Int32Array;
  /** Columns not yet reached by a dense search. */
  readonly todo: Int32Array;

  /**
   * @param rows - Number of rows.
   * @param colCapacity - Capacity of each column (not copied; read only).
   */
  constructor(rows: number, colCapacity: Int32Array) {
    const cols = colCapacity.length;
    this.rows = rows;
    this.cols = cols;
    this.rowCol = new Int32Array(rows).fill(-1);
    this.colLoad = new Int32Array(cols);
    this.colCapacity = colCapacity;
    this.slotStart = new Int32Array(cols + 1);
    for (let j = 0; j < cols; j++) this.slotStart[j + 1] = this.slotStart[j]! + Math.min(colCapacity[j]!, rows);
    this.slotRow = new Int32Array(this.slotStart[cols]!);
    this.rowSlot = new Int32Array(rows);
    this.u = new Float64Array(rows);
    this.v = new Float64Array(cols);
    this.shortest = new Float64Array(cols);
    this.pred = new Int32Array(cols);
    this.scannedRows = new Int32Array(rows);
    this.scannedCols = new Int32Array(cols);
    this.todo = new Int32Array(cols);
  }

  /** Assigns free row i to column j, which must have room. */
  assign(i: number, j: number): void {
    const slot = this.slotStart[j]! + this.colLoad[j]!++;
    this.slotRow[slot] = i;
    this.rowSlot[i] = slot;
    this.rowCol[i] = j;
  }

  /** Frees assigned row i. */
  unassign(i: number): void {
    const j = this.rowCol[i]!;
    const last = this.slotStart[j]! + --this.colLoad[j]!;
    const moved = this.slotRow[last]!;
    const slot = this.rowSlot[i]!;
    this.slotRow[slot] = moved;
    this.rowSlot[moved] = slot;
    this.rowCol[i] = -1;
  }

  /**
   * Closes a search from free row `root` that reached free column `sink` at distance `minVal`:
   * shifts the duals of the scanned rows and columns (keeping every reduced cost >= 0 and making
   * the path tight), then flips the path.
   */
  finishSearch(root: number, sink: number, minVal: number, rowCount: number, colCount: number): void {
    const { u, v, shortest, scannedRows, scannedCols, rowCol } = this;
    u[root] = u[root]! + minVal;
    for (let k = 1; k < rowCount; k++) {
      const i = scannedRows[k]!;
      u[i] = u[i]! + (minVal - shortest[rowCol[i]!]!);
    }
    for (let k = 0; k < colCount; k++) {
      const j = scannedCols[k]!;
      v[j] = v[j]! - (minVal - shortest[j]!);
    }
    this.flipPath(root, sink);
  }

  /** Flips the alternating path `pred` leads along from free column `sink` back to free row `root`. */
  flipPath(root: number, sink: number): void {
    const { rowCol, pred } = this;
    for (let j = sink; ; ) {
      const i = pred[j]!;
      const old = rowCol[i]!;
      if (old >= 0) this.unassign(i);
      this.assign(i, j);
      if (i === root) break;
      j = old;
    }
  }
}

/**
 * Where a previous solve of the same rows and columns, on fewer pairs, ended: its assignment and
 * column duals (dummy column last), to start a solve of more pairs from.
 */
export interface WarmStart {
  readonly rowCol: Int32Array;
  readonly v: Float64Array;
  readonly dummyCapacity: number;
}
