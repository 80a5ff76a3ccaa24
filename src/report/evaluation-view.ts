import type { EvaluatedPair, HistoryEvaluation, Interval } from '../evaluate/types';
import type { Locale } from '../explain/messages/types';
import { evaluationLabels, ruleLabel, type EvaluationLabels } from './evaluation-labels';
import type { EvaluationReportOptions } from './evaluation-types';
import { reportLabels, scorerLabel, type ReportLabels } from './labels';

/** Number of bands of predicted probability in {@link calibrationBins}: 0–10%, ..., 90–100%. */
export const CALIBRATION_BINS = 10;

/** One non-empty band of predicted completion probability, from {@link calibrationBins}. */
export interface CalibrationBin {
  /** Index of the band, 0..9: predictions in `[k / 10, (k + 1) / 10)` (the last band holds 1). */
  readonly bin: number;
  /** Lower end of the band, 0..1. */
  readonly from: number;
  /** Upper end of the band, 0..1. */
  readonly to: number;
  /** Pairs in the band. */
  readonly count: number;
  /** Mean predicted probability of completion over the band's pairs. */
  readonly meanPredicted: number;
  /** Share of the band's pairs that completed. */
  readonly observedRate: number;
}

/**
 * Groups the pairs that have both a predicted and a known completion into ten equal-width bands
 * of predicted probability, for a calibration plot: for each band the mean prediction against
 * the share that completed. Predictions outside 0..1 go to the nearest end band; empty bands are
 * left out.
 *
 * @param pairs - Evaluated historical pairs (`HistoryEvaluation.pairs`); pairs without a
 *   prediction or without a completion flag are skipped.
 * @returns The non-empty bands in ascending order; their counts add up to the pairs kept.
 * @example
 * calibrationBins(evaluation.pairs); // [{ bin: 3, from: 0.3, to: 0.4, count: 4, meanPredicted: 0.36, observedRate: 0.25 }, ...]
 */
export function calibrationBins(pairs: readonly Pick<EvaluatedPair, 'predicted' | 'completed'>[]): CalibrationBin[] {
  const count = new Array<number>(CALIBRATION_BINS).fill(0);
  const predicted = new Array<number>(CALIBRATION_BINS).fill(0);
  const completed = new Array<number>(CALIBRATION_BINS).fill(0);
  for (const pair of pairs) {
    if (pair.predicted === null || pair.completed === null) continue;
    const p = pair.predicted.completion;
    const k = Math.min(CALIBRATION_BINS - 1, Math.max(0, Math.floor(p * CALIBRATION_BINS)));
    count[k] = (count[k] ?? 0) + 1;
    predicted[k] = (predicted[k] ?? 0) + p;
    if (pair.completed) completed[k] = (completed[k] ?? 0) + 1;
  }
  const bins: CalibrationBin[] = [];
  for (let k = 0; k < CALIBRATION_BINS; k++) {
    const n = count[k] ?? 0;
    if (n === 0) continue;
    bins.push({
      bin: k,
      from: k / CALIBRATION_BINS,
      to: (k + 1) / CALIBRATION_BINS,
      count: n,
      meanPredicted: (predicted[k] ?? 0) / n,
      observedRate: (completed[k] ?? 0) / n,
    });
  }
  return bins;
}

/**
 * The cohort ids of an evaluation in a stable order: those of `cohorts` first, in their order, then
 * any other cohort of `pairs` in order of first appearance.
 *
 * @internal Shared by the evaluation renderers.
 */
export function cohortOrder(evaluation: HistoryEvaluation): string[] {
  const ids = new Set<string>(evaluation.cohorts.map((c) => c.id));
  for (const pair of evaluation.pairs) ids.add(pair.cohort);
  return [...ids];
}

