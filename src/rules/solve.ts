/**
 * Solves a b-matching with rule rows: the Lagrangian relaxation first (a bound, prices, often a
 * feasible solution), then, for an exact answer, reduced-cost fixing (pairs that cannot be in any
 * solution at least as good as the best known one are dropped) and a 0-1 program over the pairs
 * left, handed to a {@link MipSolver}.
 *
 * @module
 */
import { stopReason, timeLeft, type Control, type StopReason, type Steps } from './control';
import { lagrangian } from './lagrangian';
import type { MipModel, MipResult, MipRow, MipSolver } from './mip';
import { meetsCapacities, meetsRows, roundForPairCount, valueOf, type RuleProblem } from './problem';

/** How rules are solved: `auto` picks by model size. */
export type RuleMethod = 'auto' | 'mip' | 'lagrangian';

/** Options of {@link solveRules}. */
export interface RuleSolveOptions {
  readonly method: RuleMethod;
  readonly mip: MipSolver;
  readonly control: Control;
  /** A solution known to meet the rules. */
  readonly initial?: Uint8Array;
  /**
   * Whether to call the MIP solver when the Lagrangian method found no solution and no proof of
   * infeasibility (default true: only it can tell). False returns status `time-limit` then, for a
   * caller with a cheaper way to decide.
   */
  readonly mipWithoutSolution?: boolean;
  /** Receives the MIP solver's notes as they come (the caller's warnings). */
  readonly notes?: string[];
  /** Only whether a solution exists matters: stop at the first one found (status `feasible`). */
  readonly feasibility?: boolean;
}

/** Outcome of a solve with rules (see the result's `status`). */
export type RuleStatus = 'optimal' | 'feasible' | 'infeasible' | 'time-limit';

/** What {@link solveRules} returns. */
export interface RuleSolution {
  /** Chosen residual edges; null when no solution is known. */
  readonly x: Uint8Array | null;
  /** Objective value of `x`; `-Infinity` when none. */
  readonly value: number;
  /** Proven upper bound of the objective (`-Infinity` when infeasible). */
  readonly bound: number;
  readonly status: RuleStatus;
  /** `lagrangian` or `mip/<solver name>`. */
  readonly method: string;
  /** Price of each rule row at the best bound (> 0: the row binds). */
  readonly prices: Float64Array;
  /** Set when the time limit or the signal cut the solve short. */
  readonly stopped: StopReason | null;
  /** Core solves of the Lagrangian method, plus one per 0-1 program. */
  readonly solves: number;
  /** What the MIP solver said when it could not finish (see {@link MipResult.note}). */
  readonly notes: readonly string[];
}

/** Relative gap under which a solution counts as optimal (float noise). */
export const OPTIMAL_GAP = 1e-9;
const DEFAULT_AUTO_MAX_VARIABLES = 5000;
/** Most milliseconds for the restricted program. */
const RESTRICTED_TIME_MS = 2000;
/** Most pairs in the restricted program that looks for a better solution before fixing. */
const RESTRICTED_MAX_VARIABLES = 2000;

