import type { BipartiteGraph, MatchingObjective } from '../../src/solver/b-matching';

/** Value of a set of edges: how many, and their total weight. */
export interface SubsetValue {
  readonly count: number;
  readonly weight: number;
}

/**
 * Builds a CSR graph from a dense matrix.
 *
 * @param matrix - `matrix[r][c]` is the weight of pair (r, c); NaN or missing = forbidden.
 * @param rowCapacity - One capacity per row; its length is the number of rows.
 * @param colCapacity - One capacity per column; its length is the number of columns.
 */
export function graphFromMatrix(
  matrix: readonly (readonly number[])[],
  rowCapacity: readonly number[],
  colCapacity: readonly number[],
): BipartiteGraph {
  const rows = rowCapacity.length;
  const cols = colCapacity.length;
  const rowStart = new Int32Array(rows + 1);
  const edgeCol: number[] = [];
  const edgeWeight: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const w = matrix[r]?.[c];
      if (w === undefined || Number.isNaN(w)) continue;
      edgeCol.push(c);
      edgeWeight.push(w);
    }
    rowStart[r + 1] = edgeCol.length;
  }
  return {
    rows,
    cols,
    rowStart,
    edgeCol: Int32Array.from(edgeCol),
    edgeWeight: Float64Array.from(edgeWeight),
    rowCapacity: Int32Array.from(rowCapacity),
    colCapacity: Int32Array.from(colCapacity),
  };
}

/** Whether `a` is strictly better than `b` under the objective. */
function better(objective: MatchingObjective, a: SubsetValue, b: SubsetValue | null): boolean {
  if (b === null) return true;
  if (objective === 'maxWeight') return a.weight > b.weight;
  return a.count > b.count || (a.count === b.count && a.weight > b.weight);
}

/** Row of every edge of a CSR graph. */
function edgeRows(graph: BipartiteGraph): number[] {
  const rowOf: number[] = [];
  for (let r = 0; r < graph.rows; r++) for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) rowOf[e] = r;
  return rowOf;
}

/**
 * Best feasible edge set by exhaustive search: row by row, every subset of the row's edges within
 * the capacities, memoised on the columns' loads. For `maxWeight` the best weight (count: of one
 * best set); for `maxCardinality` the best (count, weight), lexicographically.
 *
 * @param graph - A small graph (the state space is the product of (colCapacity + 1)).
 * @param objective - What to maximise.
 * @param forcedEdge - When given, only sets containing this edge count.
 * @returns The best value, or null when no feasible set contains `forcedEdge`.
 */
export function bruteForce(graph: BipartiteGraph, objective: MatchingObjective, forcedEdge?: number): SubsetValue | null {
  const { rows, cols, rowStart, edgeCol, edgeWeight, rowCapacity, colCapacity } = graph;
  const radix: number[] = [];
  let states = 1;
  for (let c = 0; c < cols; c++) {
    radix[c] = states;
    states *= colCapacity[c]! + 1;
  }
  const memo = new Map<number, SubsetValue | null>();
  const best = (r: number, code: number): SubsetValue | null => {
    if (r === rows) return { count: 0, weight: 0 };
    const key = r * states + code;
    if (memo.has(key)) return memo.get(key)!;
    const first = rowStart[r]!;
    const k = rowStart[r + 1]! - first;
    let result: SubsetValue | null = null;
    for (let mask = 0; mask < 1 << k; mask++) {
      let count = 0;
      let weight = 0;
      let next = code;
      let ok = true;
      for (let i = 0; i < k && ok; i++) {
        const e = first + i;
        const chosen = (mask >> i) & 1;
        if (e === forcedEdge && !chosen) ok = false;
        if (!chosen) continue;
        const c = edgeCol[e]!;
        const load = Math.floor(code / radix[c]!) % (colCapacity[c]! + 1);
        if (load >= colCapacity[c]!) ok = false;
        next += radix[c]!;
        count++;
        weight += edgeWeight[e]!;
      }
      if (!ok || count > rowCapacity[r]!) continue;
      const rest = best(r + 1, next);
      if (rest === null) continue;
      const value = { count: count + rest.count, weight: weight + rest.weight };
      if (better(objective, value, result)) result = value;
    }
    memo.set(key, result);
    return result;
  };
  return best(0, 0);
}

/**
 * The same as {@link bruteForce}, literally: every one of the 2^E edge subsets. For E <= ~16.
 *
 * @param graph - A tiny graph.
 * @param objective - What to maximise.
 * @param forcedEdge - When given, only sets containing this edge count.
 */
export function enumerateSubsets(graph: BipartiteGraph, objective: MatchingObjective, forcedEdge?: number): SubsetValue | null {
  const edges = graph.edgeCol.length;
  const rowOf = edgeRows(graph);
  let result: SubsetValue | null = null;
  for (let mask = 0; mask < 2 ** edges; mask++) {
    if (forcedEdge !== undefined && !((mask >> forcedEdge) & 1)) continue;
    const rowLoad = new Array<number>(graph.rows).fill(0);
    const colLoad = new Array<number>(graph.cols).fill(0);
    let count = 0;
    let weight = 0;
    for (let e = 0; e < edges; e++) {
      if (!((mask >> e) & 1)) continue;
      rowLoad[rowOf[e]!]!++;
      colLoad[graph.edgeCol[e]!]!++;
      count++;
      weight += graph.edgeWeight[e]!;
    }
    if (rowLoad.some((l, r) => l > graph.rowCapacity[r]!) || colLoad.some((l, c) => l > graph.colCapacity[c]!)) continue;
    const value = { count, weight };
    if (better(objective, value, result)) result = value;
  }
  return result;
}

