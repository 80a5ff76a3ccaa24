/**
 * The evaluation reports (replay of past cohorts): JSON, Markdown and HTML, en and fr. The inputs
 * are built by hand (a seeded history of four cohorts with outcomes, predictions, rule breaches
 * and a calibration), as `evaluateHistory` and `calibrateWeights` would return them. The last block
 * opens the HTML in chromium (skipped without it) and writes test/artifacts/evaluation.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  Calibration,
  CohortEvaluation,
  EvaluatedPair,
  HistoryEvaluation,
  Interval,
  OutcomeSummary,
  PairSetFigures,
  Predictiveness,
  RuleBreaches,
} from '../../src/evaluate/types';
import { ValidationError } from '../../src/errors';
import { parseProgram } from '../../src/model/program';
import {
  calibrationBins,
  escapeHtml,
  escapeMarkdown,
  HTML_REPORT_CSP,
  renderEvaluation,
  renderEvaluationHtml,
  renderEvaluationMarkdown,
  type EvaluationFormat,
  type EvaluationReportInput,
} from '../../src/report/index';

// ---------------------------------------------------------------------------------------------
// A realistic, seeded history

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIGHTS: Readonly<Record<string, number>> = { skillGap: 0.4, reciprocity: 0.2, crossSilo: 0.15, availability: 0.1, openness: 0.1, languageMatch: 0.05 };
const SCORERS = Object.keys(WEIGHTS);
const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

interface CohortSpec {
  readonly id: string;
  readonly pairs: number;
  readonly seed: number;
  /** Outcomes were collected (satisfaction, completion, sessions). */
  readonly outcomes: boolean;
}

function makePairs(spec: CohortSpec, predictions: boolean): EvaluatedPair[] {
  const rnd = random(spec.seed);
  const out: EvaluatedPair[] = [];
  for (let i = 0; i < spec.pairs; i++) {
    const values: Record<string, number> = {};
    for (const s of SCORERS) values[s] = round(s === 'crossSilo' ? (rnd() < 0.7 ? 1 : 0) : 0.15 + 0.8 * rnd(), 3);
    const score = round(100 * SCORERS.reduce((sum, s) => sum + (WEIGHTS[s] ?? 0) * (values[s] ?? 0), 0), 1);
    const breaks: string[] = [];
    if (values.crossSilo === 0 && rnd() < 0.45) breaks.push('differentDepartment');
    if (score < 42) breaks.push('minScore');
    if (rnd() < 0.05) breaks.push('notInReportingLine');
    const noise = rnd() + rnd() - 1;
    const satisfaction = spec.outcomes && rnd() > 0.1 ? Math.min(5, Math.max(1, Math.round(0.4 + score / 20 + 1.6 * noise - 0.5 * breaks.length))) : null;
    const completed = spec.outcomes && rnd() > 0.08 ? rnd() < logistic(-3.2 + 0.065 * score - 0.6 * breaks.length) : null;
    const sessions = spec.outcomes && completed !== null ? (completed ? 6 + Math.floor(rnd() * 5) : 1 + Math.floor(rnd() * 4)) : null;
    const predicted = predictions ? { satisfaction: round(1.4 + score / 26, 2), completion: round(logistic(-3 + 0.06 * score + 0.5 * (rnd() - 0.5)), 3) } : null;
    const n = String(i + 1).padStart(2, '0');
    out.push({ cohort: spec.id, juniorId: `${spec.id}-j${n}`, seniorId: `${spec.id}-s${n}`, score, values, breaks, satisfaction, completed, sessions, predicted });
  }
  return out;
}

function outcomes(pairs: readonly EvaluatedPair[]): OutcomeSummary {
  const sat = pairs.flatMap((p) => (p.satisfaction === null ? [] : [p.satisfaction]));
  const done = pairs.flatMap((p) => (p.completed === null ? [] : [p.completed]));
  const sessions = pairs.flatMap((p) => (p.sessions === null ? [] : [p.sessions]));
  const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return { pairs: pairs.length, meanSatisfaction: mean(sat), completionRate: mean(done.map((d) => (d ? 1 : 0))), meanSessions: mean(sessions) };
}

/** Mid-ranks. */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    for (let k = i; k <= j; k++) out[order[k]?.[1] ?? 0] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

