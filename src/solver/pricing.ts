/**
 * Large, dense-ish sparse problems (an organisation's eligible pairs: thousands of pairs per
 * person) solved on a small part of their pairs, then proven on all of them.
 *
 * Every row keeps its {@link KEEP} best pairs, every column its best one, plus the pairs of one
 * largest assignment (so the part admits as many pairs as the whole). The part is solved exactly; its
 * duals are then checked against every pair of the whole ("pricing"). A pair that the duals do
 * not cover could improve the solution: all such pairs join the part and it is solved again. When
 * none is left, the duals cover every pair, so the part's optimum is the whole's, with the same
 * certificate. The searches then explore a few dozen pairs per row instead of thousands.
 *
 * @module
 */
import type { CheckedProblem, CostCsr } from './assignment-input';
import { transposeAdjacency } from './assignment-input';
import type { AssignmentMode } from './assignment-types';
import type { WarmStart } from './jv-state';
import { maxCardinality } from './max-cardinality';

/** Best pairs kept per row in the first part, and most pairs a row adds per pricing round. */
export const KEEP = 24;

/**
 * When the part-then-price approach is used: at least `minEdges` pairs and `minDegree` pairs per
 * row or column of the smaller side on average.
 *
 * @internal Tests lower these to exercise the approach on small problems.
 */
export const pricingThresholds = { minEdges: 200_000, minDegree: 4 * KEEP };

/** Raw outcome of one solver, in maximisation form (`w' = -cost`). */
export interface PricedSolution {
  feasible: boolean;
  /** Chosen pairs, flat, ascending by row then column. */
  pairs: Int32Array;
  /** Duals in maximisation form of `w' = -cost`. */
  row: Float64Array;
  col: Float64Array;
  cardinality: number;
  /** Where the sparse solver ended, to warm-start a solve of more pairs (the next, larger part). */
  warm?: WarmStart;
}

/** Solves a (sub)problem exactly, without pricing. */
export type ExactSolve = (p: CheckedProblem, mode: AssignmentMode, warm?: WarmStart) => PricedSolution | null;

/** Whether a sparse problem is big and dense enough for {@link solveByPricing}. */
export function worthPricing(csr: CostCsr): boolean {
  const edges = csr.edgeCol.length;
  return edges >= pricingThresholds.minEdges && edges >= pricingThresholds.minDegree * Math.max(1, Math.min(csr.rows, csr.cols));
}

/**
 * For many groups at once (rows, or columns), the `k` entries of largest key pushed so far: one
 * bounded min-heap per group in flat typed arrays.
 */
class TopK {
  private readonly keys: Float64Array;
  private readonly edges: Int32Array;
  private readonly sizes: Int32Array;

  constructor(
    groups: number,
    private readonly k: number,
  ) {
    this.keys = new Float64Array(groups * k);
    this.edges = new Int32Array(groups * k);
    this.sizes = new Int32Array(groups);
  }

  /** Offers `edge` with `key` to `group`. */
  push(group: number, key: number, edge: number): void {
    const { keys, edges, k } = this;
    const base = group * k;
    const size = this.sizes[group]!;
    if (size < k) {
      let at = size;
      this.sizes[group] = size + 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (keys[base + parent]! <= key) break;
        keys[base + at] = keys[base + parent]!;
        edges[base + at] = edges[base + parent]!;
        at = parent;
      }
      keys[base + at] = key;
      edges[base + at] = edge;
      return;
    }
    if (!(key > keys[base]!)) return;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[base + child + 1]! < keys[base + child]!) child++;
      if (keys[base + child]! >= key) break;
      keys[base + at] = keys[base + child]!;
      edges[base + at] = edges[base + child]!;
      at = child;
    }
    keys[base + at] = key;
    edges[base + at] = edge;
  }

  /** Marks every kept edge in `flags`; returns how many were not marked yet. Empties the groups. */
  drainInto(flags: Uint8Array): number {
    let added = 0;
    const { edges, k, sizes } = this;
    for (let g = 0; g < sizes.length; g++) {
      for (let t = 0; t < sizes[g]!; t++) {
        const e = edges[g * k + t]!;
        if (flags[e] === 0) {
          flags[e] = 1;
          added++;
        }
      }
      sizes[g] = 0;
    }
    return added;
  }
}

