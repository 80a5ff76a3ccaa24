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
import { blend } from './blend';

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
  /** Prices to start from (default all 0). */
  readonly startPrices?: Float64Array;
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
  const search = (o: LagrangeOptions) => (problem.rows.length > 0 && problem.rows.length <= COORDINATE_MAX_ROWS ? coordinates(problem, control, o) : subgradient(problem, control, o));
  if (problem.rows.length === 0) return yield* search(options);
  const result = yield* search(options);
  if (result.incumbent !== null || result.stopped !== null) return result;
  // No solution met the rules: look for a proof that none can (a ray of the dual).
  const proof = yield* rays(problem, control, result.prices);
  const solves = result.solves + proof.solves;
  if (proof.stopped !== null) return { ...result, stopped: proof.stopped, solves };
  return proof.infeasible ? { ...result, bound: -Infinity, solves } : { ...result, solves };
}

/** Most times a price is multiplied while its row still fails: past that, the row is given up on. */
const MAX_RAISES = 8;

/** Looks for a dual ray: weights on the rows that no b-matching can meet. */
function* rays(problem: RuleProblem, control: Control, prices: Float64Array): Steps<{ infeasible: boolean; stopped: StopReason | null; solves: number }> {
  const directions: Float64Array[] = [];
  if (prices.some((p) => p > 0)) directions.push(prices);
  const scale = problem.rows.map((row) => 1 / Math.max(1e-9, row.coefs.reduce((m, c) => Math.max(m, Math.abs(c)), 0)));
  directions.push(Float64Array.from(scale));
  // Rules two by two (each rule's rows together): a conflict between two rules, such as every
  // comex member paired and at most one comex pair, shows in their sum.
  const groups = [...new Set(problem.rows.map((row) => row.group))];
  const within = (chosen: ReadonlySet<number>) => Float64Array.from(problem.rows, (row, i) => (chosen.has(row.group) ? scale[i]! : 0));
  for (let a = 0; a < groups.length && directions.length < RAY_MAX; a++) {
    directions.push(within(new Set([groups[a]!])));
    for (let b = a + 1; b < groups.length && directions.length < RAY_MAX; b++) directions.push(within(new Set([groups[a]!, groups[b]!])));
  }
  for (let i = 0; i < Math.min(problem.rows.length, RAY_SINGLE_ROWS); i++) {
    const d = new Float64Array(problem.rows.length);
    d[i] = 1;
    directions.push(d);
  }
  let solves = 0;
  for (const d of directions) {
    yield;
    const stopped = stopReason(control);
    if (stopped) return { infeasible: false, stopped, solves };
    solves++;
    if (provesInfeasible(problem, d)) return { infeasible: true, stopped: null, solves };
  }
  return { infeasible: false, stopped: null, solves };
}

/** Most single rows tried as rays when no solution was found. */
const RAY_SINGLE_ROWS = 16;
/** Most directions tried as rays before the single rows. */
const RAY_MAX = 32;

/**
 * True when no solution can meet the rows weighted by `d >= 0`: the best b-matching (with the
 * problem's fixed number of pairs, if any) for the combined row falls short of its right-hand
 * side. Every solution meeting each row meets their combination, so none exists.
 */
function provesInfeasible(problem: RuleProblem, d: Float64Array): boolean {
  const { graph, rows } = problem;
  const weight = new Float64Array(graph.edgeCol.length);
  let rhs = 0;
  let scale = 0;
  rows.forEach((row, i) => {
    const di = d[i]!;
    if (di === 0) return;
    rhs += di * row.rhs;
    scale += di * Math.abs(row.rhs);
    for (let k = 0; k < row.edges.length; k++) {
      weight[row.edges[k]!] = weight[row.edges[k]!]! + di * row.coefs[k]!;
      scale += Math.abs(di * row.coefs[k]!);
    }
  });
  const solved = solveGraph({ ...graph, edgeWeight: weight }, problem.cardinality === null ? 'maxWeight' : 'maxCardinality');
  // The best value, from the duals (an upper bound whatever the solver's accuracy).
  const fixed = problem.cardinality;
  const u = solved.duals.row.map((value) => Math.max(0, value));
  const v = solved.duals.col.map((value) => Math.max(0, value));
  const mu = fixed === null ? 0 : solved.duals.cardinality;
  let most = fixed === null ? 0 : fixed * mu;
  for (let r = 0; r < graph.rows; r++) most += u[r]! * graph.rowCapacity[r]!;
  for (let c = 0; c < graph.cols; c++) most += v[c]! * graph.colCapacity[c]!;
  for (let r = 0; r < graph.rows; r++) {
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
      const rc = u[r]! + v[graph.edgeCol[e]!]! + mu - weight[e]!;
      if (rc < 0) most -= rc;
    }
  }
  return most < rhs - 1e-9 * Math.max(1, scale);
}

