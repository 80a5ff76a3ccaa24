/**
 * The solver on classic linear assignment instances with published optima: the OR-Library
 * instances (J.E. Beasley; known optima in fixtures/orlib/README.md) and scipy's test vectors for
 * `linear_sum_assignment`, each run the four ways scipy runs them (minimise, maximise with negated
 * costs, and both on the transpose). A minimum-cost perfect assignment is the most pairs, then the
 * best weight, with weight = -cost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { solveBMatching, type BipartiteGraph } from '../../src/solver/b-matching';

type Cell = number | 'Infinity';

/**
 * A graph from a matrix, `Infinity` = forbidden, capacities 1: minimised (weight = -cell) for
 * sign 1, maximised (weight = cell) for sign -1.
 */
function graphFromCosts(cost: readonly (readonly Cell[])[], sign: 1 | -1, cols = cost.length === 0 ? 0 : cost[0]!.length): BipartiteGraph {
  const rows = cost.length;
  const rowStart = new Int32Array(rows + 1);
  const edgeCol: number[] = [];
  const edgeWeight: number[] = [];
  cost.forEach((row, r) => {
    row.forEach((c, k) => {
      if (c === 'Infinity') return;
      edgeCol.push(k);
      edgeWeight.push(-sign * c);
    });
    rowStart[r + 1] = edgeCol.length;
  });
  return {
    rows,
    cols,
    rowStart,
    edgeCol: Int32Array.from(edgeCol),
    edgeWeight: Float64Array.from(edgeWeight),
    rowCapacity: new Int32Array(rows).fill(1),
    colCapacity: new Int32Array(cols).fill(1),
  };
}

/** The matrix cells of the assigned pairs, sorted, from a solved graph. */
function assignedCosts(graph: BipartiteGraph, used: Uint8Array, sign: 1 | -1): number[] {
  const out: number[] = [];
  for (let e = 0; e < used.length; e++) if (used[e] === 1) out.push(-sign * graph.edgeWeight[e]!);
  return out.sort((a, b) => a - b);
}

const transpose = (m: readonly (readonly Cell[])[]): Cell[][] => (m.length === 0 ? [] : m[0]!.map((_, c) => m.map((row) => row[c]!)));

describe('OR-Library assignment instances reach their known optima', () => {
  const optima: Record<string, number> = { assign100: 305, assign500: 991, assign600: 1176, assign700: 1362 };
  test.each(Object.entries(optima))('%s: optimum %i', (name, optimum) => {
    const tokens = readFileSync(new URL(`../fixtures/orlib/${name}.txt`, import.meta.url), 'utf8').trim().split(/\s+/).map(Number);
    const n = tokens[0]!;
    expect(tokens).toHaveLength(1 + n * n);
    const cost = Array.from({ length: n }, (_, r) => tokens.slice(1 + r * n, 1 + (r + 1) * n));
    const graph = graphFromCosts(cost, 1);
    const result = solveBMatching(graph, 'maxCardinality');
    expect(result.pairCount).toBe(n);
    expect(-result.weight).toBe(optimum);
  });
});

interface ScipyCase {
  readonly id: string;
  readonly cost: Cell[][];
  readonly expected_assigned_costs: number[];
  readonly optimal_total: number;
}
const scipy = JSON.parse(readFileSync(new URL('../fixtures/scipy-lsa-cases.json', import.meta.url), 'utf8')) as {
  small_cases: ScipyCase[];
  other_cases: { id: string; cost?: unknown }[];
};

describe("scipy's linear_sum_assignment test vectors, four ways", () => {
  const ways = [
    ['minimise', 1, false],
    ['maximise negated', -1, false],
    ['minimise, transposed', 1, true],
    ['maximise negated, transposed', -1, true],
  ] as const;
  for (const c of scipy.small_cases) {
    test.each(ways)(`${c.id}: %s`, (_way, sign, transposed) => {
      const cost = c.cost.map((row) => row.map((v) => (v === 'Infinity' ? v : sign * v)));
      const matrix = transposed ? transpose(cost) : cost;
      const graph = graphFromCosts(matrix, sign);
      const result = solveBMatching(graph, 'maxCardinality');
      const expected = c.expected_assigned_costs.map((v) => sign * v).sort((a, b) => a - b);
      expect(result.pairCount).toBe(Math.min(matrix.length, matrix[0]?.length ?? 0));
      const assigned = assignedCosts(graph, result.edgeUsed, sign);
      expect(assigned).toEqual(expected);
      expect(assigned.reduce((a, b) => a + b, 0)).toBe(sign * c.optimal_total);
    });
  }

  test('constant 8x8 ones: the identity (regression gh-11602), and an infeasible column is detected', () => {
    const ones = Array.from({ length: 8 }, () => new Array<Cell>(8).fill(1));
    const graph = graphFromCosts(ones, 1);
    const result = solveBMatching(graph, 'maxCardinality');
    expect(result.pairCount).toBe(8);
    expect(-result.weight).toBe(8);
    const infeasible = graphFromCosts([['Infinity', 0, 0], ['Infinity', 1, 0], ['Infinity', 0, 1]], 1);
    expect(solveBMatching(infeasible, 'maxCardinality').pairCount).toBe(2);
    for (const [rows, cols] of [[0, 0], [0, 2], [3, 0]] as const) {
      const empty = graphFromCosts(Array.from({ length: rows }, () => new Array<Cell>(cols).fill(1)), 1, cols);
      expect(solveBMatching(empty, 'maxCardinality').pairCount).toBe(0);
    }
  });
});