function pearson(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += ((a[i] ?? 0) - ma) * ((b[i] ?? 0) - mb);
    saa += ((a[i] ?? 0) - ma) ** 2;
    sbb += ((b[i] ?? 0) - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? null : sab / Math.sqrt(saa * sbb);
}

/** A plausible interval around an estimate, clamped to the range. */
function around(estimate: number | null, half: number, min: number, max: number): Interval | null {
  if (estimate === null || !Number.isFinite(estimate)) return null;
  const c = (v: number) => round(Math.min(max, Math.max(min, v)), 4);
  return { estimate: c(estimate), low: c(estimate - half), high: c(estimate + half) };
}

function predictiveness(pairs: readonly EvaluatedPair[]): Predictiveness[] {
  const rated = pairs.filter((p) => p.satisfaction !== null);
  const known = pairs.filter((p) => p.completed !== null);
  const half = (n: number) => Math.min(0.6, 1.9 / Math.sqrt(Math.max(1, n)));
  return ['score', ...SCORERS].map((predictor) => {
    const value = (p: EvaluatedPair) => (predictor === 'score' ? p.score : (p.values[predictor] ?? 0));
    const spearman = rated.length < 3 ? null : pearson(ranks(rated.map(value)), ranks(rated.map((p) => p.satisfaction ?? 0)));
    const yes = known.filter((p) => p.completed).map(value);
    const no = known.filter((p) => !p.completed).map(value);
    let wins = 0;
    for (const a of yes) for (const b of no) wins += a > b ? 1 : a === b ? 0.5 : 0;
    const auc = yes.length === 0 || no.length === 0 ? null : wins / (yes.length * no.length);
    return {
      predictor,
      withSatisfaction: rated.length,
      withCompletion: known.length,
      spearman: around(spearman, half(rated.length), -1, 1),
      kendall: around(spearman === null ? null : spearman * 0.74, half(rated.length) * 0.8, -1, 1),
      auc: around(auc, half(known.length) * 0.6, 0, 1),
    };
  });
}

function breaches(pairs: readonly EvaluatedPair[]): RuleBreaches {
  const breaking = pairs.filter((p) => p.breaks.length > 0);
  const byRule: Record<string, number> = {};
  for (const p of breaking) for (const rule of p.breaks) byRule[rule] = (byRule[rule] ?? 0) + 1;
  return {
    pairs: breaking.map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId, rules: p.breaks })),
    byRule,
    breaking: outcomes(breaking),
    others: outcomes(pairs.filter((p) => p.breaks.length === 0)),
  };
}

function figures(pairs: readonly EvaluatedPair[], predicted: boolean): PairSetFigures {
  const total = pairs.reduce((s, p) => s + p.score, 0);
  const withPrediction = pairs.filter((p) => p.predicted !== null);
  const mean = (f: (p: EvaluatedPair) => number) => withPrediction.reduce((s, p) => s + f(p), 0) / withPrediction.length;
  return {
    pairs: pairs.length,
    totalScore: round(total, 1),
    meanScore: pairs.length === 0 ? 0 : round(total / pairs.length, 1),
    volunteersPaired: 2 * pairs.length,
    crossDepartmentShare: pairs.filter((p) => p.values.crossSilo === 1).length / Math.max(1, pairs.length),
    breakingRules: pairs.filter((p) => p.breaks.length > 0).length,
    predicted: predicted && withPrediction.length > 0 ? { satisfaction: mean((p) => p.predicted?.satisfaction ?? 0), completion: mean((p) => p.predicted?.completion ?? 0) } : null,
  };
}

const SPECS: readonly CohortSpec[] = [
  { id: '2023-pilot', pairs: 9, seed: 11, outcomes: false },
  { id: '2024-spring', pairs: 22, seed: 23, outcomes: true },
  { id: '2024-autumn', pairs: 26, seed: 37, outcomes: true },
  { id: '2025-spring', pairs: 19, seed: 41, outcomes: true },
];

