import type {
  Calibration,
  CohortEvaluation,
  HistoryEvaluation,
  OutcomeSummary,
  PairSetFigures,
  PredictedOutcome,
  Predictiveness,
  RuleBreaches,
} from '../evaluate/types';
import { evaluationView, rulesByCount, type EvaluationView } from './evaluation-view';
import type { EvaluationReportInput, EvaluationReportOptions } from './evaluation-types';
import { escapeMarkdown } from './markdown';

const md = escapeMarkdown;

/** Escapes text that starts a line: also a leading `-`, `+`, `=` or `1.` that would start a block. */
function block(text: string): string {
  const s = md(text).trimStart();
  const numbered = /^(\d+)([.)])/.exec(s);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${s.slice(numbered[0].length)}`;
  return s.replace(/^[-+=]/, (c) => `\\${c}`);
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(md)), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)];
}

function item(view: EvaluationView, label: string, value: string): string {
  return `- **${md(label)}**${view.base.colon}${value}`;
}

function outcomeItems(view: EvaluationView, o: OutcomeSummary): string[] {
  const { labels: t, format: f } = view;
  return [
    item(view, t.pairs, f.count(o.pairs)),
    item(view, t.meanSatisfaction, view.orNa(o.meanSatisfaction, f.satisfaction)),
    item(view, t.completionRate, view.orNa(o.completionRate, f.percent)),
    item(view, t.meanSessions, view.orNa(o.meanSessions, f.decimal)),
  ];
}

function predictivenessTable(view: EvaluationView, rows: readonly Predictiveness[]): string[] {
  const t = view.labels;
  const f = view.format;
  return table(
    [t.predictor, t.withSatisfaction, t.withCompletion, t.spearman, t.kendall, t.auc],
    ['l', 'r', 'r', 'r', 'r', 'r'],
    rows.map((p, i) => [
      i === 0 && p.predictor === 'score' ? `**${md(view.predictorLabel(p.predictor))}**` : md(view.predictorLabel(p.predictor)),
      f.count(p.withSatisfaction),
      f.count(p.withCompletion),
      view.interval(p.spearman),
      view.interval(p.kendall),
      view.interval(p.auc),
    ]),
  );
}

function breachLines(view: EvaluationView, b: RuleBreaches, listPairs: boolean): string[] {
  const { labels: t, format: f } = view;
  const rules = rulesByCount(b.byRule);
  if (b.pairs.length === 0 && rules.length === 0) return [t.noBreaches, ''];
  const lines = [...table([t.rule, t.pairs], ['l', 'r'], rules.map(([rule, n]) => [md(view.ruleLabel(rule)), f.count(n)])), ''];
  const side = (label: string, pick: (o: OutcomeSummary) => string) => [md(label), pick(b.breaking), pick(b.others)];
  lines.push(
    ...table(
      [t.figure, t.breaking, t.others],
      ['l', 'r', 'r'],
      [
        side(t.pairs, (o) => f.count(o.pairs)),
        side(t.meanSatisfaction, (o) => view.orNa(o.meanSatisfaction, f.satisfaction)),
        side(t.completionRate, (o) => view.orNa(o.completionRate, f.percent)),
        side(t.meanSessions, (o) => view.orNa(o.meanSessions, f.decimal)),
      ],
    ),
    '',
  );
  if (listPairs && b.pairs.length > 0) {
    lines.push(
      `**${md(t.breachingPairs)}**`,
      '',
      ...table(
        [t.junior, t.senior, t.rule],
        ['l', 'l', 'l'],
        b.pairs.map((p) => [md(p.juniorId), md(p.seniorId), p.rules.map((r) => md(view.ruleLabel(r))).join(view.base.semicolon)]),
      ),
      '',
    );
  }
  return lines;
}

/** Rows of the replay table: label, historical, engine, difference. */
function replayRows(view: EvaluationView, hist: PairSetFigures, eng: PairSetFigures): string[][] {
  const { labels: t, format: f } = view;
  const na = t.notAvailable;
  const row = (label: string, a: number | null, b: number | null, fmt: (v: number) => string, diff: (d: number) => string) => [
    md(label),
    view.orNa(a, fmt),
    view.orNa(b, fmt),
    a === null || b === null ? na : diff(b - a),
  ];
  const points = (d: number) => t.percentPoints(f.signedPoints(d));
  return [
    row(t.pairs, hist.pairs, eng.pairs, f.count, f.signedCount),
    row(t.totalScore, hist.totalScore, eng.totalScore, f.score, f.signedScore),
    row(t.meanScore, hist.meanScore, eng.meanScore, f.score, f.signedScore),
    row(t.volunteersPaired, hist.volunteersPaired, eng.volunteersPaired, f.count, f.signedCount),
    row(t.crossDepartment, hist.crossDepartmentShare, eng.crossDepartmentShare, f.percent, points),
    row(t.breakingRules, hist.breakingRules, eng.breakingRules, f.count, f.signedCount),
    row(t.predictedSatisfaction, hist.predicted?.satisfaction ?? null, eng.predicted?.satisfaction ?? null, f.satisfaction, f.signedSatisfaction),
    row(t.predictedCompletion, hist.predicted?.completion ?? null, eng.predicted?.completion ?? null, f.percent, points),
  ];
}

function replayLines(view: EvaluationView, cohort: CohortEvaluation): string[] {
  const { labels: t, base, format: f } = view;
  const r = cohort.replay;
  const lines = [`### ${md(t.replay)}`, '', md(t.replayCaption), ''];
  lines.push(item(view, t.engineSolve, md(base.statuses[r.status] ?? r.status)));
  lines.push(`- ${md(r.modelCohorts.length > 0 ? t.modelCohorts(r.modelCohorts.join(', ')) : t.noModel)}`, '');
  lines.push(...table([t.figure, t.historical, t.engine, t.difference], ['l', 'r', 'r', 'r'], replayRows(view, r.historical, r.engine)), '');
  const share = r.historical.pairs > 0 ? f.percent(r.pairsInCommon / r.historical.pairs) : t.notAvailable;
  lines.push(md(t.pairsInCommon(f.count(r.pairsInCommon), f.count(r.historical.pairs), share)), '');
  return lines;
}