/** Locale-aware number formats of an evaluation report. */
export interface EvaluationFormats {
  /** A correlation or an AUC: exactly three decimals (`0.412`, `0,412`). */
  readonly corr: (value: number) => string;
  /** A score: exactly one decimal. */
  readonly score: (value: number) => string;
  /** A satisfaction (1..5): exactly two decimals. */
  readonly satisfaction: (value: number) => string;
  /** A mean count such as sessions: exactly one decimal. */
  readonly decimal: (value: number) => string;
  /** A share 0..1 as a whole percentage (`80%`, `80 %`). */
  readonly percent: (share: number) => string;
  /** A weight share 0..1 as a percentage with one decimal (`38.2%`). */
  readonly weight: (share: number) => string;
  /** A whole number with the locale's grouping (`2,000`, `2 000`). */
  readonly count: (value: number) => string;
  /** Any number, three significant digits at most. */
  readonly num: (value: number) => string;
  /** Signed differences: a score, a satisfaction, a count, a share in percentage points. */
  readonly signedScore: (value: number) => string;
  readonly signedSatisfaction: (value: number) => string;
  readonly signedCount: (value: number) => string;
  readonly signedPoints: (shareDifference: number) => string;
}

const formatCache = new Map<Locale, EvaluationFormats>();

function evaluationFormats(locale: Locale): EvaluationFormats {
  let f = formatCache.get(locale);
  if (f) return f;
  const clean = (v: number) => (Object.is(v, -0) ? 0 : v);
  const fmt = (options: Intl.NumberFormatOptions) => {
    const nf = new Intl.NumberFormat(locale, options);
    return (v: number) => nf.format(clean(v));
  };
  const fixed = (digits: number, signed = false): Intl.NumberFormatOptions => ({
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  });
  const points = fmt({ maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  f = {
    corr: fmt(fixed(3)),
    score: fmt(fixed(1)),
    satisfaction: fmt(fixed(2)),
    decimal: fmt(fixed(1)),
    percent: fmt({ style: 'percent', maximumFractionDigits: 0 }),
    weight: fmt({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    count: fmt({ maximumFractionDigits: 0 }),
    num: fmt({ maximumSignificantDigits: 3 }),
    signedScore: fmt(fixed(1, true)),
    signedSatisfaction: fmt(fixed(2, true)),
    signedCount: fmt({ maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
    signedPoints: (d) => points(d * 100),
  };
  formatCache.set(locale, f);
  return f;
}

/** Everything an evaluation renderer needs, derived once. */
export interface EvaluationView {
  readonly locale: Locale;
  readonly labels: EvaluationLabels;
  /** Labels shared with the match report (colon, statuses, scorer names, footer). */
  readonly base: ReportLabels;
  readonly title: string;
  readonly format: EvaluationFormats;
  /** A nullable number, formatted, or `n/a`. */
  readonly orNa: (value: number | null, format: (value: number) => string) => string;
  /** An estimate and its interval: `0.412 [0.205, 0.588]`, or `n/a`. */
  readonly interval: (value: Interval | null) => string;
  /** Display name of a predictor: the engine score, a built-in scorer's name or the id. */
  readonly predictorLabel: (predictor: string) => string;
  /** Display name of a scorer. */
  readonly scorerLabel: (scorer: string) => string;
  /** Display name of a hard rule. */
  readonly ruleLabel: (rule: string) => string;
}

/**
 * Derives what the evaluation renderers share from the options.
 *
 * @internal Used by the evaluation renderers of `src/report`.
 */
export function evaluationView(options: EvaluationReportOptions): EvaluationView {
  const locale = options.locale ?? 'en';
  const labels = evaluationLabels(locale);
  const base = reportLabels(locale);
  const format = evaluationFormats(locale);
  return {
    locale,
    labels,
    base,
    title: options.title ?? labels.defaultTitle,
    format,
    orNa: (value, fmt) => (value === null || !Number.isFinite(value) ? labels.notAvailable : fmt(value)),
    interval: (value) =>
      value === null
        ? labels.notAvailable
        : `${format.corr(value.estimate)} [${format.corr(value.low)}${labels.intervalSeparator}${format.corr(value.high)}]`,
    predictorLabel: (predictor) => (predictor === 'score' ? labels.engineScore : scorerLabel(base, predictor)),
    scorerLabel: (scorer) => scorerLabel(base, scorer),
    ruleLabel: (rule) => ruleLabel(labels, rule),
  };
}

/**
 * The rules of a breach count, most pairs first, then by id.
 *
 * @internal Shared by the evaluation renderers.
 */
export function rulesByCount(byRule: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(byRule).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
