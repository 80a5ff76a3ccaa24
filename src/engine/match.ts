import { throwIfAny } from '../errors';
import { SolutionView } from '../explain/solution-view';
import { explainPair } from '../explain/pairs';
import { explainUnmatched } from '../explain/unmatched';
import { explainRules, type RuleExplainer } from '../explain/rules';
import type { Diagnosis, MatchResult, MatchStats, ResultPair } from '../model/result';
import { compileKeepRules, compileRules, type KeepRule } from '../rules/compile';
import { now, runAsync, runSync, type Steps } from '../rules/control';
import { lpSolver } from '../rules/lp-solver';
import { residualRows } from '../rules/problem';
import { solveGraph } from '../solver/assignment';
import { createForcingOracle, type MatchingObjective } from '../solver/b-matching';
import { certify } from './certificate';
import { optionIssues } from './check-options';
import { diagnose } from './diagnose';
import { solveProgram } from './solve-program';
import { buildEligibility } from './eligibility';
import { splitLocked } from './locked-pairs';
import type { MatchInput, MatchOptions, ProgressPhase } from './options';
import { prepare } from './prepare';


/**
 * Forms the best pairs of a cohort and explains each.
 *
 * Validates the input, scores every pair allowed by the hard constraints, fixes the locked pairs,
 * then solves for the program's objective: `maxScore` (best total), `maxPairsThenScore` (most
 * pairs, then the best total among those) or `maximin` (most pairs, then the highest least pair
 * score, then the best total above that floor), under the program's quotas. Without quotas (and
 * for `maxScore`/`maxPairsThenScore`) the exact assignment core solves it with a dual
 * certificate; with quotas, the Lagrangian method and an exact 0-1 program
 * (`options.mipSolver`, javascript-lp-solver by default) do (see `options.solver`). Among equally
 * good answers the choice depends on ids only, never on input order.
 *
 * Runs to the end without giving the event loop a turn: `options.timeLimitMs` is honoured, and
 * `options.signal` is checked between steps; use {@link matchAsync} for a signal that a timer or a
 * click can fire during the solve.
 *
 * @param input - Participants and program, raw or parsed; never mutated.
 * @param options - Locale, plug-ins, solver choice, time limit.
 * @returns Pairs sorted by junior id then senior id, each with its contributions, ranks, best
 *   alternatives and a readable explanation; everyone unpaired with a reason; `status`, `method`,
 *   `bound`, `gap`; a `diagnosis` when the rules cannot hold; figures in `stats`.
 * @throws ValidationError naming each bad record and field; LockedPairConflictError; PluginError.
 * @example
 * const { pairs, unmatched } = match({ participants, program: {} }, { locale: 'fr' });
 */
export function match(input: MatchInput, options: MatchOptions = {}): MatchResult {
  return runSync(matchSteps(input, options));
}

/**
 * {@link match}, giving the event loop a turn between solve steps (at most every 20 ms), so an
 * `AbortSignal` fired meanwhile stops the solve; the best solution found so far comes back with
 * its gap (status `feasible`), or status `time-limit` when there is none.
 *
 * @example
 * const result = await matchAsync(input, { signal: AbortSignal.timeout(2000) });
 */