function cohortLines(view: EvaluationView, cohort: CohortEvaluation): string[] {
  const { labels: t, format: f } = view;
  return [
    `## ${md(t.cohortTitle(cohort.id))}`,
    '',
    item(view, t.participants, f.count(cohort.participants)),
    ...outcomeItems(view, cohort.outcomes),
    '',
    `### ${md(t.predictiveness)}`,
    '',
    ...predictivenessTable(view, cohort.predictiveness),
    '',
    `### ${md(t.breaches)}`,
    '',
    ...breachLines(view, cohort.breaches, true),
    ...replayLines(view, cohort),
  ];
}

function calibrationLines(view: EvaluationView, c: Calibration): string[] {
  const { labels: t, format: f } = view;
  const lines = [`## ${md(t.calibration)}`, '', md(t.calibrationCaption), ''];
  lines.push(
    item(view, t.target, md(t.targets[c.target] ?? c.target)),
    item(view, t.regularisation, f.num(c.regularisation)),
    item(view, t.pairsUsed, f.count(c.pairs)),
    '',
    `### ${md(t.weights)}`,
    '',
    ...table(
      [t.scorer, t.before, t.after, t.interval],
      ['l', 'r', 'r', 'r'],
      c.weights.map((w) => [
        md(view.scorerLabel(w.scorer)),
        f.weight(w.before),
        f.weight(w.after),
        `[${f.weight(w.low)}${t.intervalSeparator}${f.weight(w.high)}]`,
      ]),
    ),
    '',
    `### ${md(t.heldOut)}`,
    '',
    md(t.heldOutCaption),
    '',
  );
  const cells = (v: { spearmanBefore: number | null; spearmanAfter: number | null; aucBefore: number | null; aucAfter: number | null }) => [
    view.orNa(v.spearmanBefore, f.corr),
    view.orNa(v.spearmanAfter, f.corr),
    view.orNa(v.aucBefore, f.corr),
    view.orNa(v.aucAfter, f.corr),
  ];
  lines.push(
    ...table(
      [t.cohort, t.spearmanBefore, t.spearmanAfter, t.aucBefore, t.aucAfter],
      ['l', 'r', 'r', 'r', 'r'],
      [...c.heldOut.map((h) => [md(h.cohort), ...cells(h)]), [`**${md(t.mean)}**`, ...cells(c.mean).map((s) => `**${s}**`)]],
    ),
    '',
  );
  if (c.heldOut.some((h) => h.predicted.historical !== null || h.predicted.engineBefore !== null || h.predicted.engineAfter !== null)) {
    const of = (o: PredictedOutcome | null) => [view.orNa(o?.satisfaction ?? null, f.satisfaction), view.orNa(o?.completion ?? null, f.percent)];
    const header = (what: string) => [t.historical, t.engineBefore, t.engineAfter].map((who) => `${what} (${who.charAt(0).toLowerCase()}${who.slice(1)})`);
    lines.push(
      `### ${md(t.heldOutPredicted)}`,
      '',
      md(t.heldOutPredictedCaption),
      '',
      ...table(
        [t.cohort, ...header(t.predictedSatisfaction), ...header(t.predictedCompletion)],
        ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
        c.heldOut.map((h) => {
          const [hs, hc] = of(h.predicted.historical);
          const [bs, bc] = of(h.predicted.engineBefore);
          const [as, ac] = of(h.predicted.engineAfter);
          return [md(h.cohort), hs, bs, as, hc, bc, ac].map((cell) => cell ?? t.notAvailable);
        }),
      ),
      '',
    );
  }
  if (c.warnings.length > 0) lines.push(`### ${md(view.base.warnings)}`, '', ...c.warnings.map((w) => `- ${md(w)}`), '');
  return lines;
}

