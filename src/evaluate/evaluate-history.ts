import { match } from '../engine/match';
import { weightShares } from '../engine/prepare';
import type { MatchOptions } from '../engine/options';
import { parseHistory, type Cohort, type History } from '../model/history';
import { parseProgram, type Program } from '../model/program';
import { cohortFeatures, type CohortFeatures } from './features';
import { fitOutcomeModel, meanPrediction, type Observation, type OutcomeModel } from './outcome-model';
import { bootstrapInterval, kendallTauB, rocAuc, spearman } from './stats';
import type {
  CohortEvaluation,
  EvaluatedPair,
  HistoryEvaluation,
  OutcomeSummary,
  PairSetFigures,
  Predictiveness,
  RuleBreaches,
} from './types';

/** Options of {@link evaluateHistory} and `calibrateWeights`. */
export interface EvaluateOptions extends Pick<MatchOptions, 'scorers' | 'constraints' | 'parse' | 'timezoneYear' | 'solver' | 'mipSolver' | 'timeLimitMs'> {
  /** Bootstrap resamples behind each confidence interval. Default 400; 0 skips the bootstrap (`low` = `high` = `estimate`). */
  readonly resamples?: number;
  /** Confidence level of the intervals. Default 0.95. */
  readonly confidence?: number;
  /** Seed of the bootstrap (results are the same for the same seed). Default 1. */
  readonly seed?: number;
}

/** Default bootstrap resamples. */
export const DEFAULT_RESAMPLES = 400;

/**
 * Replays past cohorts: how well the engine's score (and each scorer alone) ranked the outcomes of
 * the pairs formed by hand, which of those pairs break the program's hard rules and how they fared,
 * and what the engine would have done with the same people, judged by an outcome model fitted on
 * the other cohorts (leave one cohort out, so that no cohort judges itself).
 *
 * @param history - A history document (`{ cohorts }`), raw or from `parseHistory`; never mutated.
 * @param program - The program to evaluate, raw or parsed; default `{}`.
 * @param options - Bootstrap size, confidence, seed; custom scorers and constraints as for `match`.
 * @returns Per cohort and overall: outcomes, predictiveness with bootstrap intervals, rule
 *   breaches, the replay; every pair with its score, values and leave-one-out prediction.
 * @throws ValidationError naming the cohort, record and field (e.g. a pair naming an unknown id).
 * @example
 * const report = evaluateHistory(history, program);
 * console.log(report.overall.predictiveness[0]?.spearman);
 */
export function evaluateHistory(history: unknown, program: unknown = {}, options: EvaluateOptions = {}): HistoryEvaluation {
  const parsedProgram = parseProgram(program);
  const parsed = parseHistory(history, { ...options.parse, skills: parsedProgram.skills });
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 1;
  const warnings: string[] = [];

  const bound = parsed.cohorts.map((cohort) => ({ cohort, features: cohortFeatures(cohort, parsedProgram, options) }));
  const scorers = bound[0]?.features.scorers ?? [];
  const pairsByCohort = bound.map(({ cohort, features }) => historicalPairs(cohort, features));
  const models = leaveOneOutModels(pairsByCohort, parsed);

  const pairs: EvaluatedPair[] = [];
  const cohorts: CohortEvaluation[] = bound.map(({ cohort, features }, c) => {
    const model = models[c]!;
    const own = pairsByCohort[c]!.map((p) => ({ ...p.pair, predicted: model.model ? model.model.predict(p.vector) : null }));
    for (const pair of own) pairs.push(pair); // a cohort may list a million pairs: no spread
    if (own.length === 0) warnings.push(`cohort "${cohort.id}" has no pairs`);
    else if (own.every((p) => p.satisfaction === null && p.completed === null)) warnings.push(`cohort "${cohort.id}" reports no outcome`);
    if (!model.model && parsed.cohorts.length > 0) warnings.push(`cohort "${cohort.id}": no other cohort with outcomes, so no outcome model to predict its pairs`);
    return {
      id: cohort.id,
      participants: cohort.participants.length,
      outcomes: summarise(own),
      predictiveness: predictivenessOf(own, scorers, { resamples, confidence, seed: seed + c, strata: null }),
      breaches: breachesOf(own),
      replay: replay(cohort, features, own, model, parsedProgram, options),
    };
  });
  const overallStrata = pairs.map((p) => p.cohort);
  return {
    weights: normalisedWeights(parsedProgram),
    cohorts,
    overall: {
      outcomes: summarise(pairs),
      predictiveness: predictivenessOf(pairs, scorers, { resamples, confidence, seed, strata: overallStrata }),
      breaches: breachesOf(pairs),
    },
    pairs,
    confidence,
    resamples,
    warnings,
  };
}

