/**
 * Small graph helpers for the rule solvers: subgraphs by an edge test, and the largest number of
 * pairs of a graph with any capacities.
 *
 * @module
 */
import type { BipartiteGraph } from '../solver/b-matching';
import { solveGraph } from '../solver/assignment';
import { maxCardinality, type Adjacency } from '../solver/max-cardinality';
import type { ProblemRow } from './problem';

/** A subgraph and the map from its edges to the parent's. */
export interface Subgraph {
  readonly graph: BipartiteGraph;
  /** Parent edge of each subgraph edge. */
  readonly toParent: Int32Array;
}

/** The edges of a graph that pass a test, with all rows and columns kept. */
export function subgraph(graph: BipartiteGraph, keep: (edge: number) => boolean): Subgraph {
  const rowStart = new Int32Array(graph.rows + 1);
  const kept: number[] = [];
  for (let r = 0; r < graph.rows; r++) {
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) if (keep(e)) kept.push(e);
    rowStart[r + 1] = kept.length;
  }
  const toParent = Int32Array.from(kept);
  return {
    graph: {
      rows: graph.rows,
      cols: graph.cols,
      rowStart,
      edgeCol: Int32Array.from(kept, (e) => graph.edgeCol[e]!),
      edgeWeight: Float64Array.from(kept, (e) => graph.edgeWeight[e]!),
      rowCapacity: graph.rowCapacity,
      colCapacity: graph.colCapacity,
    },
    toParent,
  };
}

/** Rows restricted to a subgraph's edges (coefficients of dropped edges go: those edges are 0). */
export function restrictRows(rows: readonly ProblemRow[], sub: Subgraph, parentEdges: number): ProblemRow[] {
  const toChild = new Int32Array(parentEdges).fill(-1);
  sub.toParent.forEach((p, c) => (toChild[p] = c));
  return rows.map((row) => {
    const edges: number[] = [];
    const coefs: number[] = [];
    for (let k = 0; k < row.edges.length; k++) {
      const c = toChild[row.edges[k]!]!;
      if (c < 0) continue;
      edges.push(c);
      coefs.push(row.coefs[k]!);
    }
    return { edges: Int32Array.from(edges), coefs: Float64Array.from(coefs), rhs: row.rhs, source: row.source, group: row.group };
  });
}

/** The row "at least `count` pairs" over every edge of a graph (source -1). */
export function pairCountRow(graph: BipartiteGraph, count: number): ProblemRow {
  const E = graph.edgeCol.length;
  return { edges: Int32Array.from({ length: E }, (_, e) => e), coefs: new Float64Array(E).fill(1), rhs: count, source: -1, group: -1 };
}

/** The rows "exactly `count` pairs" (at least, at most) over every edge of a graph (source -1). */
export function exactCountRows(graph: BipartiteGraph, count: number): ProblemRow[] {
  const E = graph.edgeCol.length;
  const edges = Int32Array.from({ length: E }, (_, e) => e);
  return [
    { edges, coefs: new Float64Array(E).fill(1), rhs: count, source: -1, group: -1 },
    { edges, coefs: new Float64Array(E).fill(-1), rhs: -count, source: -1, group: -1 },
  ];
}

/** Each row's edges by weight, highest first, so that the edges above a threshold are a prefix. */
export interface RowsByWeight {
  readonly rowStart: Int32Array;
  /** Columns, each row's by weight descending (ties by column). */
  readonly edgeCol: Int32Array;
  /** Weights in the same order. */
  readonly edgeWeight: Float64Array;
}

/** Sorts each row's edges by weight, highest first. */
export function rowsByWeight(graph: BipartiteGraph): RowsByWeight {
  const E = graph.edgeCol.length;
  const order = new Int32Array(E);
  for (let r = 0; r < graph.rows; r++) {
    const start = graph.rowStart[r]!;
    const end = graph.rowStart[r + 1]!;
    const slice = Array.from({ length: end - start }, (_, k) => start + k);
    slice.sort((a, b) => graph.edgeWeight[b]! - graph.edgeWeight[a]! || graph.edgeCol[a]! - graph.edgeCol[b]!);
    order.set(slice, start);
  }
  return { rowStart: graph.rowStart, edgeCol: Int32Array.from(order, (e) => graph.edgeCol[e]!), edgeWeight: Float64Array.from(order, (e) => graph.edgeWeight[e]!) };
}

/** The adjacency of the edges of weight at least `tau` (each row's prefix, copied). */
export function adjacencyAtLeast(sorted: RowsByWeight, rows: number, cols: number, tau: number): Adjacency {
  const rowStart = new Int32Array(rows + 1);
  let total = 0;
  const lengths = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let lo = sorted.rowStart[r]!;
    let hi = sorted.rowStart[r + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted.edgeWeight[mid]! >= tau) lo = mid + 1;
      else hi = mid;
    }
    lengths[r] = lo - sorted.rowStart[r]!;
    total += lengths[r]!;
    rowStart[r + 1] = total;
  }
  const edgeCol = new Int32Array(total);
  for (let r = 0; r < rows; r++) edgeCol.set(sorted.edgeCol.subarray(sorted.rowStart[r]!, sorted.rowStart[r]! + lengths[r]!), rowStart[r]!);
  return { rows, cols, rowStart, edgeCol };
}

/** The largest number of pairs of a graph (Hopcroft-Karp; rows of capacity above 1 are copied). */
export function maxPairs(graph: Adjacency & { readonly rowCapacity: Int32Array; readonly colCapacity: Int32Array }): number {
  let maxRow = 0;
  for (let r = 0; r < graph.rows; r++) maxRow = Math.max(maxRow, graph.rowCapacity[r]!);
  if (maxRow <= 1) {
    const active = Uint8Array.from(graph.rowCapacity, (c) => (c > 0 ? 1 : 0));
    return maxCardinality(graph, active, graph.colCapacity);
  }
  let maxCol = 0;
  for (let c = 0; c < graph.cols; c++) maxCol = Math.max(maxCol, graph.colCapacity[c]!);
  if (maxCol > 1) {
    // Both sides take several partners: copies of a row could take the same pair twice, so the
    // flow solver counts (unit weights, most pairs).
    // (The flow solver wants each row's columns ascending; a weight-sorted adjacency is not.)
    const edgeCol = graph.edgeCol.slice();
    for (let r = 0; r < graph.rows; r++) edgeCol.subarray(graph.rowStart[r]!, graph.rowStart[r + 1]!).sort();
    const flat = { ...graph, edgeCol, edgeWeight: new Float64Array(edgeCol.length).fill(1) };
    return solveGraph(flat, 'maxCardinality').matching.pairCount;
  }
  // Columns take one partner each: copy each row once per unit of capacity (capped by its degree).
  const starts: number[] = [0];
  const cols: number[] = [];
  for (let r = 0; r < graph.rows; r++) {
    const degree = graph.rowStart[r + 1]! - graph.rowStart[r]!;
    const copies = Math.min(graph.rowCapacity[r]!, degree);
    for (let k = 0; k < copies; k++) {
      for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) cols.push(graph.edgeCol[e]!);
      starts.push(cols.length);
    }
  }
  const rows = starts.length - 1;
  return maxCardinality({ rows, cols: graph.cols, rowStart: Int32Array.from(starts), edgeCol: Int32Array.from(cols) }, new Uint8Array(rows).fill(1), graph.colCapacity);
}