function summaryLines(view: EvaluationView, e: HistoryEvaluation): string[] {
  const { labels: t, format: f } = view;
  const weights = Object.entries(e.weights)
    .map(([id, w]) => `${md(view.scorerLabel(id))} ${md(f.weight(w))}`)
    .join(view.base.semicolon);
  const lines = [
    `## ${md(t.summary)}`,
    '',
    item(view, t.cohorts, `${f.count(e.cohorts.length)}${e.cohorts.length > 0 ? ` (${e.cohorts.map((c) => md(c.id)).join(', ')})` : ''}`),
    ...outcomeItems(view, e.overall.outcomes),
    item(view, t.weightsEvaluated, weights || t.notAvailable),
    '',
    md(t.intervals(f.percent(e.confidence), f.count(e.resamples))),
    '',
  ];
  if (e.warnings.length > 0) lines.push(`### ${md(view.base.warnings)}`, '', ...e.warnings.map((w) => `- ${md(w)}`), '');
  return lines;
}

/**
 * Renders an evaluation of past cohorts as a Markdown document (CommonMark with GitHub tables): a
 * summary with the warnings; for all cohorts together, which criteria predicted success (Spearman
 * and Kendall with satisfaction, AUC for completion, with their intervals; the engine score first,
 * then each scorer) and the pairs that break the program's rules against the others; then the same
 * per cohort with the replay (historical pairs against the engine's) and, when a calibration is
 * given, the fitted weights and the held-out check. Undefined values read `n/a`; every text from
 * the data is escaped.
 *
 * @param input - The evaluation and, optionally, the calibration; never mutated.
 * @param options - Locale of the labels (default `en`), title, generation date.
 * @returns The Markdown text, ending with a newline.
 * @example
 * writeFileSync('history.md', renderEvaluationMarkdown({ evaluation, calibration }, { locale: 'fr' }));
 */
export function renderEvaluationMarkdown(input: EvaluationReportInput, options: EvaluationReportOptions = {}): string {
  const view = evaluationView(options);
  const t = view.labels;
  const e = input.evaluation;
  const lines: string[] = [`# ${block(view.title)}`, ''];
  if (options.generatedAt !== undefined) lines.push(md(view.base.generatedAt(options.generatedAt)), '');
  lines.push(...summaryLines(view, e));
  lines.push(
    `## ${md(t.overall)}`,
    '',
    `### ${md(t.predictiveness)}`,
    '',
    md(t.predictivenessCaption),
    '',
    ...predictivenessTable(view, e.overall.predictiveness),
    '',
    `### ${md(t.breaches)}`,
    '',
    md(t.breachesCaption),
    '',
    ...breachLines(view, e.overall.breaches, false),
  );
  for (const cohort of e.cohorts) lines.push(...cohortLines(view, cohort));
  if (input.calibration) lines.push(...calibrationLines(view, input.calibration));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