/**
 * Solves `p` on a growing part of its pairs until the part's duals cover them all.
 *
 * @param p - A sparse problem (checked).
 * @param mode - What to solve.
 * @param unitSide - The side with unit capacities the exact solver works from.
 * @param exact - The exact solver for the parts.
 * @returns As `exact` on the whole problem would, or null when `exact` does not apply.
 */
export function solveByPricing(p: CheckedProblem, mode: AssignmentMode, unitSide: 'rows' | 'cols', exact: ExactSolve): PricedSolution | null {
  const full = p.sparse!;
  const { rows, cols, rowStart, edgeCol, edgeCost } = full;
  const edges = edgeCol.length;
  const inPart = new Uint8Array(edges);
  const byRow = new TopK(rows, KEEP);
  const byCol = new TopK(cols, KEEP);
  // First part: the best pairs of every row and column.
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const key = -edgeCost[e]!;
      byRow.push(r, key, e);
      byCol.push(edgeCol[e]!, key, e);
    }
  }
  byRow.drainInto(inPart);
  byCol.drainInto(inPart);
  keepLargestAssignment(p, unitSide, inPart);

  let scale = 0;
  for (let e = 0; e < edges; e++) scale = Math.max(scale, Math.abs(edgeCost[e]!));
  const tolerance = 1e-12 * scale;
  let warm: WarmStart | undefined;
  for (;;) {
    const part = subproblem(p, inPart);
    // Each part holds the previous one: its solve starts from the previous duals.
    const raw = exact(part, mode, warm);
    warm = raw?.warm;
    if (raw === null || !raw.feasible) return raw;
    // Pricing: pairs whose weight exceeds their duals' sum could improve the solution; the most
    // violated ones of each row and of each column (at most KEEP each) join the part.
    const { row, col, cardinality } = raw;
    for (let r = 0; r < rows; r++) {
      const ur = row[r]! + cardinality;
      for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
        if (inPart[e] === 1) continue;
        const c = edgeCol[e]!;
        const excess = -edgeCost[e]! - ur - col[c]!;
        if (!(excess > tolerance)) continue;
        byRow.push(r, excess, e);
        byCol.push(c, excess, e);
      }
    }
    const added = byRow.drainInto(inPart) + byCol.drainInto(inPart);
    if (added === 0) return raw;
  }
}

/** Marks the pairs of one largest assignment (Hopcroft-Karp from the unit side). */
function keepLargestAssignment(p: CheckedProblem, unitSide: 'rows' | 'cols', inPart: Uint8Array): void {
  const full = p.sparse!;
  const { rowStart, edgeCol } = full;
  if (unitSide === 'rows') {
    const active = Uint8Array.from(p.rowCapacity, (c) => (c > 0 ? 1 : 0));
    const rowCol = new Int32Array(p.rows);
    maxCardinality(full, active, p.colCapacity, rowCol);
    for (let r = 0; r < p.rows; r++) if (rowCol[r]! >= 0) inPart[edgeIndex(rowStart, edgeCol, r, rowCol[r]!)] = 1;
    return;
  }
  const t = transposeAdjacency(full);
  const active = Uint8Array.from(p.colCapacity, (c) => (c > 0 ? 1 : 0));
  const colRow = new Int32Array(p.cols);
  maxCardinality(t, active, p.rowCapacity, colRow);
  for (let c = 0; c < p.cols; c++) if (colRow[c]! >= 0) inPart[edgeIndex(rowStart, edgeCol, colRow[c]!, c)] = 1;
}

/** Index of pair (r, c) in a CSR sorted by column within rows (the pair must exist). */
function edgeIndex(rowStart: Int32Array, edgeCol: Int32Array, r: number, c: number): number {
  let lo = rowStart[r]!;
  let hi = rowStart[r + 1]! - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edgeCol[mid]! < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The problem restricted to the marked pairs. */
function subproblem(p: CheckedProblem, inPart: Uint8Array): CheckedProblem {
  const { rows, cols, rowStart, edgeCol, edgeCost } = p.sparse!;
  let count = 0;
  for (let e = 0; e < inPart.length; e++) count += inPart[e]!;
  const subStart = new Int32Array(rows + 1);
  const subCol = new Int32Array(count);
  const subCost = new Float64Array(count);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      if (inPart[e] !== 1) continue;
      subCol[k] = edgeCol[e]!;
      subCost[k++] = edgeCost[e]!;
    }
    subStart[r + 1] = k;
  }
  return { ...p, sparse: { rows, cols, rowStart: subStart, edgeCol: subCol, edgeCost: subCost } };
}
