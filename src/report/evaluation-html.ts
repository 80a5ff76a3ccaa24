import type {
  Calibration,
  CohortEvaluation,
  EvaluatedPair,
  HeldOutComparison,
  HistoryEvaluation,
  Interval,
  OutcomeSummary,
  PairSetFigures,
  PredictedOutcome,
  Predictiveness,
  RuleBreaches,
} from '../evaluate/types';
import type { EvaluationReportInput, EvaluationReportOptions } from './evaluation-types';
import { calibrationBins, cohortOrder, evaluationView, rulesByCount, type EvaluationView } from './evaluation-view';
import { documentStart, escapeHtml } from './html';

const h = escapeHtml;

/** Rounds an SVG coordinate to one decimal, so the output stays short and stable. */
const r = (n: number) => Math.round(n * 10) / 10;

/** Colours of the cohorts, in order; more cohorts take them again in turn. */
const COHORT_COLOURS = ['#2563eb', '#d97706', '#0d9488', '#db2777', '#7c3aed', '#65a30d', '#0891b2', '#dc2626', '#4b5563', '#ca8a04'];

/** Colour of each cohort id, in {@link cohortOrder}. */
function cohortColours(evaluation: HistoryEvaluation): Map<string, string> {
  return new Map(cohortOrder(evaluation).map((id, i) => [id, COHORT_COLOURS[i % COHORT_COLOURS.length] as string]));
}

/** Shared frame of the two charts: grid, ticks, axis titles. */
interface Frame {
  readonly W: number;
  readonly H: number;
  readonly m: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
}

function axes(
  frame: Frame,
  xTicks: readonly number[],
  yTicks: readonly number[],
  xLabel: (v: number) => string,
  yLabel: (v: number) => string,
  xTitle: string,
  yTitle: string,
): string {
  const { W, H, m, x, y } = frame;
  const bottom = H - m.bottom;
  const out: string[] = ['<g class="grid">'];
  for (const v of yTicks) out.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${r(y(v))}" y2="${r(y(v))}"/>`);
  for (const v of xTicks) out.push(`<line x1="${r(x(v))}" x2="${r(x(v))}" y1="${m.top}" y2="${bottom}"/>`);
  out.push('</g><g class="axis">');
  out.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${bottom}" y2="${bottom}"/>`);
  out.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${bottom}"/>`);
  for (const v of yTicks) out.push(`<text class="tick" x="${m.left - 8}" y="${r(y(v) + 4)}" text-anchor="end">${h(yLabel(v))}</text>`);
  for (const v of xTicks) out.push(`<text class="tick" x="${r(x(v))}" y="${bottom + 18}" text-anchor="middle">${h(xLabel(v))}</text>`);
  out.push(`<text class="label" x="${r(m.left + (W - m.left - m.right) / 2)}" y="${H - 12}" text-anchor="middle">${h(xTitle)}</text>`);
  out.push(`<text class="label" transform="translate(16 ${r(m.top + (bottom - m.top) / 2)}) rotate(-90)" text-anchor="middle">${h(yTitle)}</text>`);
  out.push('</g>');
  return out.join('');
}

/** Calibration plot: observed completion rate against mean predicted probability, per band. */
function calibrationSvg(view: EvaluationView, pairs: readonly EvaluatedPair[]): string {
  const { labels: t, format: f } = view;
  const bins = calibrationBins(pairs);
  if (bins.length === 0) return `<p class="empty">${h(t.noPrediction)}</p>`;
  const m = { top: 16, right: 20, bottom: 58, left: 62 };
  const side = 400;
  const W = m.left + side + m.right;
  const H = m.top + side + m.bottom;
  const x = (v: number) => m.left + Math.min(1, Math.max(0, v)) * side;
  const y = (v: number) => m.top + side - Math.min(1, Math.max(0, v)) * side;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const maxCount = Math.max(...bins.map((b) => b.count));
  const radius = (count: number) => 5 + 11 * Math.sqrt(count / maxCount);
  const out: string[] = [];
  out.push(`<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="calibration-plot-title" class="chart">`);
  out.push(`<title id="calibration-plot-title">${h(t.calibrationPlot)}</title>`);
  out.push(axes({ W, H, m, x, y }, ticks, ticks, f.percent, f.percent, t.axisPredicted, t.axisObserved));
  out.push(`<line class="diagonal" x1="${r(x(0))}" y1="${r(y(0))}" x2="${r(x(1))}" y2="${r(y(1))}"/>`);
  out.push(
    `<g class="key"><line class="diagonal" x1="${m.left + 12}" x2="${m.left + 40}" y1="${m.top + 16}" y2="${m.top + 16}"/><text class="label" x="${m.left + 46}" y="${m.top + 20}">${h(t.perfectCalibration)}</text></g>`,
  );
  out.push(`<polyline class="trend" points="${bins.map((b) => `${r(x(b.meanPredicted))},${r(y(b.observedRate))}`).join(' ')}"/>`);
  out.push('<g class="bins">');
  for (const b of bins) {
    const cx = r(x(b.meanPredicted));
    const cy = r(y(b.observedRate));
    const rr = radius(b.count);
    const tip = t.calibrationBin(f.percent(b.from), f.percent(b.to), b.count, f.percent(b.observedRate), f.percent(b.meanPredicted));
    out.push(
      `<circle class="bin" data-bin="${b.bin}" data-count="${b.count}" data-predicted="${b.meanPredicted.toFixed(4)}" data-observed="${b.observedRate.toFixed(4)}" cx="${cx}" cy="${cy}" r="${r(rr)}"><title>${h(tip)}</title></circle>`,
    );
    if (2 * rr >= 7 * String(b.count).length + 6) out.push(`<text class="in" x="${cx}" y="${r(cy + 4)}" text-anchor="middle" aria-hidden="true">${b.count}</text>`);
    else out.push(`<text class="count" x="${r(cx + rr + 3)}" y="${r(cy - rr + 2)}" aria-hidden="true">${b.count}</text>`);
  }
  out.push('</g></svg>');
  return out.join('');
}

