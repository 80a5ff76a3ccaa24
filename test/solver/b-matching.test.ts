import { describe, expect, test } from 'vitest';
import { ValidationError } from '../../src/errors';
import {
  createForcingOracle,
  solveBMatching,
  type BMatching,
  type BipartiteGraph,
  type MatchingObjective,
} from '../../src/solver/b-matching';
import { IndexedMinHeap } from '../../src/solver/heap';
import {
  bruteForce,
  bruteForceDrop,
  enumerateSubsets,
  graphFromMatrix,
  referenceForced,
  referenceSolve,
} from '../helpers/brute-force';
import { hungarianMax } from '../helpers/hungarian';
import { chance, int, permutation, pick, rng, type Rng } from '../helpers/random';

const OBJECTIVES: readonly MatchingObjective[] = ['maxWeight', 'maxCardinality'];

interface Instance {
  readonly matrix: number[][];
  readonly rowCap: number[];
  readonly colCap: number[];
  readonly graph: BipartiteGraph;
}

/** Small integers (ties), zeros, negatives, and floats. */
function randomWeight(rand: Rng): number {
  const kind = int(rand, 0, 9);
  if (kind <= 3) return int(rand, -2, 5);
  if (kind === 4) return 0;
  if (kind <= 7) return Math.round((rand() * 20 - 5) * 100) / 100;
  return rand() * 10 - 3;
}

interface Shape {
  readonly maxSide?: number;
  readonly caps?: readonly number[];
  readonly forbidden?: number;
  readonly weight?: (rand: Rng) => number;
}

function randomInstance(rand: Rng, shape: Shape = {}): Instance {
  const { maxSide = 5, caps = [0, 1, 1, 1, 2, 2, 3], forbidden = 0.3, weight = randomWeight } = shape;
  const rows = int(rand, 0, maxSide);
  const cols = int(rand, 0, maxSide);
  const rowCap = Array.from({ length: rows }, () => pick(rand, caps));
  const colCap = Array.from({ length: cols }, () => pick(rand, caps));
  const matrix = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (chance(rand, forbidden) ? NaN : weight(rand))));
  return { matrix, rowCap, colCap, graph: graphFromMatrix(matrix, rowCap, colCap) };
}

function denseInstance(rand: Rng, n: number, m = n): BipartiteGraph {
  const matrix = Array.from({ length: n }, () => Array.from({ length: m }, () => rand() * 100));
  return graphFromMatrix(matrix, new Array<number>(n).fill(1), new Array<number>(m).fill(1));
}

function edgeRows(graph: BipartiteGraph): Int32Array {
  const rowOf = new Int32Array(graph.edgeCol.length);
  for (let r = 0; r < graph.rows; r++) for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) rowOf[e] = r;
  return rowOf;
}

/** Capacities held, loads / count / weight consistent with `edgeUsed`. */
function checkMatching(graph: BipartiteGraph, m: BMatching): void {
  const edges = graph.edgeCol.length;
  expect(m.edgeUsed.length).toBe(edges);
  expect(m.rowLoad.length).toBe(graph.rows);
  expect(m.colLoad.length).toBe(graph.cols);
  const rowOf = edgeRows(graph);
  const rowLoad = new Int32Array(graph.rows);
  const colLoad = new Int32Array(graph.cols);
  let count = 0;
  let weight = 0;
  let scale = 0;
  let badFlags = 0;
  for (let e = 0; e < edges; e++) {
    scale = Math.max(scale, Math.abs(graph.edgeWeight[e]!));
    if (m.edgeUsed[e] !== 0 && m.edgeUsed[e] !== 1) badFlags++;
    if (m.edgeUsed[e] !== 1) continue;
    rowLoad[rowOf[e]!]!++;
    colLoad[graph.edgeCol[e]!]!++;
    count++;
    weight += graph.edgeWeight[e]!;
  }
  expect(badFlags).toBe(0);
  expect(Array.from(m.rowLoad)).toEqual(Array.from(rowLoad));
  expect(Array.from(m.colLoad)).toEqual(Array.from(colLoad));
  expect(Array.from(rowLoad).filter((load, r) => load > graph.rowCapacity[r]!)).toEqual([]);
  expect(Array.from(colLoad).filter((load, c) => load > graph.colCapacity[c]!)).toEqual([]);
  expect(m.pairCount).toBe(count);
  expect(Math.abs(m.weight - weight)).toBeLessThanOrEqual(1e-12 * Math.max(1, scale) * Math.max(1, count));
}