/**
 * Expected answer of the forcing oracle for one edge, by brute force.
 *
 * @returns The drop of the optimal value when the edge is forced, or null when forcing it is
 *   impossible (a zero capacity) or, for `maxCardinality`, loses a pair.
 */
export function bruteForceDrop(graph: BipartiteGraph, objective: MatchingObjective, edge: number): number | null {
  const best = bruteForce(graph, objective)!;
  const forced = bruteForce(graph, objective, edge);
  if (forced === null) return null;
  if (objective === 'maxCardinality' && forced.count < best.count) return null;
  return best.weight - forced.weight;
}

/**
 * Independent reference for medium graphs: min-cost flow by successive shortest paths found with
 * Bellman-Ford on an explicit residual graph (no potentials, no heap). For `maxWeight` it stops
 * when the best path gains at most 1e-9 times the largest |weight|.
 *
 * @param graph - Any valid graph (time O(F * V * E)).
 * @param objective - What to maximise.
 */
export function referenceSolve(graph: BipartiteGraph, objective: MatchingObjective): SubsetValue {
  const { rows, cols, rowStart, edgeCol, edgeWeight, rowCapacity, colCapacity } = graph;
  const source = rows + cols;
  const sink = source + 1;
  const head: number[] = [];
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const addArc = (u: number, v: number, capacity: number, c: number) => {
    for (const [a, b, k, x] of [
      [u, v, capacity, c],
      [v, u, 0, -c],
    ] as const) {
      head.push(a);
      to.push(b);
      cap.push(k);
      cost.push(x);
    }
  };
  for (let r = 0; r < rows; r++) addArc(source, r, rowCapacity[r]!, 0);
  for (let c = 0; c < cols; c++) addArc(rows + c, sink, colCapacity[c]!, 0);
  for (let r = 0; r < rows; r++) for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) addArc(r, rows + edgeCol[e]!, 1, -edgeWeight[e]!);
  let scale = 0;
  for (const w of edgeWeight) scale = Math.max(scale, Math.abs(w));
  const nodes = sink + 1;
  let count = 0;
  let weight = 0;
  for (;;) {
    const dist = new Array<number>(nodes).fill(Infinity);
    const via = new Array<number>(nodes).fill(-1);
    dist[source] = 0;
    for (let round = 0; round < nodes; round++) {
      let changed = false;
      for (let a = 0; a < head.length; a++) {
        if (cap[a]! <= 0 || dist[head[a]!] === Infinity) continue;
        const d = dist[head[a]!]! + cost[a]!;
        if (d < dist[to[a]!]! - 1e-12 * Math.max(1, scale)) {
          dist[to[a]!] = d;
          via[to[a]!] = a;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) break;
    if (objective === 'maxWeight' && -dist[sink]! <= 1e-9 * scale) break;
    for (let v = sink; v !== source; v = head[via[v]!]!) {
      cap[via[v]!]!--;
      cap[via[v]! ^ 1]!++;
    }
    count++;
    weight -= dist[sink]!;
  }
  return { count, weight };
}

/**
 * Reference optimum with one edge forced in: the edge's weight plus the optimum of the graph
 * without it and with its row's and column's capacities lowered by one.
 *
 * @returns The value, or null when the row or column has capacity 0.
 */
export function referenceForced(graph: BipartiteGraph, objective: MatchingObjective, edge: number): SubsetValue | null {
  const rowOf = edgeRows(graph);
  const row = rowOf[edge]!;
  const col = graph.edgeCol[edge]!;
  if (graph.rowCapacity[row] === 0 || graph.colCapacity[col] === 0) return null;
  const keep = (e: number) => e !== edge;
  const rowStart = new Int32Array(graph.rows + 1);
  for (let r = 0; r < graph.rows; r++) {
    let n = 0;
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) if (keep(e)) n++;
    rowStart[r + 1] = rowStart[r]! + n;
  }
  const kept = [...graph.edgeCol.keys()].filter(keep);
  const rowCapacity = Int32Array.from(graph.rowCapacity);
  const colCapacity = Int32Array.from(graph.colCapacity);
  rowCapacity[row]!--;
  colCapacity[col]!--;
  const rest = referenceSolve(
    {
      rows: graph.rows,
      cols: graph.cols,
      rowStart,
      edgeCol: Int32Array.from(kept, (e) => graph.edgeCol[e]!),
      edgeWeight: Float64Array.from(kept, (e) => graph.edgeWeight[e]!),
      rowCapacity,
      colCapacity,
    },
    objective,
  );
  return { count: rest.count + 1, weight: rest.weight + graph.edgeWeight[edge]! };
}