/**
 * What a run has found so far: the best bound (and its prices and reduced costs), the best
 * solution meeting every rule, the number of core solves.
 */
class Progress {
  best: Priced | null = null;
  bestPrices: Float64Array;
  incumbent: Uint8Array | null;
  incumbentValue: number;
  solves = 0;
  /** Largest |weight|: the scale of a first price. */
  readonly maxWeight: number;

  constructor(
    private readonly problem: RuleProblem,
    private readonly targetGap: number,
    initial: Uint8Array | undefined,
  ) {
    this.bestPrices = new Float64Array(problem.rows.length);
    this.incumbent = initial ?? null;
    this.incumbentValue = initial === undefined ? -Infinity : valueOf(problem.graph, initial);
    let maxWeight = 0;
    for (const w of problem.graph.edgeWeight) maxWeight = Math.max(maxWeight, Math.abs(w));
    this.maxWeight = maxWeight;
  }

  /** Solves at some prices, keeps the best bound and solution; `meets` = every row holds. */
  solve(prices: Float64Array): { step: Priced; meets: boolean; improved: boolean } {
    const step = priced(this.problem, prices);
    this.solves++;
    const improved = this.best === null || step.bound < this.best.bound;
    if (improved) {
      this.best = step;
      this.bestPrices = prices.slice();
    }
    const meets = rowShortfalls(this.problem.rows, step.x).every((v) => v === 0);
    if (meets) this.offer(step.x);
    return { step, meets, improved };
  }

  /** Keeps a solution meeting every row when it beats the incumbent. */
  offer(x: Uint8Array): void {
    const value = valueOf(this.problem.graph, x);
    if (value > this.incumbentValue) {
      this.incumbent = x;
      this.incumbentValue = value;
    }
  }

  /** Bound and solution within the target gap. */
  done(): boolean {
    if (this.incumbent !== null && this.targetGap === Infinity) return true;
    return this.best !== null && this.incumbent !== null && this.best.bound - this.incumbentValue <= this.targetGap * Math.max(1, Math.abs(this.best.bound));
  }

  result(stopped: StopReason | null): LagrangeResult {
    const { best, incumbent, incumbentValue, solves } = this;
    if (best === null) {
      return { bound: Infinity, prices: this.bestPrices, reducedCosts: new Float64Array(this.problem.graph.edgeCol.length), incumbent, incumbentValue, stopped, solves };
    }
    return { bound: best.bound, prices: this.bestPrices, reducedCosts: best.reducedCosts, incumbent, incumbentValue, stopped, solves };
  }
}