/** |actual - expected| <= 1e-9 * scale (scale: the largest |weight|). */
function expectRelClose(actual: number, expected: number, scale: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(scale, Number.MIN_VALUE));
}

function maxAbsWeight(graph: BipartiteGraph): number {
  let scale = 0;
  for (const w of graph.edgeWeight) scale = Math.max(scale, Math.abs(w));
  return scale;
}

/** The same graph with rows and columns renumbered; returns it and the new index of each edge. */
function permuted(instance: Instance, rand: Rng): { graph: BipartiteGraph; edgeMap: Int32Array } {
  const rowPerm = permutation(rand, instance.rowCap.length); // new row i is old row rowPerm[i]
  const colPerm = permutation(rand, instance.colCap.length);
  const matrix = rowPerm.map((r) => colPerm.map((c) => instance.matrix[r]![c]!));
  const graph = graphFromMatrix(
    matrix,
    rowPerm.map((r) => instance.rowCap[r]!),
    colPerm.map((c) => instance.colCap[c]!),
  );
  const newRow = new Int32Array(rowPerm.length);
  rowPerm.forEach((r, i) => (newRow[r] = i));
  const newCol = new Int32Array(colPerm.length);
  colPerm.forEach((c, i) => (newCol[c] = i));
  const old = instance.graph;
  const edgeMap = new Int32Array(old.edgeCol.length);
  for (let r = 0; r < old.rows; r++) {
    for (let e = old.rowStart[r]!; e < old.rowStart[r + 1]!; e++) {
      const nr = newRow[r]!;
      const nc = newCol[old.edgeCol[e]!]!;
      let k = graph.rowStart[nr]!;
      while (graph.edgeCol[k] !== nc) k++;
      edgeMap[e] = k;
    }
  }
  return { graph, edgeMap };
}

describe('IndexedMinHeap', () => {
  test('pops in (key, id) order with pushes, decrease-keys and ties', () => {
    const rand = rng(7);
    for (let round = 0; round < 200; round++) {
      const n = int(rand, 1, 60);
      const heap = new IndexedMinHeap(n);
      const key = new Map<number, number>();
      for (let op = 0; op < 3 * n; op++) {
        const id = int(rand, 0, n - 1);
        const k = int(rand, 0, 10) / 2;
        if (!heap.has(id)) {
          heap.push(id, k);
          key.set(id, k);
        } else if (k < key.get(id)!) {
          heap.decreaseKey(id, k);
          key.set(id, k);
        } else expect(heap.offer(id, k)).toBe(false);
        expect(heap.size).toBe(key.size);
      }
      const expected = [...key.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([id]) => id);
      const got: number[] = [];
      while (heap.size > 0) {
        expect(heap.keyOf(heap.peek())).toBe(heap.peekKey());
        got.push(heap.pop());
      }
      expect(got).toEqual(expected);
      expect(heap.pop()).toBe(-1);
      expect(heap.peekKey()).toBe(Infinity);
    }
  });

  test('offer inserts or lowers; clear empties in place', () => {
    const heap = new IndexedMinHeap(5);
    expect(heap.capacity).toBe(5);
    expect(heap.offer(3, 2)).toBe(true);
    expect(heap.offer(3, 1)).toBe(true);
    expect(heap.offer(3, 4)).toBe(false);
    expect(heap.offer(1, 1)).toBe(true);
    expect(heap.peek()).toBe(1);
    heap.clear();
    expect(heap.size).toBe(0);
    expect(heap.has(3)).toBe(false);
    expect(heap.keyOf(3)).toBe(Infinity);
    heap.push(3, 0);
    expect(heap.pop()).toBe(3);
  });
});