/** Evaluation of a seeded history of four cohorts (the first without outcomes). */
function sampleEvaluation(options: { predictions?: boolean } = {}): HistoryEvaluation {
  const predictions = options.predictions ?? true;
  const withOutcomes = SPECS.filter((s) => s.outcomes).map((s) => s.id);
  const cohorts: CohortEvaluation[] = [];
  const all: EvaluatedPair[] = [];
  for (const spec of SPECS) {
    const pairs = makePairs(spec, predictions);
    all.push(...pairs);
    const hist = figures(pairs, predictions);
    const rnd = random(spec.seed * 7);
    const engineScore = round(hist.meanScore + 6 + 4 * rnd(), 1);
    const enginePairs = spec.pairs + (rnd() < 0.5 ? 1 : 0);
    const engine: PairSetFigures = {
      pairs: enginePairs,
      totalScore: round(engineScore * enginePairs, 1),
      meanScore: engineScore,
      volunteersPaired: 2 * enginePairs,
      crossDepartmentShare: Math.min(1, hist.crossDepartmentShare + 0.12),
      breakingRules: 0,
      predicted: hist.predicted === null ? null : { satisfaction: hist.predicted.satisfaction + 0.24, completion: Math.min(1, hist.predicted.completion + 0.07) },
    };
    cohorts.push({
      id: spec.id,
      participants: 2 * spec.pairs + 3,
      outcomes: outcomes(pairs),
      predictiveness: predictiveness(pairs),
      breaches: breaches(pairs),
      replay: {
        status: 'optimal',
        historical: hist,
        engine,
        pairsInCommon: Math.round(spec.pairs * (0.25 + 0.2 * rnd())),
        modelCohorts: predictions ? withOutcomes.filter((id) => id !== spec.id) : [],
      },
    });
  }
  const sum = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  return {
    weights: Object.fromEntries(Object.entries(WEIGHTS).map(([k, v]) => [k, v / sum])),
    cohorts,
    overall: { outcomes: outcomes(all), predictiveness: predictiveness(all), breaches: breaches(all) },
    pairs: all,
    confidence: 0.95,
    resamples: 2000,
    warnings: [
      'cohort 2023-pilot has no outcomes: it is replayed but left out of the correlations and of the outcome model',
      ...(predictions ? [] : ['a single cohort has outcomes: no outcome model, so no predicted outcome']),
    ],
  };
}

/** The weights fitted on the same history. */
function sampleCalibration(): Calibration {
  const after: Record<string, number> = { skillGap: 0.352, reciprocity: 0.118, crossSilo: 0.241, availability: 0.163, openness: 0.094, languageMatch: 0.032 };
  const sum = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  return {
    program: parseProgram({ name: 'Reverse mentoring 2025', weights: after }),
    weights: SCORERS.map((scorer, i) => {
      const a = after[scorer] ?? 0;
      const sd = round(0.02 + 0.01 * i, 3);
      return { scorer, before: (WEIGHTS[scorer] ?? 0) / sum, after: a, sd, low: Math.max(0, round(a - 1.96 * sd, 3)), high: round(a + 1.96 * sd, 3) };
    }),
    heldOut: [
      {
        cohort: '2024-spring',
        spearmanBefore: 0.312,
        spearmanAfter: 0.368,
        aucBefore: 0.641,
        aucAfter: 0.672,
        predicted: { historical: { satisfaction: 3.41, completion: 0.62 }, engineBefore: { satisfaction: 3.66, completion: 0.69 }, engineAfter: { satisfaction: 3.74, completion: 0.71 } },
      },
      {
        cohort: '2024-autumn',
        spearmanBefore: 0.274,
        spearmanAfter: 0.259,
        aucBefore: 0.603,
        aucAfter: 0.655,
        predicted: { historical: { satisfaction: 3.28, completion: 0.58 }, engineBefore: { satisfaction: 3.59, completion: 0.66 }, engineAfter: { satisfaction: 3.57, completion: 0.67 } },
      },
      {
        cohort: '2025-spring',
        spearmanBefore: 0.401,
        spearmanAfter: 0.447,
        aucBefore: null,
        aucAfter: null,
        predicted: { historical: { satisfaction: 3.52, completion: 0.66 }, engineBefore: null, engineAfter: null },
      },
    ],
    mean: { spearmanBefore: 0.329, spearmanAfter: 0.358, aucBefore: 0.622, aucAfter: 0.6635 },
    regularisation: 0.35,
    target: 'satisfaction',
    pairs: 61,
    warnings: ['2025-spring: every pair with a completion flag completed, so its AUC is undefined'],
  };
}

