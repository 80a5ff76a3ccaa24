import { SolutionView } from '../explain/solution-view';
import { explainPair } from '../explain/pairs';
import { explainUnmatched } from '../explain/unmatched';
import type { MatchResult, MatchStats, ResultPair } from '../model/result';
import { solveGraph } from '../solver/assignment';
import { createForcingOracle, type MatchingObjective } from '../solver/b-matching';
import { certify } from './certificate';
import { buildEligibility } from './eligibility';
import { splitLocked } from './locked-pairs';
import type { MatchInput, MatchOptions } from './options';
import { prepare } from './prepare';

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * Forms the best pairs of a cohort and explains each.
 *
 * Validates the input, scores every pair allowed by the hard constraints, fixes the locked pairs,
 * then solves the assignment exactly (a maximum-weight b-matching: capacities respected) for the
 * program's objective: `maxScore` (best total) or `maxPairsThenScore` (most pairs, then the best
 * total among those). Among equally good answers the choice depends on ids only, never on input
 * order.
 *
 * @param input - Participants and program, raw or parsed; never mutated.
 * @param options - Locale of the texts, custom scorers and constraints, parse options.
 * @returns Pairs sorted by junior id then senior id, each with its contributions, ranks, best
 *   alternatives and a readable explanation; everyone unpaired with a reason; figures in `stats`.
 * @throws ValidationError naming each bad record and field; LockedPairConflictError;
 *   PluginError; UnsupportedRuleError for quotas and `maximin` (not enforced by this version).
 * @example
 * const { pairs, unmatched } = match({ participants, program: {} }, { locale: 'fr' });
 */
export function match(input: MatchInput, options: MatchOptions = {}): MatchResult {
  const t0 = now();
  const prepared = prepare(input, options);
  const t1 = now();
  const eligibility = buildEligibility(prepared);
  const split = splitLocked(prepared, eligibility);
  const t2 = now();
  const objective: MatchingObjective = prepared.program.objective === 'maxScore' ? 'maxWeight' : 'maxCardinality';
  const graphSolution = solveGraph(split.residual, objective);
  const solved = graphSolution.matching;
  const certificate = certify(eligibility, split.residual, graphSolution, objective);
  const t3 = now();

  const { graph } = eligibility;
  const chosen = new Uint8Array(graph.edgeCol.length);
  for (const e of split.lockedEdges) chosen[e] = 1;
  const { residualToEdge } = split;
  let edgeToResidual: Int32Array | null = null;
  if (residualToEdge === null) chosen.set(solved.edgeUsed);
  else {
    edgeToResidual = new Int32Array(graph.edgeCol.length).fill(-1);
    for (let k = 0; k < residualToEdge.length; k++) {
      const e = residualToEdge[k]!;
      edgeToResidual[e] = k;
      if (solved.edgeUsed[k] === 1) chosen[e] = 1;
    }
  }
  const view = new SolutionView(graph, chosen);
  const oracle = options.alternatives === false ? undefined : createForcingOracle(split.residual, solved, objective, graphSolution.potentials);
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
  const locale = options.locale ?? 'en';
  const locked = new Set(split.lockedEdges);
  const pairs: ResultPair[] = [];
  for (let e = 0; e < chosen.length; e++) {
    if (chosen[e] === 1) pairs.push(explainPair({ prepared, eligibility, view, locale, locked, forcingCost }, e));
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
  });
  const t4 = now();

  const totalScore = pairs.reduce((sum, p) => sum + p.score, 0);
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
    objective: prepared.program.objective,
    certificate,
    timeMs: { validate: t1 - t0, score: t2 - t1, solve: t3 - t2, explain: t4 - t3, total: t4 - t0 },
  };
  return { status: 'optimal', pairs, unmatched, objective: totalScore, optimal: true, locale, stats };
}