/** Scatter of pair score against satisfaction, one colour per cohort, with a legend. */
function scatterSvg(view: EvaluationView, evaluation: HistoryEvaluation): string {
  const { labels: t, format: f } = view;
  const rated = evaluation.pairs.filter((p): p is EvaluatedPair & { readonly satisfaction: number } => p.satisfaction !== null);
  if (rated.length === 0) return `<p class="empty">${h(t.noSatisfaction)}</p>`;
  const colours = cohortColours(evaluation);
  const counts = new Map<string, number>();
  for (const p of rated) counts.set(p.cohort, (counts.get(p.cohort) ?? 0) + 1);
  const legend = [...colours]
    .filter(([id]) => counts.has(id))
    .map(
      ([id, colour]) =>
        `<span data-cohort="${h(id)}"><i style="background:${colour}"></i>${h(id)} <span class="muted">(${f.count(counts.get(id) ?? 0)})</span></span>`,
    )
    .join('');
  const xMin = Math.min(0, ...rated.map((p) => p.score));
  const xMax = Math.max(100, ...rated.map((p) => p.score));
  const yMin = Math.min(1, ...rated.map((p) => p.satisfaction));
  const yMax = Math.max(5, ...rated.map((p) => p.satisfaction));
  const m = { top: 16, right: 20, bottom: 58, left: 62 };
  const pw = 400;
  const ph = 400;
  const W = m.left + pw + m.right;
  const H = m.top + ph + m.bottom;
  const pad = 12;
  const x = (v: number) => m.left + pad + ((v - xMin) / (xMax - xMin)) * (pw - 2 * pad);
  const y = (v: number) => m.top + ph - pad - ((v - yMin) / (yMax - yMin)) * (ph - 2 * pad);
  const xTicks: number[] = [];
  for (let v = Math.ceil(xMin / 10) * 10; v <= xMax; v += 10) xTicks.push(v);
  const yTicks: number[] = [];
  for (let v = Math.ceil(yMin); v <= yMax; v += 1) yTicks.push(v);
  const out: string[] = [`<div class="legend">${legend}</div>`];
  out.push(`<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="score-scatter-title" class="chart">`);
  out.push(`<title id="score-scatter-title">${h(t.scatter)}</title>`);
  out.push(axes({ W, H, m, x, y }, xTicks, yTicks, (v) => String(v), (v) => String(v), t.axisScore, t.axisSatisfaction));
  out.push('<g class="points">');
  for (const p of rated) {
    const colour = colours.get(p.cohort) ?? '#94a3b8';
    const tip = t.scatterPoint(p.cohort, p.juniorId, p.seniorId, f.score(p.score), f.satisfaction(p.satisfaction));
    out.push(
      `<circle data-pair="${h(`${p.cohort}|${p.juniorId}|${p.seniorId}`)}" data-cohort="${h(p.cohort)}" data-score="${p.score.toFixed(1)}" data-satisfaction="${p.satisfaction}" cx="${r(x(p.score))}" cy="${r(y(p.satisfaction))}" r="4.5" fill="${colour}"><title>${h(tip)}</title></circle>`,
    );
  }
  out.push('</g></svg>');
  return out.join('');
}

/** A tiny interval chart under a figure: the interval as a bar, the estimate as a tick, a reference line. */
function intervalBar(value: Interval, min: number, max: number, reference: number): string {
  const W = 112;
  const H = 10;
  const x = (v: number) => r(2 + ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * (W - 4));
  const tone = value.low > reference ? 'pos' : value.high < reference ? 'neg' : 'flat';
  return (
    `<svg class="ci-bar ${tone}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true">` +
    `<line class="track" x1="2" x2="${W - 2}" y1="5" y2="5"/><line class="ref" x1="${x(reference)}" x2="${x(reference)}" y1="0" y2="10"/>` +
    `<rect class="range" x="${x(value.low)}" y="2" width="${r(Math.max(1, x(value.high) - x(value.low)))}" height="6" rx="2"/>` +
    `<rect class="est" x="${r(x(value.estimate) - 1.5)}" y="0" width="3" height="10" rx="1"/></svg>`
  );
}