/** A historical pair with its feature vector (scorer values in feature order). */
interface BoundPair {
  readonly pair: Omit<EvaluatedPair, 'predicted'>;
  readonly vector: number[];
}

function historicalPairs(cohort: Cohort, features: CohortFeatures): BoundPair[] {
  return cohort.pairs.map((p) => {
    const junior = features.byId.get(p.juniorId)!;
    const senior = features.byId.get(p.seniorId)!;
    const vector = features.values(junior, senior);
    const values: Record<string, number> = {};
    features.scorers.forEach((id, k) => (values[id] = vector[k]!));
    return {
      pair: {
        cohort: cohort.id,
        juniorId: p.juniorId,
        seniorId: p.seniorId,
        score: features.score(junior, senior),
        values,
        breaks: features.breaks(junior, senior),
        satisfaction: p.outcome.satisfaction ?? null,
        completed: p.outcome.completed ?? null,
        sessions: p.outcome.sessions ?? null,
      },
      vector,
    };
  });
}

/** For each cohort, the outcome model fitted on every other cohort's pairs. */
function leaveOneOutModels(pairsByCohort: readonly BoundPair[][], history: History): { model: OutcomeModel | null; cohorts: string[] }[] {
  return pairsByCohort.map((_, c) => {
    const observations: Observation[] = [];
    const cohorts: string[] = [];
    pairsByCohort.forEach((list, other) => {
      if (other === c) return;
      const useful = list.filter((p) => p.pair.satisfaction !== null || p.pair.completed !== null);
      if (useful.length === 0) return;
      cohorts.push(history.cohorts[other]!.id);
      for (const p of useful) observations.push({ values: p.vector, satisfaction: p.pair.satisfaction, completed: p.pair.completed });
    });
    return { model: fitOutcomeModel(observations), cohorts };
  });
}

/** Mean outcomes of a set of pairs. */
export function summarise(pairs: readonly Pick<EvaluatedPair, 'satisfaction' | 'completed' | 'sessions'>[]): OutcomeSummary {
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    pairs: pairs.length,
    meanSatisfaction: mean(pairs.flatMap((p) => (p.satisfaction === null ? [] : [p.satisfaction]))),
    completionRate: mean(pairs.flatMap((p) => (p.completed === null ? [] : [p.completed ? 1 : 0]))),
    meanSessions: mean(pairs.flatMap((p) => (p.sessions === null ? [] : [p.sessions]))),
  };
}

interface BootstrapSettings {
  readonly resamples: number;
  readonly confidence: number;
  readonly seed: number;
  /** Cohort of each pair, to resample within cohorts; null for one cohort. */
  readonly strata: readonly string[] | null;
}

/** Predictiveness of the engine's score, then of each scorer's value. */
function predictivenessOf(pairs: readonly EvaluatedPair[], scorers: readonly string[], settings: BootstrapSettings): Predictiveness[] {
  const predictors: [string, (p: EvaluatedPair) => number][] = [['score', (p) => p.score], ...scorers.map((id): [string, (p: EvaluatedPair) => number] => [id, (p) => p.values[id]!])];
  return predictors.map(([name, get], k) => measure(pairs, name, get, { ...settings, seed: settings.seed * 7919 + k }));
}

