import { ValidationError } from '../errors';
import { parseHistory } from '../model/history';
import { parseProgram, type Program } from '../model/program';
import { Random } from '../generate/random';
import { match } from '../engine/match';
import { weightShares } from '../engine/prepare';
import { matchOptionsOf, type EvaluateOptions } from './evaluate-history';
import { fitOutcomeModel, meanPrediction } from './outcome-model';
import { cohortFeatures } from './features';
import { nonNegativeShrunk } from './regression';
import { rocAuc, spearman } from './stats';
import type { Calibration, FittedWeight, HeldOutComparison } from './types';

/** Options of {@link calibrateWeights}. */
export interface CalibrateOptions extends EvaluateOptions {
  /**
   * Outcome to fit: `satisfaction` (rank correlation judges the fit) or `completed` (ROC AUC
   * does). Default: satisfaction when at least 20 pairs report it, else completed.
   */
  readonly target?: 'satisfaction' | 'completed';
  /**
   * Candidate strengths of the pull towards the program's weights, in units of the target's
   * variance; cross-validation picks one. Default a log grid from 1e-4 to 10.
   */
  readonly penalties?: readonly number[];
  /** Bootstrap resamples behind the weights' uncertainty. Default 200. */
  readonly resamples?: number;
}

/** Default candidate penalties (times the target's variance). */
export const DEFAULT_PENALTIES: readonly number[] = Object.freeze([1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]);

/** One pair usable for fitting: its cohort, scorer values and target value. */
interface Row {
  readonly group: number;
  readonly x: readonly number[];
  readonly y: number;
}

/** A fitted direction: non-negative coefficients, one per scorer. */
type Coefficients = readonly number[];

/**
 * Fits the scorers' weights to past outcomes. The weights stay non-negative and sum to 1; a ridge
 * pull towards the program's own weights (its strength chosen by leave-one-cohort-out
 * cross-validation) keeps a small history from producing wild weights: with little evidence the
 * weights stay near the program's. Every cohort is then judged by weights fitted on the other
 * cohorts only, against the program's weights, so the comparison is held out.
 *
 * @param history - A history document, raw or parsed; never mutated.
 * @param program - The program whose weights are the starting point, raw or parsed.
 * @param options - Target, penalty grid, bootstrap size, seed; custom scorers as for `match`.
 * @returns The program with the new weights, each weight with its bootstrap interval, the
 *   held-out comparison per cohort and on average, and the chosen penalty.
 * @throws ValidationError for a malformed history or program, or when no pair reports the target.
 * @example
 * const { program: tuned, mean } = calibrateWeights(history, program);
 * console.log(mean.spearmanBefore, '->', mean.spearmanAfter);
 */