function metricCell(view: EvaluationView, value: Interval | null, min: number, max: number, reference: number): string {
  const f = view.format;
  const t = view.labels;
  if (value === null) return `<td class="num na">${h(t.notAvailable)}</td>`;
  return (
    `<td class="num metric"><span class="est">${h(f.corr(value.estimate))}</span> ` +
    `<span class="ci">[${h(f.corr(value.low))}${h(t.intervalSeparator)}${h(f.corr(value.high))}]</span>${intervalBar(value, min, max, reference)}</td>`
  );
}

function predictivenessTable(view: EvaluationView, rows: readonly Predictiveness[], id: string): string {
  const t = view.labels;
  const f = view.format;
  const out: string[] = [`<div class="scroll"><table class="predictiveness" id="${id}">`];
  out.push(
    `<thead><tr><th scope="col">${h(t.predictor)}</th><th scope="col" class="num count">${h(t.withSatisfaction)}</th><th scope="col" class="num count">${h(t.withCompletion)}</th>` +
      `<th scope="col" class="num">${h(t.spearman)}</th><th scope="col" class="num">${h(t.kendall)}</th><th scope="col" class="num">${h(t.auc)}</th></tr></thead><tbody>`,
  );
  rows.forEach((p, i) => {
    const engine = i === 0 && p.predictor === 'score';
    const code = engine || view.predictorLabel(p.predictor) === p.predictor ? '' : `<span class="meta code">${h(p.predictor)}</span>`;
    out.push(
      `<tr data-predictor="${h(p.predictor)}"${engine ? ' class="engine"' : ''}><th scope="row">${h(view.predictorLabel(p.predictor))}${code}</th>` +
        `<td class="num">${h(f.count(p.withSatisfaction))}</td><td class="num">${h(f.count(p.withCompletion))}</td>` +
        metricCell(view, p.spearman, -1, 1, 0) +
        metricCell(view, p.kendall, -1, 1, 0) +
        metricCell(view, p.auc, 0, 1, 0.5) +
        '</tr>',
    );
  });
  out.push('</tbody></table></div>');
  return out.join('');
}

function ruleCell(view: EvaluationView, rule: string): string {
  const label = view.ruleLabel(rule);
  return `${h(label)}${label === rule ? '' : `<span class="meta code">${h(rule)}</span>`}`;
}

function breachesBlock(view: EvaluationView, b: RuleBreaches, listPairs: boolean): string {
  const { labels: t, format: f } = view;
  const rules = rulesByCount(b.byRule);
  if (b.pairs.length === 0 && rules.length === 0) return `<p class="empty">${h(t.noBreaches)}</p>`;
  const out: string[] = ['<div class="split">'];
  out.push(`<div class="scroll"><table class="by-rule"><thead><tr><th scope="col">${h(t.rule)}</th><th scope="col" class="num">${h(t.pairs)}</th></tr></thead><tbody>`);
  for (const [rule, n] of rules) out.push(`<tr data-rule="${h(rule)}"><td>${ruleCell(view, rule)}</td><td class="num">${h(f.count(n))}</td></tr>`);
  out.push('</tbody></table></div>');
  const row = (label: string, pick: (o: OutcomeSummary) => number | null, format: (v: number) => string) =>
    `<tr><th scope="row">${h(label)}</th>${numCell(view, pick(b.breaking), format)}${numCell(view, pick(b.others), format)}</tr>`;
  out.push(
    `<div class="scroll"><table class="breach-outcomes"><thead><tr><th scope="col">${h(t.figure)}</th><th scope="col" class="num">${h(t.breaking)}</th><th scope="col" class="num">${h(t.others)}</th></tr></thead><tbody>`,
    row(t.pairs, (o) => o.pairs, f.count),
    row(t.meanSatisfaction, (o) => o.meanSatisfaction, f.satisfaction),
    row(t.completionRate, (o) => o.completionRate, f.percent),
    row(t.meanSessions, (o) => o.meanSessions, f.decimal),
    '</tbody></table></div></div>',
  );
  if (listPairs && b.pairs.length > 0) {
    out.push(`<details><summary>${h(t.breachingPairs)} (${h(f.count(b.pairs.length))})</summary><div class="scroll"><table class="breaching-pairs">`);
    out.push(`<thead><tr><th scope="col">${h(t.junior)}</th><th scope="col">${h(t.senior)}</th><th scope="col">${h(t.rule)}</th></tr></thead><tbody>`);
    for (const p of b.pairs) {
      out.push(
        `<tr data-junior="${h(p.juniorId)}" data-senior="${h(p.seniorId)}"><td>${h(p.juniorId)}</td><td>${h(p.seniorId)}</td><td>${p.rules.map((rule) => h(view.ruleLabel(rule))).join(h(view.base.semicolon))}</td></tr>`,
      );
    }
    out.push('</tbody></table></div></details>');
  }
  return out.join('');
}

