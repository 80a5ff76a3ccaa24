/**
 * The model the rule solvers work on: the residual graph (eligible pairs that are not locked, with
 * the capacities the locked pairs leave) with objective weights, and the rules as `>=` rows over
 * its edges, their right-hand sides net of what the locked pairs already give.
 *
 * @module
 */
import type { BipartiteGraph } from '../solver/b-matching';
import type { RuleRow } from './compile';

/** One rule row over the residual edges, in `>=` form: `sum(coef * x) >= rhs`. */
export interface ProblemRow {
  readonly edges: Int32Array;
  readonly coefs: Float64Array;
  readonly rhs: number;
  /** Index of the compiled row it comes from (-1 for rows the solver adds). */
  readonly source: number;
  /** The rule it belongs to (index of the quota; -1 for rows the solver adds). */
  readonly group: number;
}

/** A b-matching with side rows, maximised. */
export interface RuleProblem {
  /** Residual graph; `edgeWeight` holds the objective weights. */
  readonly graph: BipartiteGraph;
  /** Rule rows in `>=` form. */
  readonly rows: readonly ProblemRow[];
  /**
   * When set, every solution has exactly this many pairs: the largest number the graph allows
   * (the subproblems are then solved in `maxCardinality` mode).
   */
  readonly cardinality: number | null;
  /**
   * When set, the rows themselves force exactly this many pairs (an at-least and an at-most row),
   * so share rows can be rounded as with `cardinality`.
   */
  readonly exactPairs?: number;
}

/** Relative tolerance of row checks. */
const ROW_TOLERANCE = 1e-9;

/**
 * Builds the rule rows over the residual graph.
 *
 * @param compiled - Rows over the eligibility graph's edges.
 * @param lockedEdges - Locked edges (eligibility indices): their part moves to the right-hand side.
 * @param residualToEdge - Eligibility edge of each residual edge; null when they are the same.
 * @param edgeCount - Number of eligibility edges.
 */
export function residualRows(compiled: readonly RuleRow[], lockedEdges: readonly number[], residualToEdge: Int32Array | null, edgeCount: number): ProblemRow[] {
  let toResidual: Int32Array | null = null;
  if (residualToEdge !== null) {
    toResidual = new Int32Array(edgeCount).fill(-1);
    for (let k = 0; k < residualToEdge.length; k++) toResidual[residualToEdge[k]!] = k;
  }
  const locked = new Uint8Array(edgeCount);
  for (const e of lockedEdges) locked[e] = 1;
  return compiled.map((row, source) => {
    const sign = row.sense === 'ge' ? 1 : -1;
    let rhs = sign * row.rhs;
    const edges: number[] = [];
    const coefs: number[] = [];
    for (let k = 0; k < row.edges.length; k++) {
      const e = row.edges[k]!;
      const c = sign * row.coefs[k]!;
      if (locked[e] === 1) rhs -= c;
      else {
        const r = toResidual === null ? e : toResidual[e]!;
        if (r >= 0) {
          edges.push(r);
          coefs.push(c);
        }
      }
    }
    const order = edges.map((_, i) => i).sort((a, b) => edges[a]! - edges[b]!);
    return { edges: Int32Array.from(order, (i) => edges[i]!), coefs: Float64Array.from(order, (i) => coefs[i]!), rhs, source, group: row.quotaIndex };
  });
}

/** How far each row falls short at a point (0 when it holds), within tolerance. */
export function rowShortfalls(rows: readonly ProblemRow[], x: Uint8Array): Float64Array {
  const out = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    let sum = 0;
    let scale = 1 + Math.abs(row.rhs);
    for (let k = 0; k < row.edges.length; k++) {
      if (x[row.edges[k]!] === 1) sum += row.coefs[k]!;
      scale += Math.abs(row.coefs[k]!);
    }
    const short = row.rhs - sum;
    out[i] = short > ROW_TOLERANCE * scale ? short : 0;
  });
  return out;
}

/** True when every row holds at a point. */
export function meetsRows(rows: readonly ProblemRow[], x: Uint8Array): boolean {
  return rowShortfalls(rows, x).every((s) => s === 0);
}

/** True when a point respects the graph's capacities. */
export function meetsCapacities(graph: BipartiteGraph, x: Uint8Array): boolean {
  const colLoad = new Int32Array(graph.cols);
  for (let r = 0; r < graph.rows; r++) {
    let load = 0;
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
      if (x[e] !== 1) continue;
      load++;
      colLoad[graph.edgeCol[e]!]!++;
    }
    if (load > graph.rowCapacity[r]!) return false;
  }
  for (let c = 0; c < graph.cols; c++) if (colLoad[c]! > graph.colCapacity[c]!) return false;
  return true;
}

/** Objective value of a point. */
export function valueOf(graph: BipartiteGraph, x: Uint8Array): number {
  let sum = 0;
  for (let e = 0; e < x.length; e++) if (x[e] === 1) sum += graph.edgeWeight[e]!;
  return sum;
}

/**
 * Rewrites rows for solutions with exactly `pairs` pairs: a row whose coefficients take two values
 * (a share rule: `1 - share` on the pairs that count, `-share` on the others, 0 off the row) is
 * the same, at a fixed number of pairs, as a count of the pairs that count, whose right-hand side
 * can be rounded: `cross >= ceil(share * pairs)`. Same integer solutions, a much tighter
 * relaxation (and 0/1 coefficients for the MIP solver).
 *
 * @param rows - Rows in `>=` form.
 * @param edgeCount - Number of edges of the graph (edges off a row have coefficient 0).
 * @param pairs - The fixed number of pairs.
 */
export function roundForPairCount(rows: readonly ProblemRow[], edgeCount: number, pairs: number): ProblemRow[] {
  return rows.map((row) => {
    const values = new Set<number>(row.coefs);
    if (row.edges.length < edgeCount) values.add(0);
    if (values.size !== 2) return row;
    const [a, b] = [...values] as [number, number];
    // Edges off the row are "out" when 0 is one of the values; else the most common value is.
    let out = values.has(0) ? 0 : a;
    if (!values.has(0)) {
      let countA = 0;
      for (const c of row.coefs) if (c === a) countA++;
      out = countA * 2 >= row.coefs.length ? a : b;
    }
    const inside = out === a ? b : a;
    const d = inside - out;
    const v = (row.rhs - out * pairs) / d;
    const edges: number[] = [];
    for (let k = 0; k < row.edges.length; k++) if (row.coefs[k] === inside) edges.push(row.edges[k]!);
    const tol = 1e-9 * (1 + Math.abs(v));
    if (d > 0) return { edges: Int32Array.from(edges), coefs: new Float64Array(edges.length).fill(1), rhs: Math.ceil(v - tol), source: row.source, group: row.group };
    return { edges: Int32Array.from(edges), coefs: new Float64Array(edges.length).fill(-1), rhs: -Math.floor(v + tol), source: row.source, group: row.group };
  });
}
