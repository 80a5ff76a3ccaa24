/**
 * Replaying history (issue "Benchmark against historical matches"): evaluation and calibration of
 * `benchmarks/data/history-visible.json` (three cohorts formed by hand, with outcomes), each
 * figure next to its baseline from the same run.
 *
 *   npm run bench:history                  the built-in program
 *   npm run bench:history -- program.json  another program
 */
import { readFileSync } from 'node:fs';
import { calibrateWeights, evaluateHistory, match, parseHistory, type PredictedOutcome } from '../src/index';

const history: unknown = JSON.parse(readFileSync(new URL('./data/history-visible.json', import.meta.url), 'utf8'));
const programFile = process.argv[2];
const program: unknown = programFile ? JSON.parse(readFileSync(programFile, 'utf8')) : {};
const ms = (t: number) => (t < 1000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(2)} s`);
const f3 = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : v.toFixed(3));
const outcome = (p: PredictedOutcome | null) => (p === null ? 'n/a' : `satisfaction ${p.satisfaction.toFixed(2)}, completion ${(100 * p.completion).toFixed(1)}%`);

// Warm-up (JIT), then timed runs.
evaluateHistory(history, program, { resamples: 20 });
let start = performance.now();
const evaluation = evaluateHistory(history, program);
const evaluateTime = performance.now() - start;
start = performance.now();
const calibration = calibrateWeights(history, program);
const calibrateTime = performance.now() - start;
// Baseline of the time: the replays alone (one match per cohort).
start = performance.now();
for (const cohort of parseHistory(history).cohorts) match({ participants: cohort.participants, program }, { alternatives: false });
const replayTime = performance.now() - start;

console.log(`history-visible.json: ${evaluation.cohorts.length} cohorts, ${evaluation.pairs.length} pairs formed by hand; bootstrap ${evaluation.resamples} resamples, ${100 * evaluation.confidence}% intervals`);
console.log(`time: evaluate ${ms(evaluateTime)} + calibrate ${ms(calibrateTime)} = ${ms(evaluateTime + calibrateTime)} (target < 5 s); x${((evaluateTime + calibrateTime) / replayTime).toFixed(1)} the replays alone (${ms(replayTime)})`);

console.log('\nWhich criteria predicted success (all cohorts; 95% bootstrap intervals within cohorts):');
console.log(`${'predictor'.padEnd(14)} ${'Spearman (satisfaction)'.padEnd(26)} ${'Kendall tau-b'.padEnd(26)} ROC AUC (completion)`);
const iv = (i: { estimate: number; low: number; high: number } | null) => (i === null ? 'n/a' : `${f3(i.estimate)} [${f3(i.low)}, ${f3(i.high)}]`);
for (const p of evaluation.overall.predictiveness) console.log(`${p.predictor.padEnd(14)} ${iv(p.spearman).padEnd(26)} ${iv(p.kendall).padEnd(26)} ${iv(p.auc)}`);

const b = evaluation.overall.breaches;
console.log(`\nHistorical pairs breaking the program's hard rules: ${b.pairs.length} of ${evaluation.pairs.length} (${Object.entries(b.byRule).map(([r, n]) => `${r} ${n}`).join(', ')})`);
console.log(`  their outcomes: satisfaction ${f3(b.breaking.meanSatisfaction)}, completion ${f3(b.breaking.completionRate)}; the others: ${f3(b.others.meanSatisfaction)}, ${f3(b.others.completionRate)}`);

console.log('\nReplay: the engine on the same people; predictions by the model fitted on the other cohorts:');
for (const c of evaluation.cohorts) {
  const { historical: h, engine: e } = c.replay;
  const held = calibration.heldOut.find((x) => x.cohort === c.id);
  console.log(`${c.id}: by hand ${h.pairs} pairs, mean score ${h.meanScore.toFixed(1)}, ${h.breakingRules} breaking rules, cross-department ${(100 * h.crossDepartmentShare).toFixed(0)}%`);
  console.log(`  engine  ${e.pairs} pairs, mean score ${e.meanScore.toFixed(1)} (x${(e.meanScore / h.meanScore).toFixed(2)}), cross-department ${(100 * e.crossDepartmentShare).toFixed(0)}%, ${c.replay.pairsInCommon} pairs in common`);
  console.log(`  predicted: by hand ${outcome(h.predicted)}`);
  console.log(`             engine, program weights ${outcome(e.predicted)}`);
  console.log(`             engine, weights fitted on the other cohorts ${outcome(held?.predicted.engineAfter ?? null)}`);
}

console.log(`\nCalibration (target ${calibration.target}, ${calibration.pairs} pairs, penalty ${calibration.regularisation.toExponential(2)}):`);
for (const w of calibration.weights) console.log(`  ${w.scorer.padEnd(13)} ${w.before.toFixed(3)} -> ${w.after.toFixed(3)}  [${w.low.toFixed(3)}, ${w.high.toFixed(3)}]`);
console.log('Held out (each cohort judged by weights fitted on the others), Spearman and AUC before -> after:');
for (const h of calibration.heldOut) console.log(`  ${h.cohort.padEnd(12)} ${f3(h.spearmanBefore)} -> ${f3(h.spearmanAfter)}   ${f3(h.aucBefore)} -> ${f3(h.aucAfter)}`);
const m = calibration.mean;
console.log(`  ${'mean'.padEnd(12)} ${f3(m.spearmanBefore)} -> ${f3(m.spearmanAfter)}   ${f3(m.aucBefore)} -> ${f3(m.aucAfter)}`);
const better = calibration.heldOut.every((h) => (h.spearmanAfter ?? -Infinity) > (h.spearmanBefore ?? Infinity));
console.log(`calibrated weights improve the held-out rank correlation in every cohort: ${better ? 'yes' : 'no'}`);
for (const w of [...evaluation.warnings, ...calibration.warnings]) console.log(`warning: ${w}`);