function replayBlock(view: EvaluationView, cohort: CohortEvaluation): string {
  const { labels: t, base, format: f } = view;
  const rp = cohort.replay;
  const na = t.notAvailable;
  const hist: PairSetFigures = rp.historical;
  const eng: PairSetFigures = rp.engine;
  const points = (d: number) => t.percentPoints(f.signedPoints(d));
  const row = (key: string, label: string, a: number | null, b: number | null, fmt: (v: number) => string, diff: (d: number) => string) =>
    `<tr data-figure="${key}"><th scope="row">${h(label)}</th>${numCell(view, a, fmt)}${numCell(view, b, fmt)}` +
    `<td class="num diff${a === null || b === null ? ' na' : ''}">${h(a === null || b === null ? na : diff(b - a))}</td></tr>`;
  const out: string[] = [`<h3>${h(t.replay)}</h3><p class="caption">${h(t.replayCaption)}</p>`];
  out.push(
    `<p class="facts"><span>${h(t.engineSolve)}${h(base.colon)}<span class="badge ${h(rp.status)}" data-status="${h(rp.status)}">${h(base.statuses[rp.status])}</span></span>` +
      `<span>${h(rp.modelCohorts.length > 0 ? t.modelCohorts(rp.modelCohorts.join(', ')) : t.noModel)}</span></p>`,
  );
  out.push(
    `<div class="scroll"><table class="replay"><thead><tr><th scope="col">${h(t.figure)}</th><th scope="col" class="num">${h(t.historical)}</th><th scope="col" class="num">${h(t.engine)}</th><th scope="col" class="num">${h(t.difference)}</th></tr></thead><tbody>`,
    row('pairs', t.pairs, hist.pairs, eng.pairs, f.count, f.signedCount),
    row('total-score', t.totalScore, hist.totalScore, eng.totalScore, f.score, f.signedScore),
    row('mean-score', t.meanScore, hist.meanScore, eng.meanScore, f.score, f.signedScore),
    row('volunteers-paired', t.volunteersPaired, hist.volunteersPaired, eng.volunteersPaired, f.count, f.signedCount),
    row('cross-department', t.crossDepartment, hist.crossDepartmentShare, eng.crossDepartmentShare, f.percent, points),
    row('breaking-rules', t.breakingRules, hist.breakingRules, eng.breakingRules, f.count, f.signedCount),
    row('predicted-satisfaction', t.predictedSatisfaction, hist.predicted?.satisfaction ?? null, eng.predicted?.satisfaction ?? null, f.satisfaction, f.signedSatisfaction),
    row('predicted-completion', t.predictedCompletion, hist.predicted?.completion ?? null, eng.predicted?.completion ?? null, f.percent, points),
    '</tbody></table></div>',
  );
  const share = hist.pairs > 0 ? f.percent(rp.pairsInCommon / hist.pairs) : na;
  out.push(`<p class="facts" data-pairs-in-common="${rp.pairsInCommon}">${h(t.pairsInCommon(f.count(rp.pairsInCommon), f.count(hist.pairs), share))}</p>`);
  return out.join('');
}

/** A right-aligned table cell of a nullable figure, greyed when undefined. */
function numCell(view: EvaluationView, value: number | null, format: (v: number) => string, extraClass = ''): string {
  const na = value === null || !Number.isFinite(value);
  const cls = ['num', extraClass, na ? 'na' : ''].filter(Boolean).join(' ');
  return `<td class="${cls}">${h(view.orNa(value, format))}</td>`;
}

function kpi(id: string, label: string, value: string, note = ''): string {
  return `<div class="kpi" data-kpi="${id}"><div class="l">${h(label)}</div><div class="v">${h(value)}</div>${note ? `<div class="s">${h(note)}</div>` : ''}</div>`;
}

function outcomeKpis(view: EvaluationView, o: OutcomeSummary): string[] {
  const { labels: t, format: f } = view;
  return [
    kpi('pairs', t.pairs, f.count(o.pairs)),
    kpi('mean-satisfaction', t.meanSatisfaction, view.orNa(o.meanSatisfaction, f.satisfaction)),
    kpi('completion-rate', t.completionRate, view.orNa(o.completionRate, f.percent)),
    kpi('mean-sessions', t.meanSessions, view.orNa(o.meanSessions, f.decimal)),
  ];
}

function cohortSection(view: EvaluationView, cohort: CohortEvaluation, index: number, colour: string): string {
  const { labels: t, format: f } = view;
  return [
    `<section id="cohort-${index + 1}" class="card cohort" data-cohort="${h(cohort.id)}" style="--cohort:${colour}">`,
    `<h2><i class="dot" aria-hidden="true"></i>${h(t.cohortTitle(cohort.id))}</h2>`,
    `<div class="kpis">${kpi('participants', t.participants, f.count(cohort.participants))}${outcomeKpis(view, cohort.outcomes).join('')}</div>`,
    `<h3>${h(t.predictiveness)}</h3>`,
    predictivenessTable(view, cohort.predictiveness, `predictiveness-${index + 1}`),
    `<h3>${h(t.breaches)}</h3>`,
    breachesBlock(view, cohort.breaches, true),
    replayBlock(view, cohort),
    '</section>',
  ].join('');
}