describe('brute force helpers', () => {
  test.each(OBJECTIVES)('memoised search equals literal subset enumeration (%s)', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 11 : 12);
    for (let i = 0; i < 150; i++) {
      const { graph } = randomInstance(rand, { maxSide: 4, forbidden: 0.4 });
      if (graph.edgeCol.length > 12) continue;
      const a = bruteForce(graph, objective)!;
      const b = enumerateSubsets(graph, objective)!;
      expect(a.weight).toBeCloseTo(b.weight, 9);
      if (objective === 'maxCardinality') expect(a.count).toBe(b.count);
      const e = graph.edgeCol.length > 0 ? int(rand, 0, graph.edgeCol.length - 1) : -1;
      if (e < 0) continue;
      const fa = bruteForce(graph, objective, e);
      const fb = enumerateSubsets(graph, objective, e);
      expect(fa === null).toBe(fb === null);
      if (fa !== null) expect(fa.weight).toBeCloseTo(fb!.weight, 9);
    }
  });
});

describe('solveBMatching equals brute force on small random instances', () => {
  test.each(OBJECTIVES)('%s: 800 instances', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 1 : 2);
    let pairs = 0;
    for (let i = 0; i < 800; i++) {
      const { graph } = randomInstance(rand);
      const m = solveBMatching(graph, objective);
      checkMatching(graph, m);
      const best = bruteForce(graph, objective)!;
      expect(m.weight).toBeCloseTo(best.weight, 9);
      if (objective === 'maxCardinality') expect(m.pairCount).toBe(best.count);
      else for (let e = 0; e < graph.edgeCol.length; e++) if (m.edgeUsed[e] === 1) expect(graph.edgeWeight[e]!).toBeGreaterThan(0);
      pairs += m.pairCount;
    }
    expect(pairs).toBeGreaterThan(1000);
  });

  test.each(OBJECTIVES)('%s: 300 instances with wide capacities and no forbidden pairs', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 3 : 4);
    for (let i = 0; i < 300; i++) {
      const { graph } = randomInstance(rand, { caps: [1, 2, 3, 4, 5], forbidden: 0 });
      const m = solveBMatching(graph, objective);
      checkMatching(graph, m);
      const best = bruteForce(graph, objective)!;
      expect(m.weight).toBeCloseTo(best.weight, 9);
      if (objective === 'maxCardinality') expect(m.pairCount).toBe(best.count);
    }
  });

  test('maxCardinality is lexicographic: one more pair beats any weight', () => {
    // Row 0 - col 0 weighs 100 alone; taking it blocks both other pairs (weight 1 each).
    const graph = graphFromMatrix(
      [
        [100, 1],
        [1, NaN],
      ],
      [1, 1],
      [1, 1],
    );
    const card = solveBMatching(graph, 'maxCardinality');
    expect(card.pairCount).toBe(2);
    expect(card.weight).toBe(2);
    const weight = solveBMatching(graph, 'maxWeight');
    expect(weight.pairCount).toBe(1);
    expect(weight.weight).toBe(100);
  });
});

describe('solveBMatching equals an independent Bellman-Ford min-cost flow on medium instances', () => {
  test.each(OBJECTIVES)('%s: 40 instances up to 25 x 25', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 5 : 6);
    for (let i = 0; i < 40; i++) {
      const { graph } = randomInstance(rand, { maxSide: 25, caps: [0, 1, 1, 2, 3, 4], forbidden: 0.6 });
      const m = solveBMatching(graph, objective);
      checkMatching(graph, m);
      const ref = referenceSolve(graph, objective);
      expectRelClose(m.weight, ref.weight, maxAbsWeight(graph) * Math.max(1, m.pairCount));
      if (objective === 'maxCardinality') expect(m.pairCount).toBe(ref.count);
    }
  });
});

describe('solveBMatching equals the Bellman-Ford reference on skewed shapes with large capacities', () => {
  test.each(OBJECTIVES)('%s: 30 tall and 30 wide instances', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 7 : 8);
    for (let i = 0; i < 60; i++) {
      const tall = i % 2 === 0;
      const rows = tall ? int(rand, 20, 40) : int(rand, 2, 8);
      const cols = tall ? int(rand, 2, 8) : int(rand, 20, 40);
      const rowCap = Array.from({ length: rows }, () => (tall ? int(rand, 0, 3) : int(rand, 0, 9)));
      const colCap = Array.from({ length: cols }, () => (tall ? int(rand, 0, 9) : int(rand, 0, 3)));
      const matrix = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (chance(rand, 0.4) ? NaN : randomWeight(rand))));
      const graph = graphFromMatrix(matrix, rowCap, colCap);
      const m = solveBMatching(graph, objective);
      checkMatching(graph, m);
      const ref = referenceSolve(graph, objective);
      expectRelClose(m.weight, ref.weight, maxAbsWeight(graph) * Math.max(1, m.pairCount));
      if (objective === 'maxCardinality') expect(m.pairCount).toBe(ref.count);
    }
  });
});

