/**
 * Splits a b-matching into its connected components and solves each on its own. Besides saving
 * work, this keeps each component's potentials at its own scale: a single flow network joins all
 * components through its source and sink, so weights of 1e12 in one part would swamp differences
 * of 1e-12 in another.
 *
 * @module
 */
import { solveBMatchingWithPotentials, type BipartiteGraph, type MatchingObjective } from './b-matching';
import { flowDuals, type MaxFormDuals } from './flow-duals';

/** A component-wise solve: which edges are chosen, and duals for the whole graph. */
export interface ComponentSolution {
  readonly edgeUsed: Uint8Array;
  readonly pairCount: number;
  readonly duals: MaxFormDuals;
}

/** Component of each row and column (columns after the rows), by union-find over the edges. */
function componentsOf(graph: BipartiteGraph): { id: Int32Array; count: number } {
  const { rows, cols, rowStart, edgeCol } = graph;
  const parent = Int32Array.from({ length: rows + cols }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const a = find(r);
      const b = find(rows + edgeCol[e]!);
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
    }
  }
  const id = new Int32Array(rows + cols).fill(-1);
  let count = 0;
  const label = new Int32Array(rows + cols).fill(-1);
  for (let x = 0; x < rows + cols; x++) {
    const root = find(x);
    if (label[root] === -1) label[root] = count++;
    id[x] = label[root]!;
  }
  return { id, count };
}

/**
 * Solves each connected component of `graph` separately and joins the results. For
 * `maxCardinality` the components' cardinality duals differ: the smallest is kept and each
 * component's excess moves into the duals of a side it saturates (which costs nothing in the dual
 * bound); when a component saturates neither side, the join is not possible and null is returned.
 *
 * @returns The joined solution, or null when the graph is connected or the join is not possible.
 */
export function solveByComponents(graph: BipartiteGraph, objective: MatchingObjective): ComponentSolution | null {
  const { rows, cols, rowStart, edgeCol, edgeWeight, rowCapacity, colCapacity } = graph;
  const { id, count } = componentsOf(graph);
  if (count <= 1) return null;
  // Local indices of each row and column within its component.
  const local = new Int32Array(rows + cols);
  const rowCount = new Int32Array(count);
  const colCount = new Int32Array(count);
  for (let r = 0; r < rows; r++) local[r] = rowCount[id[r]!]!++;
  for (let c = 0; c < cols; c++) local[rows + c] = colCount[id[rows + c]!]!++;
  const members = Array.from({ length: count }, (_, k) => ({ rows: new Int32Array(rowCount[k]!), cols: new Int32Array(colCount[k]!) }));
  for (let r = 0; r < rows; r++) members[id[r]!]!.rows[local[r]!] = r;
  for (let c = 0; c < cols; c++) members[id[rows + c]!]!.cols[local[rows + c]!] = c;

  const edgeUsed = new Uint8Array(edgeCol.length);
  const row = new Float64Array(rows);
  const col = new Float64Array(cols);
  const lambdas = new Float64Array(count);
  const saturated: ('rows' | 'cols' | null)[] = [];
  let pairCount = 0;
  for (let k = 0; k < count; k++) {
    const { rows: rs, cols: cs } = members[k]!;
    // The component's subgraph: its rows in order, their edges (all inside the component).
    const start = new Int32Array(rs.length + 1);
    for (let i = 0; i < rs.length; i++) start[i + 1] = start[i]! + rowStart[rs[i]! + 1]! - rowStart[rs[i]!]!;
    const subCol = new Int32Array(start[rs.length]!);
    const subWeight = new Float64Array(subCol.length);
    for (let i = 0; i < rs.length; i++) {
      const r = rs[i]!;
      for (let e = rowStart[r]!, t = start[i]!; e < rowStart[r + 1]!; e++, t++) {
        subCol[t] = local[rows + edgeCol[e]!]!;
        subWeight[t] = edgeWeight[e]!;
      }
    }
    const sub: BipartiteGraph = {
      rows: rs.length,
      cols: cs.length,
      rowStart: start,
      edgeCol: subCol,
      edgeWeight: subWeight,
      rowCapacity: Int32Array.from(rs, (r) => rowCapacity[r]!),
      colCapacity: Int32Array.from(cs, (c) => colCapacity[c]!),
    };
    const { matching, pi } = solveBMatchingWithPotentials(sub, objective);
    const d = flowDuals(sub, matching.edgeUsed, pi, objective);
    pairCount += matching.pairCount;
    for (let i = 0; i < rs.length; i++) {
      const r = rs[i]!;
      row[r] = d.row[i]!;
      for (let e = rowStart[r]!, t = start[i]!; e < rowStart[r + 1]!; e++, t++) edgeUsed[e] = matching.edgeUsed[t]!;
    }
    for (let j = 0; j < cs.length; j++) col[cs[j]!] = d.col[j]!;
    lambdas[k] = d.cardinality;
    let rowsFull = true;
    let colsFull = true;
    for (let i = 0; i < rs.length; i++) if (matching.rowLoad[i]! < sub.rowCapacity[i]!) rowsFull = false;
    for (let j = 0; j < cs.length; j++) if (matching.colLoad[j]! < sub.colCapacity[j]!) colsFull = false;
    saturated.push(rowsFull ? 'rows' : colsFull ? 'cols' : null);
  }
  let cardinality = 0;
  if (objective === 'maxCardinality') {
    cardinality = lambdas.reduce((a, b) => Math.min(a, b), Infinity); // no spread: components may be many
    for (let k = 0; k < count; k++) {
      const delta = lambdas[k]! - cardinality;
      if (delta === 0) continue;
      const side = saturated[k];
      if (side === null) return null;
      if (side === 'rows') for (const r of members[k]!.rows) row[r] = row[r]! + delta;
      else for (const c of members[k]!.cols) col[c] = col[c]! + delta;
    }
  }
  return { edgeUsed, pairCount, duals: { row, col, cardinality } };
}
