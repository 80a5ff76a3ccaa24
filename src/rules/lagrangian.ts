/**
 * Lagrangian relaxation around the fast exact core: the rule rows are priced into the pair
 * weights, the b-matching is solved exactly, and the prices move along the subgradient (Polyak
 * steps). Every solve gives a proven upper bound (from its duals, so it holds even if the solve
 * were inexact); every solve that happens to meet the rules is a feasible solution. When the
 * prices alone find none, the prices of the rows still short are raised until one appears.
 *
 * @module
 */
import { solveGraph } from '../solver/assignment';
import { stopReason, type Control, type StopReason, type Steps } from './control';
import type { RuleProblem } from './problem';
import { rowShortfalls, valueOf } from './problem';

/** What the relaxation found. */
export interface LagrangeResult {
  /** Best (least) proven upper bound of the objective. */
  readonly bound: number;
  /** Row prices at the best bound (>= 0, one per row). */
  readonly prices: Float64Array;
  /** Reduced cost of each edge at the best bound (`u + v - priced weight`): forcing an edge in lowers the bound by at least this much. */
  readonly reducedCosts: Float64Array;
  /** Best solution meeting every rule; null when none was found. */
  readonly incumbent: Uint8Array | null;
  /** Its objective value; `-Infinity` when there is none. */
  readonly incumbentValue: number;
  /** Set when the time limit or the signal stopped the loop. */
  readonly stopped: StopReason | null;
  /** Number of core solves. */
  readonly solves: number;
}

/** Options of {@link lagrangian}. */
export interface LagrangeOptions {
  /** Most subgradient iterations. */
  readonly maxIterations: number;
  /** Stop when `(bound - incumbent) <= targetGap * max(1, |bound|)`. */
  readonly targetGap: number;
  /** Most rounds of raising the prices of short rows when no feasible solution was met. */
  readonly repairRounds: number;
  /** A solution known to meet the rules, to start from. */
  readonly initial?: Uint8Array;
}

interface Priced {
  readonly x: Uint8Array;
  /** Upper bound of the objective over points meeting the rules: dual bound - prices . rhs. */
  readonly bound: number;
  readonly reducedCosts: Float64Array;
}

/** Solves the b-matching with priced weights and derives the bound from its duals. */
function priced(problem: RuleProblem, prices: Float64Array): Priced {
  const { graph, rows } = problem;
  const weight = Float64Array.from(graph.edgeWeight);
  let constant = 0;
  rows.forEach((row, i) => {
    const p = prices[i]!;
    if (p === 0) return;
    constant += p * row.rhs;
    for (let k = 0; k < row.edges.length; k++) weight[row.edges[k]!] = weight[row.edges[k]!]! + p * row.coefs[k]!;
  });
  const fixed = problem.cardinality;
  const solved = solveGraph({ ...graph, edgeWeight: weight }, fixed === null ? 'maxWeight' : 'maxCardinality');
  if (fixed !== null && solved.matching.pairCount !== fixed) throw new Error(`internal: expected ${fixed} pairs, got ${solved.matching.pairCount}`);
  // Any u, v >= 0 (and, with a fixed number of pairs, any mu) with z_e = max(0, w_e - u_r - v_c -
  // mu) is dual feasible: the bound holds whatever the solver's accuracy.
  const u = solved.duals.row.map((value) => Math.max(0, value));
  const v = solved.duals.col.map((value) => Math.max(0, value));
  const mu = fixed === null ? 0 : solved.duals.cardinality;
  let dual = fixed === null ? 0 : fixed * mu;
  for (let r = 0; r < graph.rows; r++) dual += u[r]! * graph.rowCapacity[r]!;
  for (let c = 0; c < graph.cols; c++) dual += v[c]! * graph.colCapacity[c]!;
  const reducedCosts = new Float64Array(weight.length);
  for (let r = 0; r < graph.rows; r++) {
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
      const rc = u[r]! + v[graph.edgeCol[e]!]! + mu - weight[e]!;
      reducedCosts[e] = rc;
      if (rc < 0) dual -= rc;
    }
  }
  return { x: solved.matching.edgeUsed, bound: dual - constant, reducedCosts };
}