describe('createForcingOracle equals brute force with the edge forced', () => {
  test.each(OBJECTIVES)('%s: every edge of 700 instances', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 21 : 22);
    let nulls = 0;
    let positive = 0;
    let checked = 0;
    let lostPair = 0;
    for (let i = 0; i < 700; i++) {
      const { graph } = randomInstance(rand);
      const rowOf = edgeRows(graph);
      const m = solveBMatching(graph, objective);
      const oracle = createForcingOracle(graph, m, objective);
      for (let e = 0; e < graph.edgeCol.length; e++) {
        const expected = bruteForceDrop(graph, objective, e);
        const got = oracle(e);
        checked++;
        if (m.edgeUsed[e] === 1) expect(got).toBe(0);
        if (expected === null) {
          expect(got).toBeNull();
          nulls++;
          if (graph.rowCapacity[rowOf[e]!]! > 0 && graph.colCapacity[graph.edgeCol[e]!]! > 0) lostPair++;
        } else {
          expect(got).not.toBeNull();
          expect(got!).toBeGreaterThanOrEqual(0);
          expect(got!).toBeCloseTo(Math.max(0, expected), 9);
          if (got! > 1e-9) positive++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2500);
    expect(nulls).toBeGreaterThan(300);
    expect(positive).toBeGreaterThan(600);
    // maxWeight: null only for a zero capacity; maxCardinality: also when a pair would be lost.
    if (objective === 'maxWeight') expect(lostPair).toBe(0);
    else expect(lostPair).toBeGreaterThan(100);
  });

  test.each(OBJECTIVES)('%s: answers again when asked twice, in any order', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 23 : 24);
    for (let i = 0; i < 50; i++) {
      const { graph } = randomInstance(rand);
      const oracle = createForcingOracle(graph, solveBMatching(graph, objective), objective);
      const edges = graph.edgeCol.length;
      const first = Array.from({ length: edges }, (_, e) => oracle(e));
      const again = permutation(rand, edges).map((e) => [e, oracle(e)] as const);
      for (const [e, v] of again) expect(v).toBe(first[e]);
    }
  });

  test.each(OBJECTIVES)('%s: any optimal matching works, not only the solver own (re-solved for its dual)', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 25 : 26);
    let different = 0;
    for (let i = 0; i < 200; i++) {
      // Many ties, so the permuted solve often picks another optimal matching.
      const instance = randomInstance(rand, { maxSide: 6, weight: (r) => pick(r, [1, 1, 1, 2]) });
      const { graph } = instance;
      const own = solveBMatching(graph, objective);
      const p = permuted(instance, rand);
      const other = solveBMatching(p.graph, objective);
      const edgeUsed = new Uint8Array(graph.edgeCol.length);
      for (let e = 0; e < edgeUsed.length; e++) edgeUsed[e] = other.edgeUsed[p.edgeMap[e]!]!;
      const rowLoad = Int32Array.from({ length: graph.rows }, (_, r) => {
        let n = 0;
        for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) n += edgeUsed[e]!;
        return n;
      });
      const colLoad = new Int32Array(graph.cols);
      for (let e = 0; e < edgeUsed.length; e++) colLoad[graph.edgeCol[e]!]! += edgeUsed[e]!;
      const mapped: BMatching = { edgeUsed, pairCount: other.pairCount, weight: other.weight, rowLoad, colLoad };
      checkMatching(graph, mapped);
      if (edgeUsed.some((u, e) => u !== own.edgeUsed[e])) different++;
      const oracle = createForcingOracle(graph, mapped, objective);
      const copyOracle = createForcingOracle(graph, { ...own }, objective);
      for (let e = 0; e < graph.edgeCol.length; e++) {
        const expected = bruteForceDrop(graph, objective, e);
        for (const got of [oracle(e), copyOracle(e)]) {
          if (expected === null) expect(got).toBeNull();
          else expect(got).toBeCloseTo(Math.max(0, expected), 9);
        }
      }
    }
    expect(different).toBeGreaterThan(30);
  });

  test.each(OBJECTIVES)('%s: medium instances against the Bellman-Ford reference with the edge forced', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 27 : 28);
    for (let i = 0; i < 12; i++) {
      const { graph } = randomInstance(rand, { maxSide: 20, caps: [0, 1, 1, 2, 3], forbidden: 0.6 });
      const m = solveBMatching(graph, objective);
      const oracle = createForcingOracle(graph, m, objective);
      const scale = maxAbsWeight(graph) * Math.max(1, m.pairCount);
      for (let k = 0; k < 15 && graph.edgeCol.length > 0; k++) {
        const e = int(rand, 0, graph.edgeCol.length - 1);
        const forced = referenceForced(graph, objective, e);
        const got = oracle(e);
        if (forced === null || (objective === 'maxCardinality' && forced.count < m.pairCount)) expect(got).toBeNull();
        else {
          expect(got).not.toBeNull();
          expectRelClose(got!, Math.max(0, m.weight - forced.weight), scale);
        }
      }
    }
  });

  test('rejects a matching that is not optimal, a bad edge index, a malformed matching', () => {
    const graph = graphFromMatrix([[5, 1]], [1], [1, 1]);
    const empty: BMatching = { edgeUsed: new Uint8Array(2), pairCount: 0, weight: 0, rowLoad: new Int32Array(1), colLoad: new Int32Array(2) };
    expect(() => createForcingOracle(graph, empty, 'maxWeight')).toThrow(ValidationError);
    expect(() => createForcingOracle(graph, empty, 'maxCardinality')).toThrow(ValidationError);
    const worse: BMatching = { ...empty, edgeUsed: Uint8Array.of(0, 1), pairCount: 1, weight: 1 };
    expect(() => createForcingOracle(graph, worse, 'maxCardinality')).toThrow(ValidationError);
    const over: BMatching = { ...empty, edgeUsed: Uint8Array.of(1, 1), pairCount: 2, weight: 6 };
    expect(() => createForcingOracle(graph, over, 'maxWeight')).toThrow(ValidationError);
    expect(() => createForcingOracle(graph, { ...empty, edgeUsed: new Uint8Array(3) }, 'maxWeight')).toThrow(ValidationError);
    const m = solveBMatching(graph, 'maxWeight');
    const oracle = createForcingOracle(graph, m, 'maxWeight');
    expect(() => oracle(2)).toThrow(ValidationError);
    expect(() => oracle(-1)).toThrow(ValidationError);
    expect(() => oracle(0.5)).toThrow(ValidationError);
    expect(oracle(0)).toBe(0);
    expect(oracle(1)).toBe(4);
    // The oracle read the matching once: later changes to it do not matter.
    m.edgeUsed[0] = 0;
    expect(oracle(1)).toBe(4);
  });
});