function sampleInput(): EvaluationReportInput {
  return { evaluation: sampleEvaluation(), calibration: sampleCalibration() };
}

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The sample with a hostile cohort id and a hostile custom scorer id everywhere they appear. */
function hostileInput(): EvaluationReportInput {
  const { evaluation, calibration } = sampleInput();
  const cohort = (id: string) => (id === '2024-autumn' ? HOSTILE : id);
  const scorer = (id: string) => (id === 'languageMatch' ? HOSTILE : id);
  const rekey = <T,>(record: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [scorer(k), v]));
  const predictors = (rows: readonly Predictiveness[]) => rows.map((p) => ({ ...p, predictor: scorer(p.predictor) }));
  const withRule = (b: RuleBreaches): RuleBreaches => ({ ...b, byRule: { ...b.byRule, [HOSTILE]: 1 }, pairs: b.pairs.map((p) => ({ ...p, rules: [...p.rules, HOSTILE] })) });
  return {
    evaluation: {
      ...evaluation,
      weights: rekey(evaluation.weights),
      cohorts: evaluation.cohorts.map((c) => ({
        ...c,
        id: cohort(c.id),
        predictiveness: predictors(c.predictiveness),
        breaches: withRule(c.breaches),
        replay: { ...c.replay, modelCohorts: c.replay.modelCohorts.map(cohort) },
      })),
      overall: { ...evaluation.overall, predictiveness: predictors(evaluation.overall.predictiveness), breaches: withRule(evaluation.overall.breaches) },
      pairs: evaluation.pairs.map((p) => ({ ...p, cohort: cohort(p.cohort), juniorId: p.juniorId.replace('2024-autumn', HOSTILE), values: rekey(p.values) })),
      warnings: [...evaluation.warnings, `cohort ${HOSTILE}: two pairs share a junior`],
    },
    calibration: calibration && {
      ...calibration,
      weights: calibration.weights.map((w) => ({ ...w, scorer: scorer(w.scorer) })),
      heldOut: calibration.heldOut.map((row) => ({ ...row, cohort: cohort(row.cohort) })),
      warnings: [...calibration.warnings, HOSTILE],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The HTML of the section with this id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The attributes of every element of a kind, as records. */
function elements(html: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1] as string] = a[2] as string;
    out.push(attrs);
  }
  return out;
}

/** Cells of a table line, split on the pipes that are not escaped. */
const cells = (line: string) => line.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);

/** The tables of a Markdown document: runs of lines that start with `|`. */
function tables(md: string): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) (current ??= (out.push([]), out[out.length - 1] as string[])).push(line);
    else current = null;
  }
  return out;
}

const headings = (md: string) => md.split('\n').filter((line) => line.startsWith('#'));

// ---------------------------------------------------------------------------------------------

describe('renderEvaluation: json', () => {
  test('round-trips the evaluation and the calibration; no calibration key without one', () => {
    const input = sampleInput();
    const json = renderEvaluation('json', input);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual({ evaluation: input.evaluation, calibration: input.calibration });
    const alone = renderEvaluation('json', { evaluation: input.evaluation });
    expect(JSON.parse(alone)).toEqual({ evaluation: input.evaluation });
    expect(Object.keys(JSON.parse(alone) as object)).toEqual(['evaluation']);
    expect(alone).toBe(`${JSON.stringify({ evaluation: input.evaluation }, null, 2)}\n`);
  });

  test('an unknown format is a ValidationError; the input is never mutated; output is deterministic', () => {
    const input = sampleInput();
    expect(() => renderEvaluation('pdf' as EvaluationFormat, input)).toThrow(ValidationError);
    const before = structuredClone(input);
    for (const format of ['json', 'md', 'html'] as const) {
      for (const locale of ['en', 'fr'] as const) expect(renderEvaluation(format, input, { locale })).toBe(renderEvaluation(format, sampleInput(), { locale }));
    }
    expect(input).toEqual(before);
  });
});

