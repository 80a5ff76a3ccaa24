/**
 * Solves the residual graph for the program's objective, with or without rules: the fast exact
 * core when nothing but pairs is asked, else the rule solvers (Lagrangian, then an exact 0-1
 * program), and the floor search of `maximin`.
 *
 * @module
 */
import type { Objective } from '../model/program';
import { now, type Control, type StopReason, type Steps } from '../rules/control';
import { adjacencyAtLeast, exactCountRows, maxPairs, pairCountRow, restrictRows, rowsByWeight, subgraph } from '../rules/graph-tools';
import type { MipSolver } from '../rules/mip';
import type { ProblemRow } from '../rules/problem';
import { OPTIMAL_GAP, solveRules, type RuleMethod, type RuleSolution, type RuleStatus } from '../rules/solve';
import { solveGraph, type GraphSolution } from '../solver/assignment';
import type { BipartiteGraph } from '../solver/b-matching';

/** How the residual graph was solved. */
export interface ProgramSolve {
  /** Chosen residual edges; null when no solution is known. */
  readonly edgeUsed: Uint8Array | null;
  readonly status: RuleStatus;
  /** `core`, `lagrangian` or `mip/<solver>`. */
  readonly method: string;
  /**
   * Proven upper bound of the residual pairs' total score among solutions with as many pairs (and,
   * for `maximin`, the same floor); null when none is known.
   */
  readonly bound: number | null;
  /** Whether the number of pairs is proven the largest the rules allow (pair objectives). */
  readonly pairsProven: boolean;
  /** Price of each rule row at the best bound (> 0: the row binds); empty without rules. */
  readonly prices: Float64Array;
  /** `maximin`: the floor reached (least score of a residual pair); null otherwise. */
  readonly floor: number | null;
  readonly stopped: StopReason | null;
  /** The core's solution (duals, potentials) when the core solved it alone. */
  readonly core: GraphSolution | null;
  /** Number of Lagrangian and MIP solves, for `stats`. */
  readonly solves: number;
}

/** Options of {@link solveProgram}. */
export interface ProgramSolveOptions {
  readonly method: RuleMethod;
  readonly mip: MipSolver;
  readonly control: Control;
  /** Receives the MIP solver's notes (the result's warnings). */
  readonly notes?: string[];
}

const ones = (graph: BipartiteGraph): BipartiteGraph => ({ ...graph, edgeWeight: new Float64Array(graph.edgeCol.length).fill(1) });
const countOf = (x: Uint8Array) => x.reduce((n, b) => n + b, 0);

function fromCore(core: GraphSolution, floor: number | null): ProgramSolve {
  return {
    edgeUsed: core.matching.edgeUsed,
    status: 'optimal',
    method: 'core',
    bound: core.matching.weight,
    pairsProven: true,
    prices: new Float64Array(0),
    floor,
    stopped: null,
    core,
    solves: 1,
  };
}