describe('permutation invariance', () => {
  test.each(OBJECTIVES)('%s: renumbering rows and columns keeps the optimal value and the oracle values', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 31 : 32);
    for (let i = 0; i < 300; i++) {
      const instance = randomInstance(rand);
      const a = solveBMatching(instance.graph, objective);
      const p = permuted(instance, rand);
      const b = solveBMatching(p.graph, objective);
      checkMatching(p.graph, b);
      expect(b.weight).toBeCloseTo(a.weight, 9);
      if (objective === 'maxCardinality') expect(b.pairCount).toBe(a.pairCount);
      const oa = createForcingOracle(instance.graph, a, objective);
      const ob = createForcingOracle(p.graph, b, objective);
      for (let e = 0; e < instance.graph.edgeCol.length; e++) {
        const x = oa(e);
        const y = ob(p.edgeMap[e]!);
        if (x === null) expect(y).toBeNull();
        else expect(y).toBeCloseTo(x, 9);
      }
    }
  });
});

describe('degenerate inputs', () => {
  const empty = (rows: number, cols: number, cap = 1): BipartiteGraph =>
    graphFromMatrix([], new Array<number>(rows).fill(cap), new Array<number>(cols).fill(cap));

  test.each(OBJECTIVES)('%s: no rows, no columns, no edges', (objective) => {
    for (const [rows, cols] of [
      [0, 0],
      [0, 3],
      [3, 0],
      [4, 4],
    ] as const) {
      const graph = empty(rows, cols);
      const m = solveBMatching(graph, objective);
      checkMatching(graph, m);
      expect(m.pairCount).toBe(0);
      expect(m.weight).toBe(0);
      createForcingOracle(graph, m, objective);
    }
  });

  test('one edge: positive, zero, negative', () => {
    for (const w of [3.5, 0, -2]) {
      const graph = graphFromMatrix([[w]], [1], [1]);
      const mw = solveBMatching(graph, 'maxWeight');
      checkMatching(graph, mw);
      expect(mw.pairCount).toBe(w > 0 ? 1 : 0);
      expect(createForcingOracle(graph, mw, 'maxWeight')(0)).toBe(w > 0 ? 0 : Math.abs(w));
      const mc = solveBMatching(graph, 'maxCardinality');
      checkMatching(graph, mc);
      expect(mc.pairCount).toBe(1);
      expect(mc.weight).toBe(w);
      expect(createForcingOracle(graph, mc, 'maxCardinality')(0)).toBe(0);
    }
  });

  test.each(OBJECTIVES)('%s: every capacity 0, or only one side 0', (objective) => {
    const matrix = [
      [1, 2],
      [3, NaN],
    ];
    for (const [rowCap, colCap] of [
      [
        [0, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [1, 2],
      ],
      [
        [2, 1],
        [0, 0],
      ],
    ] as const) {
      const graph = graphFromMatrix(matrix, [...rowCap], [...colCap]);
      const m = solveBMatching(graph, objective);
      checkMatching(graph, m);
      expect(m.pairCount).toBe(0);
      const oracle = createForcingOracle(graph, m, objective);
      for (let e = 0; e < graph.edgeCol.length; e++) expect(oracle(e)).toBeNull();
    }
  });

  test.each(OBJECTIVES)('%s: a zero-capacity row or column gives null, the others a value', (objective) => {
    const graph = graphFromMatrix(
      [
        [1, 2],
        [3, 4],
      ],
      [0, 1],
      [1, 1],
    );
    const m = solveBMatching(graph, objective);
    const oracle = createForcingOracle(graph, m, objective);
    expect(oracle(0)).toBeNull();
    expect(oracle(1)).toBeNull();
    expect(oracle(2)).toBe(1);
    expect(oracle(3)).toBe(0);
  });

  test.each(OBJECTIVES)('%s: huge, tiny and mixed magnitudes keep relative precision', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 41 : 42);
    const magnitude = (r: Rng) => (chance(r, 0.2) ? -1 : 1) * 10 ** (r() * 24 - 12);
    const shapes: ((r: Rng) => number)[] = [
      (r) => randomWeight(r) * 1e12,
      (r) => randomWeight(r) * 1e-12,
      (r) => (r() + 0.5) * 1e12,
      (r) => (r() + 0.5) * 1e-12,
      magnitude,
    ];
    for (let i = 0; i < 250; i++) {
      const { graph } = randomInstance(rand, { weight: shapes[i % shapes.length]! });
      const m = solveBMatching(graph, objective);
      checkMatching(graph, m);
      const scale = maxAbsWeight(graph);
      const best = bruteForce(graph, objective)!;
      expectRelClose(m.weight, best.weight, scale);
      if (objective === 'maxCardinality') expect(m.pairCount).toBe(best.count);
      const oracle = createForcingOracle(graph, m, objective);
      for (let e = 0; e < graph.edgeCol.length; e++) {
        const expected = bruteForceDrop(graph, objective, e);
        const got = oracle(e);
        if (expected === null) expect(got).toBeNull();
        else expectRelClose(got!, Math.max(0, expected), scale);
      }
    }
  });

  test('tiny weights are not mistaken for zero', () => {
    const graph = graphFromMatrix([[1e-15, 2e-15]], [2], [1, 1]);
    const m = solveBMatching(graph, 'maxWeight');
    expect(m.pairCount).toBe(2);
    expect(m.weight).toBeCloseTo(3e-15, 25);
  });
});