function summarySection(view: EvaluationView, e: HistoryEvaluation): string {
  const { labels: t, base, format: f } = view;
  const engine = e.overall.predictiveness.find((p) => p.predictor === 'score') ?? null;
  const ci = (v: Interval | null) => (v === null ? '' : `[${f.corr(v.low)}${t.intervalSeparator}${f.corr(v.high)}]`);
  const out: string[] = [`<section id="summary" class="card"><h2>${h(t.summary)}</h2><div class="kpis">`];
  out.push(kpi('cohorts', t.cohorts, f.count(e.cohorts.length)));
  out.push(...outcomeKpis(view, e.overall.outcomes));
  out.push(kpi('spearman', t.kpiSpearman, view.orNa(engine?.spearman?.estimate ?? null, f.corr), ci(engine?.spearman ?? null)));
  out.push(kpi('auc', t.kpiAuc, view.orNa(engine?.auc?.estimate ?? null, f.corr), ci(engine?.auc ?? null)));
  out.push(kpi('breaking', t.breaking, f.count(e.overall.breaches.breaking.pairs)));
  out.push('</div>');
  const weights = Object.entries(e.weights);
  if (weights.length > 0) {
    out.push(`<div class="weights"><span class="l">${h(t.weightsEvaluated)}${h(base.colon)}</span>`);
    for (const [id, w] of weights) out.push(`<span class="chip" data-scorer="${h(id)}">${h(view.scorerLabel(id))} <b>${h(f.weight(w))}</b></span>`);
    out.push('</div>');
  }
  out.push(`<p class="muted">${h(t.intervals(f.percent(e.confidence), f.count(e.resamples)))}</p>`);
  if (e.warnings.length > 0) {
    out.push(`<div class="callout warn" id="warnings"><h3>${h(base.warnings)}</h3><ul>${e.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul></div>`);
  }
  out.push('</section>');
  return out.join('');
}

/** A held-out cell, marked up or down against the value before. */
function heldOutCells(view: EvaluationView, before: number | null, after: number | null): string {
  const f = view.format;
  const tone = before === null || after === null ? '' : after > before ? 'up' : after < before ? 'down' : '';
  return `${numCell(view, before, f.corr)}${numCell(view, after, f.corr, tone)}`;
}

function weightBar(before: number, after: number, low: number, high: number, scale: number): string {
  const W = 240;
  const H = 16;
  const x = (v: number) => r(2 + (Math.min(scale, Math.max(0, v)) / scale) * (W - 4));
  return (
    `<svg class="weight-bar" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true">` +
    `<rect class="before" x="2" y="2" width="${r(Math.max(0, x(before) - 2))}" height="5" rx="1.5"/>` +
    `<rect class="after" x="2" y="9" width="${r(Math.max(0, x(after) - 2))}" height="5" rx="1.5"/>` +
    `<line class="whisker" x1="${x(low)}" x2="${x(high)}" y1="11.5" y2="11.5"/>` +
    `<line class="whisker" x1="${x(low)}" x2="${x(low)}" y1="9" y2="14"/><line class="whisker" x1="${x(high)}" x2="${x(high)}" y1="9" y2="14"/></svg>`
  );
}