describe('renderEvaluationMarkdown', () => {
  test('every cohort and every predictor, overall and per cohort, engine score first', () => {
    const input = sampleInput();
    const md = renderEvaluationMarkdown(input);
    for (const cohort of input.evaluation.cohorts) expect(md).toContain(`## Cohort ${cohort.id}`);
    const labels = ['Engine score (all criteria)', 'Skill gap (junior teaches)', 'Reciprocity (senior teaches)', 'Across silos', 'Availability', 'Openness', 'languageMatch'];
    const predictorTables = tables(md).filter((t) => t[0]?.startsWith('| Predictor |'));
    expect(predictorTables).toHaveLength(1 + input.evaluation.cohorts.length);
    for (const t of predictorTables) {
      expect(t.slice(2).map((line) => cells(line)[0]?.trim().replace(/\*\*/g, ''))).toEqual(labels);
    }
    expect(md).toContain('| Predictor | Pairs with satisfaction | Pairs with completion | Spearman | Kendall | AUC |');
    expect(md).toContain('Brackets: 95% bootstrap intervals (percentile method, 2,000 resamples).');
  });

  test('numbers: 3 decimals with intervals for correlations, 1 for scores, percentages for shares', () => {
    const input = sampleInput();
    const md = renderEvaluationMarkdown(input);
    const engine = input.evaluation.overall.predictiveness[0];
    const s = engine?.spearman;
    expect(s).not.toBeNull();
    if (s) expect(md).toContain(`${s.estimate.toFixed(3)} [${s.low.toFixed(3)}, ${s.high.toFixed(3)}]`);
    const replay = input.evaluation.cohorts[1]?.replay;
    if (replay) {
      expect(md).toContain(`| Mean score | ${replay.historical.meanScore.toFixed(1)} | ${replay.engine.meanScore.toFixed(1)} |`);
      expect(md).toContain(`| Pairs across departments | ${Math.round(replay.historical.crossDepartmentShare * 100)}% |`);
    }
    expect(md).toContain('| Skill gap (junior teaches) | 40.0% | 35.2% | [');
  });

  test('null values render as n/a (en) and n.d. (fr)', () => {
    const input = sampleInput();
    const pilot = input.evaluation.cohorts[0];
    expect(pilot?.outcomes.meanSatisfaction).toBeNull();
    expect(pilot?.predictiveness[0]?.spearman).toBeNull();
    const md = renderEvaluationMarkdown(input);
    const part = md.slice(md.indexOf('## Cohort 2023-pilot'), md.indexOf('## Cohort 2024-spring'));
    expect(part).toContain('- **Mean satisfaction (1–5)**: n/a');
    expect(part).toContain('| **Engine score (all criteria)** | 0 | 0 | n/a | n/a | n/a |');
    expect(md).toContain('| 2025-spring | 0.401 | 0.447 | n/a | n/a |');
    const fr = renderEvaluationMarkdown(input, { locale: 'fr' });
    expect(fr).toContain('| **Score du moteur (tous critères)** | 0 | 0 | n.d. | n.d. | n.d. |');
    expect(fr).not.toContain('n/a');
  });

  test('rule breaches: count by rule, breaking against other pairs side by side', () => {
    const input = sampleInput();
    const md = renderEvaluationMarkdown(input);
    const overall = input.evaluation.overall.breaches;
    for (const [rule, n] of Object.entries(overall.byRule)) {
      const label = { differentDepartment: 'Different departments', minScore: 'Minimum score', notInReportingLine: 'Not in a reporting line' }[rule];
      expect(md).toContain(`| ${label} | ${n} |`);
    }
    expect(md).toContain(`| Pairs | ${overall.breaking.pairs} | ${overall.others.pairs} |`);
  });

  test('replay, weights and held-out tables; warnings listed', () => {
    const input = sampleInput();
    const md = renderEvaluationMarkdown(input);
    expect(md).toContain('| Figure | Historical | Engine | Difference |');
    expect(md).toContain('| Scorer | Before | After | Interval |'.replace('Scorer', 'Criterion'));
    expect(md).toContain('| Cohort | Spearman before | Spearman after | AUC before | AUC after |');
    expect(md).toContain('| **Mean** | **0.329** | **0.358** | **0.622** | **0.664** |');
    expect(md).toContain(
      '| Cohort | Predicted satisfaction (historical) | Predicted satisfaction (engine, before) | Predicted satisfaction (engine, after) | Predicted completion (historical) | Predicted completion (engine, before) | Predicted completion (engine, after) |',
    );
    expect(md).toContain('| 2024-spring | 3.41 | 3.66 | 3.74 | 62% | 69% | 71% |');
    expect(md).toContain('| 2025-spring | 3.52 | n/a | n/a | 66% | n/a | n/a |');
    expect(md).toContain('- **Regularisation (pull towards the program\'s weights)**: 0.35');
    expect(md).toContain('- **Fitted to**: satisfaction');
    for (const w of [...input.evaluation.warnings, ...(input.calibration?.warnings ?? [])]) expect(md).toContain(`- ${escapeMarkdown(w)}`);
    expect(renderEvaluationMarkdown({ evaluation: input.evaluation })).not.toContain('## Calibrated weights');
  });

  test('hostile ids are escaped and every table row has as many cells as its header', () => {
    const md = renderEvaluationMarkdown(hostileInput());
    expect(md).not.toContain(HOSTILE);
    expect(md).toContain(escapeMarkdown(HOSTILE));
    for (const t of tables(md)) {
      const width = cells(t[0] ?? '').length;
      for (const line of t) expect(cells(line)).toHaveLength(width);
    }
  });

  test('headings in en and fr', () => {
    const input = sampleInput();
    expect(headings(renderEvaluationMarkdown({ evaluation: input.evaluation, calibration: input.calibration }))).toMatchInlineSnapshot(`
      [
        "# Evaluation of past pairings",
        "## Summary",
        "### Warnings",
        "## All cohorts",
        "### Which criteria predicted success",
        "### Pairs that break the rules",
        "## Cohort 2023-pilot",
        "### Which criteria predicted success",
        "### Pairs that break the rules",
        "### Replay: the engine against the historical pairs",
        "## Cohort 2024-spring",
        "### Which criteria predicted success",
        "### Pairs that break the rules",
        "### Replay: the engine against the historical pairs",
        "## Cohort 2024-autumn",
        "### Which criteria predicted success",
        "### Pairs that break the rules",
        "### Replay: the engine against the historical pairs",
        "## Cohort 2025-spring",
        "### Which criteria predicted success",
        "### Pairs that break the rules",
        "### Replay: the engine against the historical pairs",
        "## Calibrated weights",
        "### Weights",
        "### Held-out check",
        "### Predicted outcomes of the held-out cohorts",
        "### Warnings",
      ]
    `);
    const fr = renderEvaluationMarkdown(input, { locale: 'fr', title: 'Historique 2023–2025' });
    expect(headings(fr).filter((line, i, all) => all.indexOf(line) === i)).toMatchInlineSnapshot(`
      [
        "# Historique 2023–2025",
        "## Synthèse",
        "### Avertissements",
        "## Toutes les cohortes",
        "### Quels critères ont prédit la réussite",
        "### Binômes hors règles",
        "## Cohorte 2023-pilot",
        "### Rejeu : le moteur face aux binômes historiques",
        "## Cohorte 2024-spring",
        "## Cohorte 2024-autumn",
        "## Cohorte 2025-spring",
        "## Poids recalibrés",
        "### Poids",
        "### Contrôle hors échantillon",
        "### Résultats prédits des cohortes hors échantillon",
      ]
    `);
    expect(fr).toContain('| Prédicteur | Binômes avec satisfaction | Binômes avec achèvement connu | Spearman | Kendall | AUC |');
    expect(fr.replace(/[\u00a0\u202f]/g, ' ')).toContain('| Écart de compétences (le junior transmet) | 40,0 % | 35,2 % | [31,3 % ; 39,1 %] |');
  });
});