export function calibrateWeights(history: unknown, program: unknown = {}, options: CalibrateOptions = {}): Calibration {
  const base = parseProgram(program);
  const parsed = parseHistory(history, { ...options.parse, skills: base.skills });
  const warnings: string[] = [];
  const bound = parsed.cohorts.map((cohort) => ({ cohort, features: cohortFeatures(cohort, base, options) }));
  const scorers = bound[0]?.features.scorers ?? [];
  const rated = parsed.cohorts.reduce((n, c) => n + c.pairs.filter((p) => p.outcome.satisfaction !== undefined).length, 0);
  const target = options.target ?? (rated >= 20 ? 'satisfaction' : 'completed');

  const rows: Row[] = [];
  bound.forEach(({ cohort, features }, group) => {
    for (const pair of cohort.pairs) {
      const value = target === 'satisfaction' ? pair.outcome.satisfaction : pair.outcome.completed === undefined ? undefined : pair.outcome.completed ? 1 : 0;
      if (value === undefined) continue;
      rows.push({ group, x: features.values(features.byId.get(pair.juniorId)!, features.byId.get(pair.seniorId)!), y: value });
    }
  });
  if (rows.length === 0) throw new ValidationError([{ path: ['history', 'cohorts'], message: `no pair reports ${target}: nothing to calibrate on` }]);

  const shares = weightShares(base.weights);
  const prior = scorers.map((id) => shares[id] ?? 0);
  const quality = target === 'satisfaction' ? (score: number[], y: number[]) => spearman(score, y) : (score: number[], y: number[]) => rocAuc(score, y.map((v) => v === 1));
  const penalties = (options.penalties ?? DEFAULT_PENALTIES).map((p) => p * variance(rows.map((r) => r.y)));
  const seed = options.seed ?? 1;
  const matchOptions = matchOptionsOf(options);
  const groups = new Set(rows.map((r) => r.group));
  if (groups.size < 2) warnings.push('fewer than two cohorts report the target: the penalty is chosen by 5-fold cross-validation over pairs, and no held-out comparison across cohorts is possible');

  // Held out: each cohort judged by weights fitted on the others (the penalty chosen on those too).
  const heldOut: HeldOutComparison[] = [];
  for (const [group, { cohort, features }] of bound.entries()) {
    const test = rows.filter((r) => r.group === group);
    const train = rows.filter((r) => r.group !== group);
    if (test.length === 0 || train.length === 0) continue;
    const penalty = choosePenalty(train, prior, penalties, quality, seed);
    const fitted = normalise(fit(train, prior, penalty), prior);
    const people = cohort.pairs.map((p) => ({ x: features.values(features.byId.get(p.juniorId)!, features.byId.get(p.seniorId)!), outcome: p.outcome }));
    const satisfied = people.filter((p) => p.outcome.satisfaction !== undefined);
    const flagged = people.filter((p) => p.outcome.completed !== undefined);
    const scoreWith = (w: Coefficients, x: readonly number[]) => dot(w, x);
    const model = fitOutcomeModel(
      bound.flatMap(({ cohort: other, features: f }, g) =>
        g === group
          ? []
          : other.pairs.map((p) => ({ values: f.values(f.byId.get(p.juniorId)!, f.byId.get(p.seniorId)!), satisfaction: p.outcome.satisfaction ?? null, completed: p.outcome.completed ?? null })),
      ),
    );
    const predictPairs = (refs: readonly { readonly juniorId: string; readonly seniorId: string }[]) =>
      model === null ? null : meanPrediction(refs.map((r) => model.predict(features.values(features.byId.get(r.juniorId)!, features.byId.get(r.seniorId)!))));
    const replayWith = (weights: Coefficients) =>
      match(
        { participants: cohort.participants, program: { ...base, weights: Object.fromEntries(scorers.map((id, k) => [id, weights[k]!])) } },
        { alternatives: false, ...matchOptions },
      ).pairs;
    heldOut.push({
      cohort: cohort.id,
      spearmanBefore: spearman(satisfied.map((p) => scoreWith(prior, p.x)), satisfied.map((p) => p.outcome.satisfaction!)),
      spearmanAfter: spearman(satisfied.map((p) => scoreWith(fitted, p.x)), satisfied.map((p) => p.outcome.satisfaction!)),
      aucBefore: rocAuc(flagged.map((p) => scoreWith(prior, p.x)), flagged.map((p) => p.outcome.completed!)),
      aucAfter: rocAuc(flagged.map((p) => scoreWith(fitted, p.x)), flagged.map((p) => p.outcome.completed!)),
      predicted: {
        historical: predictPairs(cohort.pairs),
        engineBefore: model === null ? null : predictPairs(replayWith(prior)),
        engineAfter: model === null ? null : predictPairs(replayWith(fitted)),
      },
    });
  }

  const penalty = choosePenalty(rows, prior, penalties, quality, seed);
  const raw = fit(rows, prior, penalty);
  const after = normalise(raw, prior);
  if (raw.every((b) => b === 0)) warnings.push('no scorer predicts the target better than a constant: the program keeps its weights');
  const draws = bootstrapWeights(rows, prior, penalty, options.resamples ?? 200, seed);
  const weights: FittedWeight[] = scorers.map((scorer, k) => {
    const sample = draws.map((d) => d[k]!).sort((a, b) => a - b);
    return {
      scorer,
      before: prior[k]!,
      after: after[k]!,
      sd: Math.sqrt(variance(sample)),
      low: sample.length === 0 ? after[k]! : quantile(sample, 0.025),
      high: sample.length === 0 ? after[k]! : quantile(sample, 0.975),
    };
  });
  const tuned: Program = parseProgram({ ...base, weights: Object.fromEntries(scorers.map((id, k) => [id, round(after[k]!)])) });
  const meanOf = (key: keyof Omit<HeldOutComparison, 'cohort'>) => {
    const values = heldOut.map((h) => h[key]).filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  };
  return {
    program: tuned,
    weights,
    heldOut,
    mean: { spearmanBefore: meanOf('spearmanBefore'), spearmanAfter: meanOf('spearmanAfter'), aucBefore: meanOf('aucBefore'), aucAfter: meanOf('aucAfter') },
    regularisation: penalty,
    target,
    pairs: rows.length,
    warnings,
  };
}