/** Rank correlations with satisfaction and AUC for completion of one predictor, with bootstrap intervals. */
export function measure(pairs: readonly EvaluatedPair[], predictor: string, get: (p: EvaluatedPair) => number, settings: BootstrapSettings): Predictiveness {
  const rated = pairs.filter((p) => p.satisfaction !== null);
  const flagged = pairs.filter((p) => p.completed !== null);
  const x = rated.map(get);
  const y = rated.map((p) => p.satisfaction!);
  const s = flagged.map(get);
  const done = flagged.map((p) => p.completed!);
  const strataOf = (list: readonly EvaluatedPair[]) => (settings.strata === null ? undefined : list.map((p) => p.cohort));
  const pick = <T>(values: readonly T[], at: Int32Array) => Array.from(at, (i) => values[i]!);
  const interval = (n: number, statistic: (at: Int32Array) => number | null, strata: readonly string[] | undefined, salt: number) => {
    if (settings.resamples === 0) {
      const estimate = statistic(Int32Array.from({ length: n }, (_, i) => i));
      return estimate === null ? null : { estimate, low: estimate, high: estimate };
    }
    return bootstrapInterval(n, statistic, { resamples: settings.resamples, confidence: settings.confidence, seed: settings.seed + salt, ...(strata ? { stratified: strata } : {}) });
  };
  return {
    predictor,
    withSatisfaction: rated.length,
    withCompletion: flagged.length,
    spearman: interval(rated.length, (at) => spearman(pick(x, at), pick(y, at)), strataOf(rated), 1),
    kendall: interval(rated.length, (at) => kendallTauB(pick(x, at), pick(y, at)), strataOf(rated), 2),
    auc: interval(flagged.length, (at) => rocAuc(pick(s, at), pick(done, at)), strataOf(flagged), 3),
  };
}

function breachesOf(pairs: readonly EvaluatedPair[]): RuleBreaches {
  const breaking = pairs.filter((p) => p.breaks.length > 0);
  const byRule: Record<string, number> = {};
  for (const p of breaking) for (const rule of p.breaks) byRule[rule] = (byRule[rule] ?? 0) + 1;
  return {
    pairs: breaking.map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId, rules: p.breaks })),
    byRule,
    breaking: summarise(breaking),
    others: summarise(pairs.filter((p) => p.breaks.length === 0)),
  };
}

function replay(
  cohort: Cohort,
  features: CohortFeatures,
  historical: readonly EvaluatedPair[],
  model: { model: OutcomeModel | null; cohorts: string[] },
  program: Program,
  options: EvaluateOptions,
): CohortEvaluation['replay'] {
  const result = match(
    { participants: cohort.participants, program },
    { alternatives: false, ...matchOptionsOf(options) },
  );
  const engineRefs = result.pairs;
  const figures = (refs: readonly { juniorId: string; seniorId: string }[], breaking: number, predicted: PairSetFigures['predicted']): PairSetFigures => {
    const people = refs.flatMap((r) => [features.byId.get(r.juniorId)!, features.byId.get(r.seniorId)!]);
    const volunteers = new Set(people.filter((p) => p.volunteer).map((p) => p.id));
    const scores = refs.map((r) => features.score(features.byId.get(r.juniorId)!, features.byId.get(r.seniorId)!));
    const total = scores.reduce((a, b) => a + b, 0);
    const crossing = refs.filter((r) => features.byId.get(r.juniorId)!.department !== features.byId.get(r.seniorId)!.department).length;
    return {
      pairs: refs.length,
      totalScore: total,
      meanScore: refs.length === 0 ? 0 : total / refs.length,
      volunteersPaired: volunteers.size,
      crossDepartmentShare: refs.length === 0 ? 0 : crossing / refs.length,
      breakingRules: breaking,
      predicted,
    };
  };
  const predictSet = (refs: readonly { juniorId: string; seniorId: string }[]) =>
    model.model === null ? null : meanPrediction(refs.map((r) => model.model!.predict(features.values(features.byId.get(r.juniorId)!, features.byId.get(r.seniorId)!))));
  const common = new Set(historical.map((p) => `${p.juniorId}\u0000${p.seniorId}`));
  return {
    status: result.status,
    historical: figures(historical, historical.filter((p) => p.breaks.length > 0).length, predictSet(historical)),
    engine: figures(engineRefs, 0, predictSet(engineRefs)),
    pairsInCommon: engineRefs.filter((p) => common.has(`${p.juniorId}\u0000${p.seniorId}`)).length,
    modelCohorts: model.cohorts,
  };
}

/** The options of an evaluation that `match` takes too (plug-ins, parsing, solver, time limit), as given. */
export function matchOptionsOf(options: EvaluateOptions): MatchOptions {
  const out: Partial<Pick<EvaluateOptions, MatchKey>> = {};
  for (const key of MATCH_KEYS) if (options[key] !== undefined) Object.assign(out, { [key]: options[key] });
  return out;
}

const MATCH_KEYS = ['scorers', 'constraints', 'parse', 'timezoneYear', 'solver', 'mipSolver', 'timeLimitMs'] as const;
type MatchKey = (typeof MATCH_KEYS)[number];

/** The program's weights normalised to sum 1. */
export function normalisedWeights(program: Program): Record<string, number> {
  return weightShares(program.weights);
}