function calibrationSection(view: EvaluationView, c: Calibration): string {
  const { labels: t, base, format: f } = view;
  const out: string[] = [`<section id="calibration" class="card"><h2>${h(t.calibration)}</h2><p class="caption">${h(t.calibrationCaption)}</p>`];
  out.push('<div class="kpis three">');
  out.push(kpi('target', t.target, t.targets[c.target]));
  out.push(kpi('regularisation', t.regularisation, f.num(c.regularisation)));
  out.push(kpi('pairs-used', t.pairsUsed, f.count(c.pairs)));
  out.push('</div>');
  const scale = Math.max(0.05, ...c.weights.flatMap((w) => [w.before, w.after, w.high]));
  out.push(`<h3>${h(t.weights)}</h3><div class="legend"><span><i class="before"></i>${h(t.before)}</span><span><i class="after"></i>${h(t.after)}</span></div>`);
  out.push(
    `<div class="scroll"><table id="weights-table"><thead><tr><th scope="col">${h(t.scorer)}</th><th scope="col" class="num">${h(t.before)}</th><th scope="col" class="num">${h(t.after)}</th><th scope="col" class="num">${h(t.interval)}</th><th scope="col"><span class="sr">${h(t.weights)}</span></th></tr></thead><tbody>`,
  );
  for (const w of c.weights) {
    const label = view.scorerLabel(w.scorer);
    out.push(
      `<tr data-scorer="${h(w.scorer)}"><th scope="row">${h(label)}${label === w.scorer ? '' : `<span class="meta code">${h(w.scorer)}</span>`}</th>` +
        `<td class="num">${h(f.weight(w.before))}</td><td class="num"><b>${h(f.weight(w.after))}</b></td>` +
        `<td class="num">[${h(f.weight(w.low))}${h(t.intervalSeparator)}${h(f.weight(w.high))}]</td><td>${weightBar(w.before, w.after, w.low, w.high, scale)}</td></tr>`,
    );
  }
  out.push('</tbody></table></div>');
  out.push(`<h3>${h(t.heldOut)}</h3><p class="caption">${h(t.heldOutCaption)}</p>`);
  out.push(
    `<div class="scroll"><table id="held-out-table"><thead><tr><th scope="col">${h(t.cohort)}</th><th scope="col" class="num">${h(t.spearmanBefore)}</th><th scope="col" class="num">${h(t.spearmanAfter)}</th><th scope="col" class="num">${h(t.aucBefore)}</th><th scope="col" class="num">${h(t.aucAfter)}</th></tr></thead><tbody>`,
  );
  for (const row of c.heldOut) {
    out.push(
      `<tr data-cohort="${h(row.cohort)}"><th scope="row">${h(row.cohort)}</th>${heldOutCells(view, row.spearmanBefore, row.spearmanAfter)}${heldOutCells(view, row.aucBefore, row.aucAfter)}</tr>`,
    );
  }
  out.push(
    `</tbody><tfoot><tr data-mean=""><th scope="row">${h(t.mean)}</th>${heldOutCells(view, c.mean.spearmanBefore, c.mean.spearmanAfter)}${heldOutCells(view, c.mean.aucBefore, c.mean.aucAfter)}</tr></tfoot></table></div>`,
  );
  if (c.heldOut.some((row) => row.predicted.historical !== null || row.predicted.engineBefore !== null || row.predicted.engineAfter !== null)) {
    const cellsOf = (row: HeldOutComparison, pick: (o: PredictedOutcome) => number, format: (v: number) => string) =>
      [row.predicted.historical, row.predicted.engineBefore, row.predicted.engineAfter].map((o) => numCell(view, o === null ? null : pick(o), format)).join('');
    const who = [t.historical, t.engineBefore, t.engineAfter].map((label) => `<th scope="col" class="num">${h(label)}</th>`).join('');
    out.push(`<h3>${h(t.heldOutPredicted)}</h3><p class="caption">${h(t.heldOutPredictedCaption)}</p>`);
    out.push(
      `<div class="scroll"><table id="held-out-predicted"><thead><tr><th scope="col" rowspan="2">${h(t.cohort)}</th><th scope="colgroup" colspan="3" class="group">${h(t.predictedSatisfaction)}</th><th scope="colgroup" colspan="3" class="group">${h(t.predictedCompletion)}</th></tr><tr>${who}${who}</tr></thead><tbody>`,
    );
    for (const row of c.heldOut) {
      out.push(
        `<tr data-cohort="${h(row.cohort)}"><th scope="row">${h(row.cohort)}</th>${cellsOf(row, (o) => o.satisfaction, f.satisfaction)}${cellsOf(row, (o) => o.completion, f.percent)}</tr>`,
      );
    }
    out.push('</tbody></table></div>');
  }
  if (c.warnings.length > 0) {
    out.push(`<div class="callout warn" id="calibration-warnings"><h3>${h(base.warnings)}</h3><ul>${c.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul></div>`);
  }
  out.push('</section>');
  return out.join('');
}

