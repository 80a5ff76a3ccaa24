/**
 * Improves a feasible solution by moving it towards a better one that breaks a rule: the edges
 * where the two differ split into connected pieces, and each piece can be switched on its own (a
 * person's edges in one piece all switch together, so capacities still hold). Pieces are tried
 * best gain first and kept while every rule still holds.
 *
 * @module
 */
import type { RuleProblem } from './problem';
import { meetsRows } from './problem';

/**
 * Switches pieces of `toward` into `from` while the rules hold.
 *
 * @param problem - Graph and rule rows.
 * @param from - A solution meeting every rule (not mutated).
 * @param toward - Another solution (typically better, breaking a rule; not mutated).
 * @returns The improved solution, or null when no piece helps.
 */
export function blend(problem: RuleProblem, from: Uint8Array, toward: Uint8Array): Uint8Array | null {
  const { graph } = problem;
  const R = graph.rows;
  const parent = Int32Array.from({ length: R + graph.cols }, (_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  const diff: number[] = [];
  const edgeRow: number[] = [];
  for (let r = 0; r < R; r++) {
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
      if (from[e] === toward[e]) continue;
      diff.push(e);
      edgeRow.push(r);
      const a = find(r);
      const b = find(R + graph.edgeCol[e]!);
      if (a !== b) parent[a] = b;
    }
  }
  if (diff.length === 0) return null;
  const pieces = new Map<number, number[]>();
  diff.forEach((e, k) => {
    const root = find(edgeRow[k]!);
    const list = pieces.get(root);
    if (list) list.push(e);
    else pieces.set(root, [e]);
  });
  const gainOf = (piece: readonly number[]) => piece.reduce((g, e) => g + (toward[e] === 1 ? graph.edgeWeight[e]! : -graph.edgeWeight[e]!), 0);
  const ordered = [...pieces.values()].map((piece) => ({ piece, gain: gainOf(piece) })).filter((p) => p.gain > 1e-12);
  // Pieces with a pair-count change matter when the number of pairs is fixed: keep it as it was.
  ordered.sort((a, b) => b.gain - a.gain || a.piece[0]! - b.piece[0]!);
  const x = from.slice();
  let improved = false;
  for (const { piece } of ordered) {
    let delta = 0;
    for (const e of piece) {
      delta += toward[e]! - x[e]!;
      x[e] = toward[e]!;
    }
    if ((problem.cardinality !== null && delta !== 0) || !meetsRows(problem.rows, x)) {
      for (const e of piece) x[e] = from[e]!;
    } else improved = true;
  }
  return improved ? x : null;
}