describe('renderEvaluationHtml', () => {
  test('escapes hostile cohort and scorer ids everywhere', () => {
    const html = renderEvaluationHtml(hostileInput());
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain(`data-cohort="${escapeHtml(HOSTILE)}"`);
    expect(html).toContain(`data-scorer="${escapeHtml(HOSTILE)}"`);
    expect(html).toContain(`data-predictor="${escapeHtml(HOSTILE)}"`);
    expect(html.match(/<script\b/gi)).toBeNull();
  });

  test('loads nothing: no URL, no src, in-page links only, the report CSP', () => {
    for (const input of [sampleInput(), { evaluation: sampleEvaluation({ predictions: false }) }]) {
      for (const locale of ['en', 'fr'] as const) {
        const html = renderEvaluationHtml(input, { locale });
        expect(html).not.toMatch(/https?:\/\//i);
        expect(html).not.toMatch(/\ssrc\s*=/i);
        expect(html).not.toMatch(/url\(|@import|<link\b|<iframe\b|<object\b|<embed\b|<img\b/i);
        for (const a of elements(html, 'a')) expect(a.href).toMatch(/^#[\w-]+$/);
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">`);
      }
    }
  });

  test('the scatter has exactly one circle per pair with satisfaction, coloured by cohort', () => {
    const input = sampleInput();
    const scatter = section(renderEvaluationHtml(input), 'score-scatter');
    const circles = elements(scatter, 'circle');
    const rated = input.evaluation.pairs.filter((p) => p.satisfaction !== null);
    expect(rated.length).toBeGreaterThan(40);
    expect(circles.map((c) => c['data-pair'])).toEqual(rated.map((p) => `${p.cohort}|${p.juniorId}|${p.seniorId}`));
    const colourOf = new Map<string, string>();
    for (const c of circles) {
      const cohort = c['data-cohort'] as string;
      expect(colourOf.get(cohort) ?? c.fill).toBe(c.fill);
      colourOf.set(cohort, c.fill as string);
    }
    expect(new Set(colourOf.values()).size).toBe(colourOf.size);
    // Legend: the cohorts with a rated pair only (the pilot has none).
    expect(elements(scatter, 'span').filter((s) => 'data-cohort' in s).map((s) => s['data-cohort'])).toEqual(['2024-spring', '2024-autumn', '2025-spring']);
    for (const c of circles) {
      const x = Number(c.cx);
      const y = Number(c.cy);
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    }
  });

  test('calibration bins: counts add up to the pairs with both a prediction and a completion', () => {
    const input = sampleInput();
    const plot = section(renderEvaluationHtml(input), 'calibration-plot');
    const bins = elements(plot, 'circle').filter((c) => 'data-bin' in c);
    const both = input.evaluation.pairs.filter((p) => p.predicted !== null && p.completed !== null);
    expect(both.length).toBeLessThan(input.evaluation.pairs.length); // the pilot has predictions but no outcomes
    expect(bins.reduce((sum, c) => sum + Number(c['data-count']), 0)).toBe(both.length);
    const indices = bins.map((c) => Number(c['data-bin']));
    expect(indices).toEqual([...new Set(indices)].sort((a, b) => a - b));
    for (const k of indices) expect(k >= 0 && k < 10).toBe(true);
    // Oracle: the same bands, recomputed from the pairs.
    for (const c of bins) {
      const k = Number(c['data-bin']);
      const inBand = both.filter((p) => Math.min(9, Math.floor((p.predicted?.completion ?? 0) * 10)) === k);
      expect(Number(c['data-count'])).toBe(inBand.length);
      expect(Number(c['data-observed'])).toBeCloseTo(inBand.filter((p) => p.completed).length / inBand.length, 4);
    }
    expect(calibrationBins(input.evaluation.pairs).map((b) => b.bin)).toEqual(indices);
    expect(calibrationBins([{ predicted: { satisfaction: 3, completion: 1 }, completed: true }])).toEqual([
      { bin: 9, from: 0.9, to: 1, count: 1, meanPredicted: 1, observedRate: 1 },
    ]);
  });

  test('without any prediction the calibration plot shows a message instead', () => {
    const evaluation = sampleEvaluation({ predictions: false });
    const plot = section(renderEvaluationHtml({ evaluation }), 'calibration-plot');
    expect(plot).not.toContain('<svg');
    expect(plot).toContain('No pair has both a prediction and a known completion');
    const fr = section(renderEvaluationHtml({ evaluation }, { locale: 'fr' }), 'calibration-plot');
    expect(fr).toContain(escapeHtml("Aucun binôme n'a à la fois une prédiction"));
  });

  test('the same tables as the Markdown: per cohort, predictors, replay, weights, held out', () => {
    const input = sampleInput();
    const html = renderEvaluationHtml(input);
    input.evaluation.cohorts.forEach((cohort, i) => {
      const part = section(html, `cohort-${i + 1}`);
      expect(part).toContain(`data-cohort="${cohort.id}"`);
      expect(elements(part, 'tr').filter((tr) => 'data-predictor' in tr).map((tr) => tr['data-predictor'])).toEqual(['score', ...SCORERS]);
      expect(elements(part, 'tr').filter((tr) => 'data-figure' in tr)).toHaveLength(8);
    });
    const calibration = section(html, 'calibration');
    expect(elements(calibration, 'tr').filter((tr) => 'data-scorer' in tr)).toHaveLength(SCORERS.length);
    expect(elements(section(calibration, 'calibration').split('id="held-out-predicted"')[0] ?? '', 'tr').filter((tr) => 'data-cohort' in tr)).toHaveLength(3);
    const predicted = calibration.slice(calibration.indexOf('id="held-out-predicted"'));
    expect(elements(predicted, 'tr').filter((tr) => 'data-cohort' in tr).map((tr) => tr['data-cohort'])).toEqual(['2024-spring', '2024-autumn', '2025-spring']);
    expect(elements(predicted, 'td').filter((td) => td.class === 'num na')).toHaveLength(4);
    expect(section(html, 'summary')).toContain(escapeHtml(input.evaluation.warnings[0] ?? ''));
    expect(renderEvaluationHtml({ evaluation: input.evaluation })).not.toContain('id="calibration"');
  });

  test('an empty evaluation still renders in every format', () => {
    const empty: OutcomeSummary = { pairs: 0, meanSatisfaction: null, completionRate: null, meanSessions: null };
    const evaluation: HistoryEvaluation = {
      weights: {},
      cohorts: [],
      overall: { outcomes: empty, predictiveness: [], breaches: { pairs: [], byRule: {}, breaking: empty, others: empty } },
      pairs: [],
      confidence: 0.9,
      resamples: 500,
      warnings: [],
    };
    const html = renderEvaluation('html', { evaluation });
    expect(section(html, 'calibration-plot')).toContain('class="empty"');
    expect(section(html, 'score-scatter')).toContain('No pair has a satisfaction rating.');
    expect(html).toContain("No past pair breaks the program&#39;s rules.");
    const md = renderEvaluation('md', { evaluation }, { locale: 'fr' });
    expect(md).toContain('Entre crochets : intervalles de confiance à 90');
    expect(md).toContain("- **Poids évalués** : n.d.");
  });

  test('French labels with locale fr', () => {
    const html = renderEvaluationHtml(sampleInput(), { locale: 'fr' });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Évaluation des binômes passés</title>');
    for (const text of ['Quels critères ont prédit la réussite', 'Achèvement prédit et observé', 'Score du binôme et satisfaction', 'Poids recalibrés', 'Contrôle hors échantillon', 'Score du moteur (tous critères)', 'Satisfaction (1–5)', "Probabilité prédite d'aller au bout"]) {
      expect(html).toContain(escapeHtml(text));
    }
    expect(html).not.toContain('Which criteria');
    expect(html).toContain('<html lang="en">'.replace('en', 'fr'));
    expect(renderEvaluationHtml(sampleInput())).toContain('<html lang="en">');
  });
});

// ---------------------------------------------------------------------------------------------
// In chromium: renders, loads nothing, logs no error; the screenshot goes to test/artifacts.

const CHROMIUM = process.env.BINOME_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.BINOME_REQUIRE_BROWSER === '1';
const TIMEOUT = 60_000;

// Skipped without chromium, unless BINOME_REQUIRE_BROWSER=1 (as in CI): then its absence fails.
describe.skipIf(!available && !required)('evaluation report in chromium', () => {
  let context: BrowserContext;
  let temp: string;

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'binome-evaluation-'));
    context = await chromium.launchPersistentContext(join(temp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
  }, TIMEOUT);

  afterAll(async () => {
    await context?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, TIMEOUT);

  test(
    'charts render, nothing is fetched, no error; screenshot',
    async () => {
      const input = sampleInput();
      const file = join(temp, 'evaluation.html');
      writeFileSync(file, renderEvaluationHtml(input, { generatedAt: '2025-09-01' }), 'utf8');
      const url = pathToFileURL(file).href;
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url, { waitUntil: 'load' });
      for (const id of ['#calibration-plot svg', '#score-scatter svg']) {
        const box = await page.locator(id).first().boundingBox();
        expect(box?.width).toBeGreaterThan(200);
        expect(box?.height).toBeGreaterThan(200);
      }
      const rated = input.evaluation.pairs.filter((p) => p.satisfaction !== null).length;
      expect(await page.locator('#score-scatter svg circle[data-pair]').count()).toBe(rated);
      for (const bin of await page.locator('#calibration-plot svg circle[data-bin]').all()) expect((await bin.boundingBox())?.width).toBeGreaterThan(5);
      mkdirSync(fileURLToPath(new URL('../artifacts/', import.meta.url)), { recursive: true });
      await page.screenshot({ path: fileURLToPath(new URL('../artifacts/evaluation.png', import.meta.url)), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      await page.close();
    },
    TIMEOUT,
  );

  test(
    'French, hostile ids: they stay text and run nothing',
    async () => {
      const file = join(temp, 'evaluation.fr.html');
      writeFileSync(file, renderEvaluationHtml(hostileInput(), { locale: 'fr' }), 'utf8');
      const page = await context.newPage();
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('#overall h2').textContent()).toBe('Toutes les cohortes');
      expect(await page.locator('#cohort-3 h2').textContent()).toBe(`Cohorte ${HOSTILE}`);
      expect(await page.locator('img').count()).toBe(0);
      await page.screenshot({ path: fileURLToPath(new URL('../artifacts/evaluation.fr.png', import.meta.url)), fullPage: true });
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
      await page.close();
    },
    TIMEOUT,
  );
});