/**
 * Non-negative least squares of the target on the scorer values, pulled towards the prior's
 * direction scaled to the data (the slope of the target on the prior score).
 */
function fit(rows: readonly Row[], prior: Coefficients, penalty: number): number[] {
  const priorScore = rows.map((r) => dot(prior, r.x));
  const slope = Math.max(0, covariance(priorScore, rows.map((r) => r.y)) / Math.max(variance(priorScore), 1e-12));
  const { coefficients } = nonNegativeShrunk(
    rows.map((r) => r.x),
    rows.map((r) => r.y),
    { lambda: penalty, prior: prior.map((w) => w * slope) },
  );
  return coefficients.map((b) => (Number.isFinite(b) && b > 0 ? b : 0));
}

/** The penalty with the best mean held-out quality: leave one cohort out, or 5 folds of pairs within one cohort. */
function choosePenalty(rows: readonly Row[], prior: Coefficients, penalties: readonly number[], quality: (s: number[], y: number[]) => number | null, seed: number): number {
  const groups = [...new Set(rows.map((r) => r.group))];
  const folds: number[] = groups.length >= 2 ? rows.map((r) => r.group) : shuffledFolds(rows.length, 5, seed);
  const foldIds = [...new Set(folds)];
  let best = penalties[penalties.length - 1]!;
  let bestValue = -Infinity;
  // From the strongest pull to the weakest: a tie keeps the more conservative weights.
  for (const penalty of [...penalties].sort((a, b) => b - a)) {
    const values: number[] = [];
    for (const f of foldIds) {
      const train = rows.filter((_, i) => folds[i] !== f);
      const test = rows.filter((_, i) => folds[i] === f);
      if (train.length === 0 || test.length < 3) continue;
      const w = fit(train, prior, penalty);
      const q = quality(test.map((r) => dot(w, r.x)), test.map((r) => r.y));
      if (q !== null) values.push(q);
    }
    if (values.length === 0) continue;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    if (mean > bestValue + 1e-9) {
      bestValue = mean;
      best = penalty;
    }
  }
  return best;
}

/** Normalised weights refitted on resamples of the pairs, within each cohort. */
function bootstrapWeights(rows: readonly Row[], prior: Coefficients, penalty: number, resamples: number, seed: number): number[][] {
  const random = new Random(seed * 104729 + 17);
  const byGroup = new Map<number, Row[]>();
  for (const r of rows) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  const draws: number[][] = [];
  for (let b = 0; b < resamples; b++) {
    const sample: Row[] = [];
    for (const list of byGroup.values()) for (let i = 0; i < list.length; i++) sample.push(list[random.int(0, list.length - 1)]!);
    draws.push(normalise(fit(sample, prior, penalty), prior));
  }
  return draws;
}

/** Coefficients scaled to sum 1; the prior when they are all zero. */
function normalise(b: Coefficients, prior: Coefficients): number[] {
  const sum = b.reduce((a, v) => a + v, 0);
  return sum > 0 ? b.map((v) => v / sum) : [...prior];
}

function shuffledFolds(n: number, k: number, seed: number): number[] {
  const random = new Random(seed * 31 + 7);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const folds = new Array<number>(n);
  order.forEach((row, position) => (folds[row] = position % k));
  return folds;
}

function dot(w: Coefficients, x: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < w.length; k++) s += w[k]! * x[k]!;
  return s;
}

function variance(values: readonly number[]): number {
  return covariance(values, values);
}

function covariance(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n === 0) return 0;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i]! - ma) * (b[i]! - mb);
  return s / n;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