/** Best score with exactly the largest number of pairs the rules allow. */
function* solvePairs(graph: BipartiteGraph, rows: readonly ProblemRow[], options: ProgramSolveOptions, initial?: Uint8Array): Steps<{ solution: RuleSolution; pairsProven: boolean; solves: number }> {
  const K0 = maxPairs(graph);
  // First with every possible pair; when no solution is met there, the count below decides.
  const atMost = yield* solveRules({ graph, rows, cardinality: K0 }, { ...options, mipWithoutSolution: false, ...(initial && countOf(initial) === K0 ? { initial } : {}) });
  if (atMost.x !== null || (atMost.stopped !== null && atMost.status !== 'time-limit')) return { solution: atMost, pairsProven: true, solves: atMost.solves };
  if (atMost.stopped !== null) return { solution: atMost, pairsProven: false, solves: atMost.solves };
  // No solution with every possible pair. First, the Lagrangian method alone on most pairs then
  // best score as one weighted problem (each pair worth M more than any total of scores): a good
  // solution and a bound on the number of pairs.
  const M = 100 * (K0 + 1);
  const lifted: BipartiteGraph = { ...graph, edgeWeight: graph.edgeWeight.map((w) => w + M) };
  const both = yield* solveRules({ graph: lifted, rows, cardinality: null }, { ...options, method: 'lagrangian', mipWithoutSolution: false });
  let solves = atMost.solves + both.solves;
  let x = both.x;
  let K = x === null ? -1 : countOf(x);
  let pairsProven = x !== null && Math.floor((both.bound + 1e-9 * Math.abs(both.bound)) / M) <= K;
  // Optimal on the lifted weights within a tolerance relative to K * M, which may be loose on the
  // scores: accept it only when the gap is also tight in score units.
  const scoreGap = both.bound - both.value;
  if (x !== null && both.status === 'optimal' && scoreGap <= OPTIMAL_GAP * Math.max(1, Math.abs(both.value - K * M))) {
    return { solution: { ...both, value: both.value - K * M, bound: both.bound - K * M }, pairsProven: true, solves };
  }
  if ((both.stopped !== null && both.status === 'time-limit') || both.status === 'infeasible') return { solution: both, pairsProven: false, solves };
  if (!pairsProven && options.method !== 'lagrangian') {
    // The number of pairs is not proven: count exactly (unit weights suit the MIP solver).
    const count = yield* solveRules({ graph: ones(graph), rows, cardinality: null }, { ...options, ...(x ? { initial: x } : {}) });
    solves += count.solves;
    if (count.x === null) return { solution: { ...count, value: -Infinity }, pairsProven: false, solves };
    if (countOf(count.x) > K) {
      x = count.x;
      K = countOf(x);
    }
    pairsProven = count.status === 'optimal' || Math.floor(count.bound + 1e-6) <= K;
  }
  if (x === null) return { solution: { ...both, value: -Infinity }, pairsProven: false, solves };
  // The best score at exactly K pairs (share rows then round), from the best solution so far.
  const best = yield* solveRules({ graph, rows: [...rows, ...exactCountRows(graph, K)], cardinality: null, exactPairs: K }, { ...options, initial: x });
  solves += best.solves;
  return { solution: best, pairsProven, solves };
}

/**
 * Solves the residual graph.
 *
 * @param graph - Residual graph, weights = pair scores.
 * @param rows - Rule rows over its edges (`>=` form).
 * @param objective - The program's objective.
 * @param options - Method, MIP adapter, deadline and signal.
 */