/**
 * Runs the relaxation.
 *
 * @param problem - The residual graph with its rule rows.
 * @param control - Deadline and stop signal, checked between solves.
 * @param options - Iteration limits and target gap.
 */
export function* lagrangian(problem: RuleProblem, control: Control, options: LagrangeOptions): Steps<LagrangeResult> {
  const { rows, graph } = problem;
  const prices = new Float64Array(rows.length);
  let best: Priced | null = null;
  let bestPrices = prices.slice();
  let incumbent: Uint8Array | null = options.initial ?? null;
  let incumbentValue = incumbent === null ? -Infinity : valueOf(graph, incumbent);
  let stopped: StopReason | null = null;
  let solves = 0;
  let theta = 1;
  let sinceImproved = 0;
  let maxWeight = 0;
  for (let e = 0; e < graph.edgeWeight.length; e++) maxWeight = Math.max(maxWeight, Math.abs(graph.edgeWeight[e]!));
  const done = () => best !== null && incumbent !== null && best.bound - incumbentValue <= options.targetGap * Math.max(1, Math.abs(best.bound));

  let last: Priced | null = null;
  for (let it = 0; it < options.maxIterations && !done(); it++) {
    if (it > 0) {
      yield;
      stopped = stopReason(control);
      if (stopped) break;
    }
    const step = priced(problem, prices);
    solves++;
    last = step;
    if (best === null || step.bound < best.bound) {
      best = step;
      bestPrices = prices.slice();
      sinceImproved = 0;
    } else if (++sinceImproved >= 4) {
      theta /= 2;
      sinceImproved = 0;
    }
    const short = rowShortfalls(rows, step.x);
    if (short.every((s) => s === 0)) {
      const value = valueOf(graph, step.x);
      if (value > incumbentValue) {
        incumbent = step.x;
        incumbentValue = value;
      }
    }
    if (rows.length === 0 || done() || theta < 1e-6) break;
    // Subgradient: rhs - a.x per row; a row with price 0 that holds with room does not move.
    const g = new Float64Array(rows.length);
    let norm = 0;
    rows.forEach((row, i) => {
      let sum = 0;
      for (let k = 0; k < row.edges.length; k++) if (step.x[row.edges[k]!] === 1) sum += row.coefs[k]!;
      const gi = row.rhs - sum;
      g[i] = prices[i]! === 0 && gi < 0 ? 0 : gi;
      norm += g[i]! * g[i]!;
    });
    if (norm === 0) break;
    const target = incumbent !== null ? incumbentValue : best.bound - Math.max(1, 0.05 * Math.abs(best.bound));
    const t = (theta * Math.max(best.bound - target, 1e-9 * Math.max(1, Math.abs(best.bound)))) / norm;
    for (let i = 0; i < rows.length; i++) prices[i] = Math.max(0, prices[i]! + t * g[i]!);
  }

  // Repair: no priced solve met every rule, so raise the prices of the short rows until one does.
  if (incumbent === null && stopped === null && last !== null && rows.length > 0) {
    const raised = bestPrices.slice();
    let x = last.x;
    for (let round = 0; round < options.repairRounds; round++) {
      yield;
      stopped = stopReason(control);
      if (stopped) break;
      const short = rowShortfalls(rows, x);
      rows.forEach((row, i) => {
        if (short[i] === 0) return;
        let maxCoef = 0;
        for (let k = 0; k < row.coefs.length; k++) maxCoef = Math.max(maxCoef, Math.abs(row.coefs[k]!));
        raised[i] = 2 * raised[i]! + (maxWeight + 1) / Math.max(maxCoef, 1e-9);
      });
      const step = priced(problem, raised);
      solves++;
      if (best === null || step.bound < best.bound) {
        best = step;
        bestPrices = raised.slice();
      }
      x = step.x;
      if (rowShortfalls(rows, x).every((s) => s === 0)) {
        incumbent = x;
        incumbentValue = valueOf(graph, x);
        break;
      }
    }
  }
  if (best === null) {
    return { bound: Infinity, prices, reducedCosts: new Float64Array(graph.edgeCol.length), incumbent, incumbentValue, stopped, solves };
  }
  return { bound: best.bound, prices: bestPrices, reducedCosts: best.reducedCosts, incumbent, incumbentValue, stopped, solves };
}