describe('determinism', () => {
  test.each(OBJECTIVES)('%s: the same input twice gives the same edges', (objective) => {
    const rand = rng(objective === 'maxWeight' ? 51 : 52);
    for (let i = 0; i < 200; i++) {
      const { matrix, rowCap, colCap, graph } = randomInstance(rand, { maxSide: 8, weight: (r) => int(r, 0, 2) });
      const a = solveBMatching(graph, objective);
      const b = solveBMatching(graphFromMatrix(matrix, rowCap, colCap), objective);
      expect(Array.from(b.edgeUsed)).toEqual(Array.from(a.edgeUsed));
    }
    const dense = denseInstance(rng(53), 40);
    expect(Array.from(solveBMatching(dense, objective).edgeUsed)).toEqual(Array.from(solveBMatching(dense, objective).edgeUsed));
  });
});

describe('input validation', () => {
  const good = (): BipartiteGraph => graphFromMatrix([[1, 2]], [1], [1, 1]);
  test.each<[string, (g: BipartiteGraph) => BipartiteGraph]>([
    ['rowStart length', (g) => ({ ...g, rowStart: Int32Array.of(0) })],
    ['rowStart end', (g) => ({ ...g, rowStart: Int32Array.of(0, 1) })],
    ['column out of range', (g) => ({ ...g, edgeCol: Int32Array.of(0, 2) })],
    ['columns not ascending', (g) => ({ ...g, edgeCol: Int32Array.of(1, 0) })],
    ['duplicate edge', (g) => ({ ...g, edgeCol: Int32Array.of(1, 1) })],
    ['NaN weight', (g) => ({ ...g, edgeWeight: Float64Array.of(1, NaN) })],
    ['infinite weight', (g) => ({ ...g, edgeWeight: Float64Array.of(Infinity, 1) })],
    ['weights length', (g) => ({ ...g, edgeWeight: Float64Array.of(1) })],
    ['negative capacity', (g) => ({ ...g, colCapacity: Int32Array.of(1, -1) })],
    ['capacity length', (g) => ({ ...g, rowCapacity: Int32Array.of(1, 1) })],
    ['negative rows', (g) => ({ ...g, rows: -1 })],
  ])('rejects %s', (_, broken) => {
    for (const objective of OBJECTIVES) expect(() => solveBMatching(broken(good()), objective)).toThrow(ValidationError);
  });
});