export function* solveProgram(graph: BipartiteGraph, rows: readonly ProblemRow[], objective: Objective, options: ProgramSolveOptions): Steps<ProgramSolve> {
  if (rows.length === 0 && objective !== 'maximin') return fromCore(solveGraph(graph, objective === 'maxScore' ? 'maxWeight' : 'maxCardinality'), null);
  if (objective === 'maxScore') {
    const s = yield* solveRules({ graph, rows, cardinality: null }, options);
    return fromRules(s, true, null, s.solves);
  }
  if (objective === 'maxPairsThenScore') {
    const { solution, pairsProven, solves } = yield* solvePairs(graph, rows, options);
    return fromRules(solution, pairsProven, null, solves);
  }

  // maximin: as many pairs as possible, then the highest floor, then the best total above it.
  let solves = 0;
  let base: { x: Uint8Array; proven: boolean; K: number };
  if (rows.length === 0) {
    const core = solveGraph(graph, 'maxCardinality');
    solves++;
    base = { x: core.matching.edgeUsed, proven: true, K: core.matching.pairCount };
  } else {
    const first = yield* solvePairs(graph, rows, options);
    solves += first.solves;
    if (first.solution.x === null) return fromRules(first.solution, first.pairsProven, null, solves);
    base = { x: first.solution.x, proven: first.pairsProven && first.solution.status === 'optimal', K: countOf(first.solution.x) };
  }
  const all = Float64Array.from(graph.edgeWeight).sort();
  const weights: number[] = [];
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) weights.push(all[k]!);
  let low = Infinity;
  for (let e = 0; e < base.x.length; e++) if (base.x[e] === 1) low = Math.min(low, graph.edgeWeight[e]!);
  if (base.K === 0) low = weights[0] ?? 0;
  // Binary search over the distinct weights: lo is reachable, hi is not (or unknown).
  let lo = Math.max(0, weights.indexOf(low));
  let hi = weights.length;
  let floorProven = base.proven;
  let witness = base.x;
  const witnessFor = new Map<number, Uint8Array>([[lo, base.x]]);
  const sorted = rows.length === 0 ? rowsByWeight(graph) : null;
  while (hi - lo > 1 && base.K > 0) {
    yield;
    if (options.control.signal?.aborted || now() >= options.control.deadline) {
      floorProven = false;
      break;
    }
    const mid = (lo + hi) >>> 1;
    const tau = weights[mid]!;
    solves++;
    if (sorted !== null) {
      const adjacency = adjacencyAtLeast(sorted, graph.rows, graph.cols, tau);
      if (maxPairs({ ...adjacency, rowCapacity: graph.rowCapacity, colCapacity: graph.colCapacity }) >= base.K) lo = mid;
      else hi = mid;
      continue;
    }
    const sub = subgraph(graph, (e) => graph.edgeWeight[e]! >= tau);
    const subRows = [...restrictRows(rows, sub, graph.edgeCol.length), pairCountRow(sub.graph, base.K)];
    const s = yield* solveRules({ graph: ones(sub.graph), rows: subRows, cardinality: null }, options);
    solves += s.solves - 1;
    if (s.x !== null) {
      lo = mid;
      const x = new Uint8Array(graph.edgeCol.length);
      sub.toParent.forEach((p, c) => {
        if (s.x![c] === 1) x[p] = 1;
      });
      witnessFor.set(mid, x);
    } else {
      if (s.status !== 'infeasible') floorProven = false;
      hi = mid;
    }
  }
  witness = witnessFor.get(lo) ?? witness;
  const floor = base.K === 0 ? null : weights[lo]!;
  const tau = floor ?? -Infinity;
  const sub = subgraph(graph, (e) => graph.edgeWeight[e]! >= tau);
  const lift = (x: Uint8Array | null) => {
    if (x === null) return null;
    const out = new Uint8Array(graph.edgeCol.length);
    sub.toParent.forEach((p, c) => {
      if (x[c] === 1) out[p] = 1;
    });
    return out;
  };
  const toChild = new Int32Array(graph.edgeCol.length).fill(-1);
  sub.toParent.forEach((p, c) => (toChild[p] = c));
  const initial = new Uint8Array(sub.graph.edgeCol.length);
  for (let e = 0; e < witness.length; e++) if (witness[e] === 1 && toChild[e]! >= 0) initial[toChild[e]!] = 1;
  if (rows.length === 0) {
    const core = solveGraph(sub.graph, 'maxCardinality');
    solves++;
    const lifted = lift(core.matching.edgeUsed)!;
    return { ...fromCore(core, floor), edgeUsed: lifted, core: null, pairsProven: true, solves, status: floorProven ? 'optimal' : 'feasible' };
  }
  const subRows = [...restrictRows(rows, sub, graph.edgeCol.length), pairCountRow(sub.graph, base.K)];
  const final = yield* solveRules({ graph: sub.graph, rows: subRows, cardinality: null }, { ...options, initial });
  solves += final.solves;
  const solved = fromRules({ ...final, x: lift(final.x) }, base.proven, floor, solves);
  return floorProven ? solved : { ...solved, status: solved.status === 'optimal' ? 'feasible' : solved.status };
}

function fromRules(s: RuleSolution, pairsProven: boolean, floor: number | null, solves: number): ProgramSolve {
  const status: RuleStatus = s.status === 'optimal' && !pairsProven ? 'feasible' : s.status;
  return {
    edgeUsed: s.x,
    status,
    method: s.method,
    bound: Number.isFinite(s.bound) ? s.bound : null,
    pairsProven,
    prices: s.prices,
    floor,
    stopped: s.stopped,
    core: null,
    solves,
  };
}