const STYLE = `
:root{--fg:#0f172a;--text:#1e293b;--muted:#64748b;--line:#e2e8f0;--bg:#f1f5f9;--card:#fff;--accent:#2563eb;--accent2:#7c3aed;--head:#0f172a;--pos:#15803d;--neg:#b91c1c}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;color:var(--text);background:var(--bg)}
.wrap{max-width:1160px;margin:0 auto;padding:0 28px}
header.top{background:var(--head);color:#f8fafc;padding:30px 0 26px}
header.top h1{font-size:27px;line-height:1.25;margin:0 0 10px;font-weight:650;letter-spacing:-.01em}
.sub{display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center;color:#cbd5e1;font-size:14px}
nav.toc{display:flex;flex-wrap:wrap;gap:6px 18px;margin-top:16px;font-size:13.5px}
nav.toc a{color:#bfdbfe;text-decoration:none}nav.toc a:hover{text-decoration:underline}
main.wrap{padding-top:28px;padding-bottom:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:22px 26px;margin:0 0 22px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
.row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:22px}
.row>.card{margin:0 0 22px}
h2{font-size:18px;line-height:1.3;margin:0 0 4px;color:var(--fg);font-weight:650}
h3{font-size:15px;margin:22px 0 6px;color:var(--fg)}h4{font-size:14px;margin:12px 0 4px}
.callout h3{margin:0 0 6px}
.caption,.muted{color:var(--muted);font-size:13.5px}
.caption{margin:0 0 14px}
.kpis{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin-top:14px}
.cohort .kpis{grid-template-columns:repeat(5,minmax(0,1fr))}
.kpis.three{grid-template-columns:repeat(3,minmax(0,1fr))}
.kpi{border:1px solid var(--line);border-radius:10px;padding:12px 16px;background:#f8fafc}
.kpi .l{color:var(--muted);font-size:12.5px;font-weight:500}
.kpi .v{font-size:24px;font-weight:650;color:var(--fg);font-variant-numeric:tabular-nums;line-height:1.3}
.kpi .s{color:var(--muted);font-size:12px;font-variant-numeric:tabular-nums}
.weights{display:flex;flex-wrap:wrap;gap:6px 8px;align-items:center;margin:16px 0 4px;font-size:13px}
.weights .l{color:var(--muted);font-weight:500;margin-right:4px}
.chip{display:inline-block;padding:2px 10px;border-radius:999px;background:#eff6ff;color:#1e3a8a}
.chip b{font-weight:650;font-variant-numeric:tabular-nums}
.callout{border-radius:10px;padding:12px 16px;margin-top:16px;font-size:14px}
.callout ul{margin:4px 0 0;padding-left:20px}
.callout.warn{background:#fffbeb;border:1px solid #fde68a}
.badge{display:inline-block;padding:1px 10px;border-radius:999px;font-size:12.5px;font-weight:600;background:#dcfce7;color:#14532d}
.badge.feasible{background:#fef3c7;color:#78350f}.badge.infeasible,.badge.time-limit{background:#fee2e2;color:#7f1d1d}
svg.chart{display:block;max-width:100%;height:auto;overflow:visible}
svg .grid line{stroke:#e2e8f0;stroke-width:1}
svg .axis line{stroke:#94a3b8;stroke-width:1}
svg text{fill:var(--text);font-size:12.5px}
svg text.tick{fill:var(--muted);font-size:11.5px}
svg text.label{fill:var(--muted);font-size:12.5px}
svg text.count{font-size:11.5px;font-weight:600;fill:var(--fg)}
svg text.in{font-size:11.5px;font-weight:650;fill:#fff}
#calibration-plot line.diagonal{stroke:#94a3b8;stroke-width:1.5;stroke-dasharray:5 4}
#calibration-plot polyline.trend{fill:none;stroke:var(--accent);stroke-width:1.5;stroke-opacity:.45}
#calibration-plot circle.bin{fill:var(--accent);fill-opacity:.85;stroke:#fff;stroke-width:1.5}
#calibration-plot svg.chart,#score-scatter svg.chart{max-width:482px;margin:0 auto}
#score-scatter .points circle{fill-opacity:.62;stroke:#fff;stroke-width:.8}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:8px 12px;border-bottom:1px solid var(--line);vertical-align:top}
thead th.group{text-align:center;border-bottom:1px solid var(--line)}
thead th[rowspan]{vertical-align:bottom}
thead th{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;background:#f8fafc;border-bottom:1px solid #cbd5e1}
tbody th,tfoot th{font-weight:500;color:var(--fg)}
tfoot th,tfoot td{border-top:1px solid #cbd5e1;font-weight:650;background:#f8fafc}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:hover{background:#f8fafc}
tr.engine th,tr.engine .est{font-weight:650}
tr.engine{background:#f8fafc}
.metric .est{color:var(--fg)}
.predictiveness th,.predictiveness td{padding:8px 10px}
.predictiveness tbody th{min-width:210px}
.predictiveness thead th.count{white-space:normal;width:96px}
.metric .ci{color:var(--muted);font-size:12.5px}
.na{color:#94a3b8}
svg.ci-bar{display:block;margin:5px 0 0 auto}
svg.ci-bar .track{stroke:#e2e8f0;stroke-width:2}
svg.ci-bar .ref{stroke:#94a3b8;stroke-width:1}
svg.ci-bar .range{fill:#cbd5e1}
svg.ci-bar .est{fill:#64748b}
svg.ci-bar.pos .range{fill:#bbf7d0}svg.ci-bar.pos .est{fill:var(--pos)}
svg.ci-bar.neg .range{fill:#fecaca}svg.ci-bar.neg .est{fill:var(--neg)}
svg.weight-bar{display:block}
svg.weight-bar .before,.legend i.before{fill:#cbd5e1;background:#cbd5e1}
svg.weight-bar .after,.legend i.after{fill:var(--accent);background:var(--accent)}
svg.weight-bar .whisker{stroke:var(--fg);stroke-width:1.2}
td.up{color:var(--pos);font-weight:600}td.down{color:var(--neg);font-weight:600}
.split{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:22px;align-items:start}
.facts{display:flex;flex-wrap:wrap;gap:6px 20px;margin:8px 0 10px;font-size:14px}
.replay .diff{color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:12.5px;color:var(--text);margin:0 0 10px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;vertical-align:-1px}
.legend i.before,.legend i.after{border-radius:2px}
.cohort h2 .dot{display:inline-block;width:12px;height:12px;border-radius:50%;background:var(--cohort,var(--accent));margin-right:10px;vertical-align:0}
.meta{display:block;color:var(--muted);font-size:12px;font-weight:400}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11.5px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
details{margin-top:10px}
summary{cursor:pointer;color:var(--accent);font-size:13.5px;font-weight:500}
.empty{color:var(--muted);font-style:italic;margin:12px 0 0}
footer{color:var(--muted);font-size:12.5px;padding:0 0 36px}
@media (max-width:900px){.row,.split{grid-template-columns:minmax(0,1fr)}.kpis,.cohort .kpis{grid-template-columns:repeat(2,minmax(0,1fr))}.wrap{padding-left:16px;padding-right:16px}}
@media print{
body{background:#fff;font-size:11pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
header.top{background:#fff;color:#000;padding:0 0 10px;border-bottom:2px solid #0f172a}
header.top .sub{color:#334155}
nav.toc{display:none}
.wrap{max-width:none;padding:0}
.card{border:none;box-shadow:none;padding:0;margin:18px 0}
.row{display:block}
tr,.kpi,svg.chart{break-inside:avoid}
thead{display:table-header-group}
h2,h3{break-after:avoid}
tbody tr:hover{background:none}
}
`;