/** Many rows: subgradient steps on all prices at once (Polyak), then repair. */
function* subgradient(problem: RuleProblem, control: Control, options: LagrangeOptions): Steps<LagrangeResult> {
  const { rows } = problem;
  const track = new Progress(problem, options.targetGap, options.initial);
  const prices = options.startPrices ? options.startPrices.slice() : new Float64Array(rows.length);
  let stopped: StopReason | null = null;
  let theta = 1;
  let sinceImproved = 0;
  let last: Priced | null = null;
  let feasibleAt: Float64Array | null = null;
  let infeasibleAt: Float64Array | null = null;
  for (let it = 0; it < options.maxIterations && !track.done(); it++) {
    if (it > 0) {
      yield;
      stopped = stopReason(control);
      if (stopped) break;
    }
    const { step, meets, improved } = track.solve(prices);
    last = step;
    if (improved) sinceImproved = 0;
    else if (++sinceImproved >= 4) {
      theta /= 2;
      sinceImproved = 0;
    }
    if (meets) feasibleAt = prices.slice();
    else infeasibleAt = prices.slice();
    if (rows.length === 0 || track.done() || theta < 1e-6) break;
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
    const bound = track.best!.bound;
    const target = track.incumbent !== null ? track.incumbentValue : bound - Math.max(1, 0.05 * Math.abs(bound));
    const t = (theta * Math.max(bound - target, 1e-9 * Math.max(1, Math.abs(bound)))) / norm;
    for (let i = 0; i < rows.length; i++) prices[i] = Math.max(0, prices[i]! + t * g[i]!);
  }

  // Repair when no priced solve met every rule: raise the prices of the short rows until one does.
  if (track.incumbent === null && stopped === null && last !== null && rows.length > 0) {
    let low: Float64Array = track.bestPrices.slice();
    infeasibleAt = low;
    let x = last.x;
    for (let round = 0; round < options.repairRounds && feasibleAt === null; round++) {
      yield;
      stopped = stopReason(control);
      if (stopped) break;
      const short = rowShortfalls(rows, x);
      const raised: Float64Array = low.slice();
      rows.forEach((row, i) => {
        if (short[i] === 0) return;
        let maxCoef = 0;
        for (let k = 0; k < row.coefs.length; k++) maxCoef = Math.max(maxCoef, Math.abs(row.coefs[k]!));
        raised[i] = 2 * raised[i]! + (track.maxWeight + 1) / Math.max(maxCoef, 1e-9);
      });
      const { step, meets } = track.solve(raised);
      x = step.x;
      if (meets) feasibleAt = raised;
      else {
        low = raised;
        infeasibleAt = raised;
      }
    }
  }

  // Line search between the last prices that failed the rules and the last that met them: near
  // the crossing, the solution that meets them has little slack left, so little score lost.
  if (feasibleAt !== null && infeasibleAt !== null) {
    let low: Float64Array = infeasibleAt;
    let high: Float64Array = feasibleAt;
    for (let round = 0; round < options.repairRounds && stopped === null && !track.done(); round++) {
      yield;
      stopped = stopReason(control);
      if (stopped) break;
      const mid = low.map((v, i) => (v + high[i]!) / 2);
      if (track.solve(mid).meets) high = mid;
      else low = mid;
    }
  }
  return track.result(stopped);
}

/** Most rows for which the prices move one at a time (coordinate descent); more use subgradients. */
const COORDINATE_MAX_ROWS = 64;

/**
 * Few rule rows: the prices move one at a time. Along one price p the dual function is convex and
 * piecewise linear, with slope `a.x(p) - rhs`; bracket its minimum (a price whose solution breaks
 * the row, one whose solution meets it) and cut at the crossing of the two tangents: each cut
 * lands on the minimum's piece or shrinks the bracket, so a few solves reach it. The row moved is
 * the one most short at the current solution (or, when none is, a priced row with room, whose
 * price can come down).
 */