export function matchAsync(input: MatchInput, options: MatchOptions = {}): Promise<MatchResult> {
  try {
    return runAsync(matchSteps(input, options));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Counts the pauses of a solve as progress steps of a phase. */
function* counted<T>(steps: Steps<T>, tell: (done: number) => void): Steps<T> {
  let done = 0;
  let step = steps.next();
  while (!step.done) {
    tell(++done);
    yield;
    step = steps.next();
  }
  return step.value;
}

/** A progress callback that keeps quiet inside a phase unless `total` is known or a step is a power of 2. */
function progress(options: MatchOptions): (phase: ProgressPhase, done: number, total: number | null) => void {
  const report = options.onProgress;
  if (!report) return () => {};
  return (phase, done, total) => {
    if (total === null && done > 0 && (done & (done - 1)) !== 0) return;
    report({ phase, done, total });
  };
}

/**
 * {@link match} with engine-made rules on top of the program's (not part of the public API; used by
 * `rematch` to keep all but a few of the unaffected pairs).
 *
 * @internal
 */
export function matchKeeping(input: MatchInput, options: MatchOptions, keep: readonly KeepRule[]): MatchResult {
  return runSync(matchSteps(input, options, keep));
}

function* matchSteps(input: MatchInput, options: MatchOptions, keep: readonly KeepRule[] = []): Steps<MatchResult> {
  // Before anything reads them (the progress callback first): a web form may send any value.
  throwIfAny(optionIssues(options));
  const tell = progress(options);
  const t0 = now();
  tell('validate', 0, 1);
  const prepared = prepare(input, options);
  tell('validate', 1, 1);
  const t1 = now();
  const matchable = (prepared.program.constraints.volunteersOnly ? prepared.context.juniors.filter((p) => p.volunteer) : prepared.context.juniors).length;
  tell('score', 0, matchable);
  const eligibility = buildEligibility(prepared, (done, total) => tell('score', done, total));
  tell('score', matchable, matchable);
  const split = splitLocked(prepared, eligibility);
  const { graph } = eligibility;
  const { program } = prepared;
  const fromProgram = compileRules(program, eligibility, prepared.participants);
  const compiled = keep.length === 0 ? fromProgram : { ...fromProgram, rows: [...fromProgram.rows, ...compileKeepRules(keep, eligibility, program.quotas.length)] };
  const rows = residualRows(compiled.rows, split.lockedEdges, split.residualToEdge, graph.edgeCol.length);
  const t2 = now();
  const control = {
    deadline: options.timeLimitMs === undefined ? Infinity : t0 + options.timeLimitMs,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const notes: string[] = [];
  tell('solve', 0, null);
  let solveSteps = 0;
  const solve = yield* counted(
    solveProgram(split.residual, rows, program.objective, { method: options.solver ?? 'auto', mip: options.mipSolver ?? lpSolver, control, notes }),
    (done) => tell('solve', (solveSteps = done), null),
  );
  options.onProgress?.({ phase: 'solve', done: solveSteps, total: solveSteps });
  const coreObjective: MatchingObjective = program.objective === 'maxScore' ? 'maxWeight' : 'maxCardinality';
  const certificate = solve.core && program.objective !== 'maximin' ? certify(eligibility, split.residual, solve.core, coreObjective) : null;
  const t3 = now();

  const { residualToEdge } = split;
  const lift = (used: Uint8Array): Uint8Array => {
    const out = new Uint8Array(graph.edgeCol.length);
    for (const e of split.lockedEdges) out[e] = 1;
    if (residualToEdge === null) {
      for (let e = 0; e < used.length; e++) if (used[e] === 1) out[e] = 1;
    } else for (let k = 0; k < residualToEdge.length; k++) if (used[k] === 1) out[residualToEdge[k]!] = 1;
    return out;
  };
  const noSolution = solve.edgeUsed === null ? (solve.status === 'infeasible' ? 'infeasible' : 'stopped') : undefined;
  const chosen = solve.edgeUsed === null ? new Uint8Array(graph.edgeCol.length) : lift(solve.edgeUsed);
  let edgeToResidual: Int32Array | null = null;
  if (residualToEdge !== null) {
    edgeToResidual = new Int32Array(graph.edgeCol.length).fill(-1);
    for (let k = 0; k < residualToEdge.length; k++) edgeToResidual[residualToEdge[k]!] = k;
  }
  const view = new SolutionView(graph, chosen);
  const core = solve.core;
  const oracle =
    options.alternatives === false || core === null || certificate === null
      ? undefined
      : createForcingOracle(split.residual, core.matching, coreObjective, core.potentials);
  const costs = new Map<number, number | null>();
  const forcingCost = (edge: number): number | null | undefined => {
    const k = edgeToResidual === null ? edge : edgeToResidual[edge]!;
    if (!oracle || k < 0) return undefined;
    const known = costs.get(edge);
    if (known !== undefined) return known;
    const cost = oracle(k);
    costs.set(edge, cost);
    return cost;
  };
  let rules: RuleExplainer | undefined;
  if (compiled.rows.length > 0 && solve.edgeUsed !== null) {
    const free = lift(solveGraph(split.residual, coreObjective).matching.edgeUsed);
    rules = explainRules({ rows: compiled.rows, prices: solve.prices, free }, eligibility, view);
  }
  const locale = options.locale ?? 'en';
  const locked = new Set(split.lockedEdges);
  const pairs: ResultPair[] = [];
  let toExplain = 0;
  for (let e = 0; e < chosen.length; e++) toExplain += chosen[e]!;
  const everyPair = Math.max(1, Math.ceil(toExplain / 100));
  tell('explain', 0, toExplain);
  for (let e = 0; e < chosen.length; e++) {
    if (chosen[e] !== 1) continue;
    pairs.push(explainPair({ prepared, eligibility, view, locale, locked, forcingCost, ...(rules ? { rules } : {}) }, e));
    if (pairs.length % everyPair === 0) tell('explain', pairs.length, toExplain);
  }

  let freeJunior = 0;
  let freeSenior = 0;
  let placesJunior = 0;
  let placesSenior = 0;
  for (let r = 0; r < graph.rows; r++) {
    if (graph.rowStart[r + 1]! === graph.rowStart[r]!) continue;
    placesJunior += graph.rowCapacity[r]!;
    freeJunior += graph.rowCapacity[r]! - view.rowLoad[r]!;
  }
  for (let c = 0; c < graph.cols; c++) {
    if (view.colStart[c + 1]! === view.colStart[c]!) continue;
    placesSenior += graph.colCapacity[c]!;
    freeSenior += graph.colCapacity[c]! - view.colLoad[c]!;
  }
  const unmatched = explainUnmatched({
    prepared,
    eligibility,
    view,
    locale,
    freePlaces: { junior: freeJunior, senior: freeSenior },
    places: { junior: placesJunior, senior: placesSenior },
    forcingCost,
    ...(rules ? { rules } : {}),
    ...(noSolution ? { noSolution } : {}),
  });
  tell('explain', toExplain, toExplain);
  let diagnosis: Diagnosis | null = null;
  if (solve.status === 'infeasible') {
    tell('diagnose', 0, null);
    let diagnoseSteps = 0;
    diagnosis = yield* counted(
      diagnose({ prepared, eligibility, split, compiled: compiled.rows, locale, control, mip: options.mipSolver ?? lpSolver, notes }),
      (done) => tell('diagnose', (diagnoseSteps = done), null),
    );
    options.onProgress?.({ phase: 'diagnose', done: diagnoseSteps, total: diagnoseSteps });
  }
  const t4 = now();

  const totalScore = pairs.reduce((sum, p) => sum + p.score, 0);
  let lockedScore = 0;
  for (const e of split.lockedEdges) lockedScore += graph.edgeWeight[e]!;
  const bound = solve.bound === null || solve.edgeUsed === null ? null : Math.max(solve.bound + lockedScore, totalScore);
  const gap = solve.status === 'optimal' ? 0 : bound === null ? null : (bound - totalScore) / Math.max(Math.abs(bound), 1e-9);
  const byId = prepared.context.byId;
  const crossing = (test: (j: string | undefined, s: string | undefined) => boolean, field: 'department' | 'site') =>
    pairs.length === 0 ? 0 : pairs.filter((p) => test(byId.get(p.juniorId)?.[field], byId.get(p.seniorId)?.[field])).length / pairs.length;
  const differ = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a !== b;
  const stats: MatchStats = {
    juniors: prepared.context.juniors.length,
    seniors: prepared.context.seniors.length,
    volunteers: {
      juniors: prepared.context.juniors.filter((p) => p.volunteer).length,
      seniors: prepared.context.seniors.filter((p) => p.volunteer).length,
    },
    eligiblePairs: graph.edgeCol.length,
    pairs: pairs.length,
    lockedPairs: split.lockedEdges.length,
    paired: { juniors: new Set(pairs.map((p) => p.juniorId)).size, seniors: new Set(pairs.map((p) => p.seniorId)).size },
    unmatched: unmatched.length,
    totalScore,
    meanScore: pairs.length === 0 ? 0 : totalScore / pairs.length,
    minPairScore: pairs.reduce((m, p) => Math.min(m, p.score), pairs.length === 0 ? 0 : Infinity),
    maxPairScore: pairs.reduce((m, p) => Math.max(m, p.score), 0),
    crossDepartmentShare: crossing(differ, 'department'),
    crossSiteShare: crossing(differ, 'site'),
    objective: program.objective,
    certificate,
    pairsProven: program.objective === 'maxScore' ? null : solve.edgeUsed !== null && solve.pairsProven,
    solves: solve.solves,
    stopped: solve.stopped,
    timeMs: { validate: t1 - t0, score: t2 - t1, solve: t3 - t2, explain: t4 - t3, total: t4 - t0 },
  };
  return {
    status: solve.status,
    method: solve.method,
    bound,
    gap,
    diagnosis,
    warnings: [...compiled.warnings, ...notes],
    pairs,
    unmatched,
    objective: totalScore,
    optimal: solve.status === 'optimal',
    locale,
    stats,
  };
}