describe('size sanity (timing-free)', () => {
  test.each(OBJECTIVES)('%s: dense 60 x 60 equals the Hungarian method, oracle equals Hungarian on the minor', (objective) => {
    const rand = rng(61);
    const n = 60;
    const matrix = Array.from({ length: n }, () => Array.from({ length: n }, () => rand() * 100));
    const graph = graphFromMatrix(matrix, new Array<number>(n).fill(1), new Array<number>(n).fill(1));
    const m = solveBMatching(graph, objective);
    checkMatching(graph, m);
    expect(m.pairCount).toBe(n);
    const best = hungarianMax(matrix).total;
    expect(m.weight).toBeCloseTo(best, 8);
    const oracle = createForcingOracle(graph, m, objective);
    for (let k = 0; k < 20; k++) {
      const i = int(rand, 0, n - 1);
      const j = int(rand, 0, n - 1);
      const minor = matrix.filter((_, r) => r !== i).map((row) => row.filter((_, c) => c !== j));
      const forced = matrix[i]![j]! + hungarianMax(minor).total;
      expect(oracle(i * n + j)).toBeCloseTo(best - forced, 8);
    }
  });

  test.each(OBJECTIVES)('%s: dense 500 x 500 solves, equals the Hungarian method', (objective) => {
    const rand = rng(500);
    const n = 500;
    const matrix = Array.from({ length: n }, () => Array.from({ length: n }, () => rand() * 100));
    const graph = graphFromMatrix(matrix, new Array<number>(n).fill(1), new Array<number>(n).fill(1));
    const m = solveBMatching(graph, objective);
    checkMatching(graph, m);
    expect(m.pairCount).toBe(n);
    expect(m.weight).toBeCloseTo(hungarianMax(matrix).total, 6);
    const oracle = createForcingOracle(graph, m, objective);
    for (let k = 0; k < 50; k++) expect(oracle(int(rand, 0, n * n - 1))).toBeGreaterThanOrEqual(0);
  });
});