function* coordinates(problem: RuleProblem, control: Control, options: LagrangeOptions): Steps<LagrangeResult> {
  const { rows } = problem;
  const track = new Progress(problem, options.targetGap, options.initial);
  const prices = options.startPrices ? options.startPrices.slice() : new Float64Array(rows.length);
  let stopped: StopReason | null = null;
  const budget = options.maxIterations + options.repairRounds;
  const maxCoef = rows.map((row) => row.coefs.reduce((m, c) => Math.max(m, Math.abs(c)), 1e-9));
  const lhsOf = (i: number, x: Uint8Array) => {
    const row = rows[i]!;
    let lhs = 0;
    for (let k = 0; k < row.edges.length; k++) if (x[row.edges[k]!] === 1) lhs += row.coefs[k]!;
    return lhs;
  };
  interface Point {
    readonly price: number;
    readonly bound: number;
    readonly slope: number;
    readonly x: Uint8Array;
  }
  /** Solves at the current prices with row i's price set to `price`. */
  const evaluate = (i: number, price: number): Point => {
    prices[i] = price;
    const { step } = track.solve(prices);
    return { price, bound: step.bound, slope: lhsOf(i, step.x) - rows[i]!.rhs, x: step.x };
  };
  const tolerance = (i: number) => 1e-9 * (1 + Math.abs(rows[i]!.rhs) + maxCoef[i]!);

  const first = evaluate(0, prices[0]!);
  let x = first.x;
  let bound = first.bound;
  /** Rows whose price was line-minimised since the last change of another price. */
  const settled = new Uint8Array(rows.length);
  while (track.solves < budget && !track.done()) {
    // The row to move: the most short one, else a priced one with room.
    let pick = -1;
    let worst = 0;
    rows.forEach((row, i) => {
      const short = (row.rhs - lhsOf(i, x)) / maxCoef[i]!;
      if (short > tolerance(i) && short > worst) {
        worst = short;
        pick = i;
      }
    });
    if (pick < 0) {
      rows.forEach((row, i) => {
        const room = (lhsOf(i, x) - row.rhs) / maxCoef[i]!;
        if (settled[i] === 0 && prices[i]! > 0 && room > tolerance(i) && room > worst) {
          worst = room;
          pick = i;
        }
      });
    }
    if (pick < 0) break; // x meets every row and every priced row is tight: optimal.
    const i = pick;
    yield;
    stopped = stopReason(control);
    if (stopped) break;
    const here: Point = { price: prices[i]!, bound: NaN, slope: lhsOf(i, x) - rows[i]!.rhs, x };
    let lo: Point;
    let hi: Point;
    if (here.slope < 0) {
      // Raise the price until the row holds.
      lo = { ...here, bound };
      let step = (track.maxWeight + 1) / maxCoef[i]!;
      let found: Point | null = null;
      for (let raise = 0; raise < MAX_RAISES && track.solves < budget; raise++) {
        const at = evaluate(i, lo.price + step);
        if (at.slope >= -tolerance(i)) {
          found = at;
          break;
        }
        lo = at;
        step *= 4;
        yield;
        stopped = stopReason(control);
        if (stopped) break;
      }
      if (found === null) break;
      hi = found;
    } else {
      // Lower the price: try 0 first.
      hi = { ...here, bound };
      const zero = evaluate(i, 0);
      if (zero.slope >= -tolerance(i)) {
        x = zero.x;
        bound = zero.bound;
        settled.fill(0);
        settled[i] = 1;
        continue;
      }
      lo = zero;
    }
    // Cut at the tangents' crossing until it lands on the minimum of this coordinate.
    while (track.solves < budget && !track.done()) {
      const denominator = hi.slope - lo.slope;
      if (!(denominator > 0)) break;
      const cross = (lo.bound - hi.bound + hi.slope * hi.price - lo.slope * lo.price) / denominator;
      if (!(cross > lo.price && cross < hi.price)) break;
      const predicted = lo.bound + lo.slope * (cross - lo.price);
      yield;
      stopped = stopReason(control);
      if (stopped) break;
      const at = evaluate(i, cross);
      if (at.bound <= predicted + 1e-9 * Math.max(1, Math.abs(predicted))) {
        hi = at.slope >= -tolerance(i) ? at : hi;
        lo = at.slope >= -tolerance(i) ? lo : at;
        break;
      }
      if (at.slope >= -tolerance(i)) hi = at;
      else lo = at;
    }
    if (stopped) break;
    // The solution below the crossing breaks the row but scores more: move the incumbent towards
    // it piece by piece while every row holds.
    if (track.incumbent !== null) {
      const better = blend(problem, track.incumbent, lo.x);
      if (better !== null) track.offer(better);
    }
    // Leave the price where the row holds (its solution is the one to continue from).
    if (hi.price !== here.price || !settled[i]) settled.fill(0);
    settled[i] = 1;
    prices[i] = hi.price;
    x = hi.x;
    bound = hi.bound;
  }
  return track.result(stopped);
}