/** The 0-1 program over the kept edges. */
function mipModel(problem: RuleProblem, keep: Int32Array): { model: MipModel; trivialInfeasible: boolean } {
  const { graph, rows } = problem;
  const varOf = new Int32Array(graph.edgeCol.length).fill(-1);
  keep.forEach((e, i) => (varOf[e] = i));
  const objective = Float64Array.from(keep, (e) => graph.edgeWeight[e]!);
  const out: MipRow[] = [];
  const colVars: number[][] = Array.from({ length: graph.cols }, () => []);
  for (let r = 0; r < graph.rows; r++) {
    const vars: number[] = [];
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
      const i = varOf[e]!;
      if (i < 0) continue;
      vars.push(i);
      colVars[graph.edgeCol[e]!]!.push(i);
    }
    if (vars.length > graph.rowCapacity[r]!) out.push({ index: Int32Array.from(vars), value: new Float64Array(vars.length).fill(1), lower: -Infinity, upper: graph.rowCapacity[r]! });
  }
  colVars.forEach((vars, c) => {
    if (vars.length > graph.colCapacity[c]!) out.push({ index: Int32Array.from(vars.sort((a, b) => a - b)), value: new Float64Array(vars.length).fill(1), lower: -Infinity, upper: graph.colCapacity[c]! });
  });
  let trivialInfeasible = false;
  if (problem.cardinality !== null) {
    out.push({ index: Int32Array.from(keep, (_, i) => i), value: new Float64Array(keep.length).fill(1), lower: problem.cardinality, upper: problem.cardinality });
    if (keep.length < problem.cardinality) trivialInfeasible = true;
  }
  for (const row of rows) {
    const index: number[] = [];
    const value: number[] = [];
    let most = 0;
    for (let k = 0; k < row.edges.length; k++) {
      const i = varOf[row.edges[k]!]!;
      if (i < 0) continue;
      index.push(i);
      value.push(row.coefs[k]!);
      if (row.coefs[k]! > 0) most += row.coefs[k]!;
    }
    const tol = 1e-9 * (1 + Math.abs(row.rhs));
    if (index.length === 0) {
      if (row.rhs > tol) trivialInfeasible = true;
      continue;
    }
    if (most < row.rhs - tol) trivialInfeasible = true;
    out.push({ index: Int32Array.from(index), value: Float64Array.from(value), lower: row.rhs, upper: Infinity });
  }
  return { model: { variables: keep.length, objective, rows: out }, trivialInfeasible };
}

/**
 * Solves a rule problem.
 *
 * @param problem - Residual graph (weights = objective) and rule rows.
 * @param options - Method, MIP adapter, deadline and signal.
 */