/**
 * Renders an evaluation of past cohorts as one self-contained HTML page: summary figures and
 * warnings; a calibration plot (predicted probability of completing against the share that did,
 * in ten bands) and a scatter of pair score against satisfaction (one colour per cohort), both
 * inline SVG drawn here; which criteria predicted success with their intervals, the pairs that
 * break the rules, then per cohort the same with the replay (historical pairs against the
 * engine's); and, when given, the calibrated weights and the held-out check.
 *
 * The page loads nothing and runs no script: the style is inline, the fonts are the system's, and
 * a Content-Security-Policy ({@link HTML_REPORT_CSP}) forbids every request. Every text from the
 * data is HTML-escaped. Stable hooks: `#summary`, `#calibration-plot svg` (points
 * `circle.bin[data-bin][data-count]`), `#score-scatter svg` (points
 * `circle[data-pair][data-cohort]`, one per pair with satisfaction), `#overall`,
 * `#predictiveness-overall`, `#cohort-1`, `#cohort-2`, ... (`data-cohort`), `#calibration`,
 * `#weights-table`, `#held-out-table`.
 *
 * @param input - The evaluation and, optionally, the calibration; never mutated.
 * @param options - Locale of the labels (default `en`; sets `<html lang>`), title, generation date.
 * @returns The HTML document (UTF-8).
 * @example
 * writeFileSync('history.html', renderEvaluationHtml({ evaluation, calibration }, { locale: 'fr' }));
 */
export function renderEvaluationHtml(input: EvaluationReportInput, options: EvaluationReportOptions = {}): string {
  const view = evaluationView(options);
  const { labels: t, base } = view;
  const e = input.evaluation;
  const colours = cohortColours(e);
  const sub: string[] = [`<span>${h(t.cohorts)}${h(base.colon)}${e.cohorts.map((c) => h(c.id)).join(', ') || h(t.notAvailable)}</span>`];
  if (options.generatedAt !== undefined) sub.push(`<span>${h(base.generatedAt(options.generatedAt))}</span>`);
  const toc: [string, string][] = [
    ['summary', t.summary],
    ['calibration-plot', t.calibrationPlot],
    ['score-scatter', t.scatter],
    ['overall', t.overall],
    ...e.cohorts.map((c, i): [string, string] => [`cohort-${i + 1}`, t.cohortTitle(c.id)]),
  ];
  if (input.calibration) toc.push(['calibration', t.calibration]);
  return [
    ...documentStart(view.locale, view.title, STYLE),
    `<header class="top"><div class="wrap"><h1>${h(view.title)}</h1><div class="sub">${sub.join('')}</div><nav class="toc" aria-label="${h(base.contents)}">${toc.map(([id, label]) => `<a href="#${id}">${h(label)}</a>`).join('')}</nav></div></header>`,
    '<main class="wrap">',
    summarySection(view, e),
    '<div class="row">',
    `<section id="calibration-plot" class="card"><h2>${h(t.calibrationPlot)}</h2><p class="caption">${h(t.calibrationPlotCaption)}</p>${calibrationSvg(view, e.pairs)}</section>`,
    `<section id="score-scatter" class="card"><h2>${h(t.scatter)}</h2><p class="caption">${h(t.scatterCaption)}</p>${scatterSvg(view, e)}</section>`,
    '</div>',
    `<section id="overall" class="card"><h2>${h(t.overall)}</h2>`,
    `<h3>${h(t.predictiveness)}</h3><p class="caption">${h(t.predictivenessCaption)}</p>`,
    predictivenessTable(view, e.overall.predictiveness, 'predictiveness-overall'),
    `<h3>${h(t.breaches)}</h3><p class="caption">${h(t.breachesCaption)}</p>`,
    breachesBlock(view, e.overall.breaches, false),
    '</section>',
    ...e.cohorts.map((c, i) => cohortSection(view, c, i, colours.get(c.id) ?? '#2563eb')),
    input.calibration ? calibrationSection(view, input.calibration) : '',
    '</main>',
    `<footer class="wrap">${h(base.footer)}${options.generatedAt !== undefined ? ` ${h(base.generatedAt(options.generatedAt))}.` : ''}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