export function* solveRules(given: RuleProblem, options: RuleSolveOptions): Steps<RuleSolution> {
  const { graph } = given;
  const fixedPairs = given.cardinality ?? given.exactPairs ?? null;
  const problem: RuleProblem = fixedPairs === null ? given : { ...given, rows: roundForPairCount(given.rows, graph.edgeCol.length, fixedPairs) };
  const relaxed = yield* lagrangian(problem, options.control, {
    maxIterations: options.feasibility ? 10 : 30,
    targetGap: options.feasibility ? Infinity : OPTIMAL_GAP,
    repairRounds: options.feasibility ? 10 : 20,
    ...(options.initial ? { initial: options.initial } : {}),
  });
  let x = relaxed.incumbent;
  let value = relaxed.incumbentValue;
  let bound = relaxed.bound;
  let stopped = relaxed.stopped;
  let method = 'lagrangian';
  let solves = relaxed.solves;
  const notes: string[] = [];
  const note = (text: string | undefined) => {
    if (text === undefined) return;
    notes.push(text);
    if (options.notes && !options.notes.includes(text)) options.notes.push(text);
  };
  const gapOf = () => (x === null ? Infinity : (bound - value) / Math.max(1, Math.abs(bound)));
  const finish = (): RuleSolution => {
    const status: RuleStatus = x !== null ? (gapOf() <= OPTIMAL_GAP ? 'optimal' : 'feasible') : bound === -Infinity ? 'infeasible' : 'time-limit';
    return { x, value, bound, status, method, prices: relaxed.prices, stopped: status === 'optimal' ? null : stopped, solves, notes };
  };
  if (bound === -Infinity || gapOf() <= OPTIMAL_GAP || stopped !== null || options.method === 'lagrangian' || (options.feasibility && x !== null)) return finish();
  /** A MIP point over some edges, as a solution of the whole graph, when it meets every rule. */
  const lift = (mx: Uint8Array | null, over: Int32Array): Uint8Array | null => {
    if (mx === null) return null;
    const p = new Uint8Array(graph.edgeCol.length);
    over.forEach((e, i) => {
      if (mx[i] === 1) p[e] = 1;
    });
    const pairs = p.reduce((n, b) => n + b, 0);
    const ok = meetsCapacities(graph, p) && meetsRows(problem.rows, p) && (problem.cardinality === null || pairs === problem.cardinality);
    return ok ? p : null;
  };

  const E = graph.edgeCol.length;
  const limit = options.mip.autoMaxVariables ?? DEFAULT_AUTO_MAX_VARIABLES;
  const rc = relaxed.reducedCosts;
  // Reduced-cost fixing: an edge whose reduced cost exceeds bound - incumbent cannot be in any
  // solution at least as good as the incumbent.
  const kept = (): Int32Array => {
    if (x === null) return Int32Array.from({ length: E }, (_, e) => e);
    const slack = bound - value + 1e-9 * Math.max(1, Math.abs(bound));
    const out: number[] = [];
    for (let e = 0; e < E; e++) if (rc[e]! <= slack) out.push(e);
    return Int32Array.from(out);
  };
  let keep = kept();
  const restrictedSize = Math.min(limit / 2, RESTRICTED_MAX_VARIABLES);
  if (x !== null && keep.length > restrictedSize) {
    // Too many pairs left for a quick exact solve: solve a restricted program first (the pairs of
    // least reduced cost, plus the incumbent's), whose optimum is a better incumbent, so the
    // fixing then removes far more.
    const order = Array.from({ length: E }, (_, e) => e).sort((a, b) => rc[a]! - rc[b]! || a - b);
    const chosen = new Uint8Array(E);
    for (let e = 0; e < E; e++) if (x[e] === 1) chosen[e] = 1;
    for (let k = 0, n = x.reduce((c, b) => c + b, 0); k < order.length && n < Math.max(restrictedSize, 1); k++) {
      if (chosen[order[k]!] === 0) {
        chosen[order[k]!] = 1;
        n++;
      }
    }
    const restricted = Int32Array.from(order.filter((e) => chosen[e] === 1).sort((a, b) => a - b));
    yield;
    stopped = stopReason(options.control);
    if (stopped !== null) return finish();
    // A heuristic: its own short budget, whatever it finds by then is used.
    const trial = options.mip.solve(mipModel(problem, restricted).model, { timeLimitMs: Math.min(timeLeft(options.control), RESTRICTED_TIME_MS) });
    solves++;
    note(trial.note);
    const point = lift(trial.x, restricted);
    if (point !== null) {
      const v = valueOf(graph, point);
      if (v > value) {
        x = point;
        value = v;
      }
    }
    if (gapOf() <= OPTIMAL_GAP) return finish();
    keep = kept();
  }
  // Too big for the MIP solver, auto returns the Lagrangian solution with its gap; with no
  // solution and no proof of infeasibility, only the MIP solver can tell, so it runs anyway.
  if (options.method === 'auto' && keep.length > limit && x !== null) return finish();
  if (x === null && options.mipWithoutSolution === false) return finish();

  yield;
  stopped = stopReason(options.control);
  if (stopped !== null) return finish();
  const { model, trivialInfeasible } = mipModel(problem, keep);
  method = `mip/${options.mip.name}`;
  if (trivialInfeasible && x === null) {
    bound = -Infinity;
    return finish();
  }
  const solved = options.mip.solve(model, { timeLimitMs: timeLeft(options.control) });
  solves++;
  note(solved.note);
  const point = lift(solved.x, keep);
  if (point !== null) {
    const v = valueOf(graph, point);
    if (v > value) {
      x = point;
      value = v;
    }
  }
  if (solved.status === 'optimal') bound = Math.min(bound, Math.max(value, solved.bound));
  else if (solved.status === 'infeasible') bound = x === null ? -Infinity : value;
  else {
    bound = Math.min(bound, solved.bound);
    if (!solved.note) stopped = stopReason(options.control) ?? 'time-limit';
  }
  return finish();
}
