/**
 * Benchmarks of programme rules (issue "Programme rules beyond pairs"): each target printed with
 * its time and the ratio to a baseline measured in the same run.
 *
 *   npm run bench:rules            all four targets
 *   npm run bench:rules -- --quick smaller sizes, for a smoke run
 */
import { generateOrganisation, match, scorePairs, type MatchOptions, type MatchResult, type MipModel, type MipRow, type ProgramInput } from '../src/index';
import { loadHighsSolver } from '../src/highs';

const quick = process.argv.includes('--quick');
const ms = (t: number) => (t < 1000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(2)} s`);

function run(participants: unknown, program: ProgramInput, options: MatchOptions = {}, warmUp = true): { result: MatchResult; time: number } {
  if (warmUp) match({ participants, program }, { ...options, alternatives: false }); // warm-up (JIT)
  const start = performance.now();
  const result = match({ participants, program }, { ...options, alternatives: false });
  return { result, time: performance.now() - start };
}

function line(name: string, r: { result: MatchResult; time: number }, baseline: { result: MatchResult; time: number } | null, target: string) {
  const { result } = r;
  const gap = result.gap === null ? 'n/a' : `${(100 * result.gap).toFixed(3)}%`;
  const ratio = baseline ? ` | x${(r.time / baseline.time).toFixed(2)} of baseline (${ms(baseline.time)})` : '';
  console.log(`${name.padEnd(44)} ${ms(r.time).padStart(9)} | ${result.status} via ${result.method}, ${result.pairs.length} pairs, gap ${gap}${ratio} | target ${target}`);
}

const highs = await loadHighsSolver();

/**
 * The whole 0-1 program of a cohort with one share cap, capacity 1, most pairs then best score (a
 * big-M objective), built straight from the eligible pairs: what handing the model to HiGHS
 * without the engine's Lagrangian and fixing costs.
 */
function fullModel(participants: unknown, share: number): { model: MipModel; bigM: number } {
  const { juniorIds, seniorIds, scores } = scorePairs(participants, {});
  const byId = new Map((participants as { id: string; site?: string }[]).map((p) => [p.id, p] as const));
  const cols = seniorIds.length;
  const objective: number[] = [];
  const rowVars: number[][] = juniorIds.map(() => []);
  const colVars: number[][] = seniorIds.map(() => []);
  const capIndex: number[] = [];
  const capValue: number[] = [];
  const bigM = 100 * (Math.min(juniorIds.length, cols) + 1);
  for (let r = 0; r < juniorIds.length; r++) {
    for (let c = 0; c < cols; c++) {
      const w = scores[r * cols + c]!;
      if (Number.isNaN(w)) continue;
      const v = objective.length;
      objective.push(w + bigM);
      rowVars[r]!.push(v);
      colVars[c]!.push(v);
      const a = byId.get(juniorIds[r]!)!.site;
      const b = byId.get(seniorIds[c]!)!.site;
      capIndex.push(v);
      capValue.push((a != null && b != null && a !== b ? 1 : 0) - share);
    }
  }
  const ones = (vars: number[]): MipRow => ({ index: Int32Array.from(vars), value: new Float64Array(vars.length).fill(1), lower: -Infinity, upper: 1 });
  const rows: MipRow[] = [...rowVars.filter((v) => v.length > 1).map(ones), ...colVars.filter((v) => v.length > 1).map(ones)];
  rows.push({ index: Int32Array.from(capIndex), value: Float64Array.from(capValue), lower: -Infinity, upper: 0 });
  return { model: { variables: objective.length, objective: Float64Array.from(objective), rows }, bigM };
}

const DIRECT_LIMIT_MS = 30_000;

function direct(participants: unknown, share: number): { time: number; objective: number; status: string } {
  const { model } = fullModel(participants, share);
  const start = performance.now();
  const out = highs.solve(model, { timeLimitMs: DIRECT_LIMIT_MS });
  const time = performance.now() - start;
  let total = 0;
  for (let i = 0; i < model.variables; i++) if (out.x?.[i] === 1) total += model.objective[i]!;
  return { time, objective: total, status: out.status };
}
// Generated organisations cross sites in nearly every pair (the crossSilo bonus), so the binding
// quota is a cap: at most this share of pairs across sites.
const crossSite = (share: number): NonNullable<ProgramInput['quotas']> => [{ id: 'cross-site', kind: 'maxShare', where: 'differentSite', share }];

// 1. 50 x 50, cross-site quota and must-match on the comex, javascript-lp-solver (auto).
{
  const { participants } = generateOrganisation({ juniors: 50, seniors: 50, seed: 11 });
  const program: ProgramInput = { quotas: [...crossSite(0.5), { id: 'comex', kind: 'mustMatch', tag: 'comex' }] };
  const base = run(participants, {});
  line('50 x 50 quota + mustMatch, auto', run(participants, program), base, '< 1 s, exact');
  line('  same, HiGHS adapter', run(participants, program, { solver: 'mip', mipSolver: highs }), base, 'equal optimum');
}

// 2. 200 x 200 with a binding quota: the engine (Lagrangian, fixing, HiGHS when needed) against
// HiGHS alone on the whole model.
{
  const { participants } = generateOrganisation({ juniors: 200, seniors: 200, seed: 12 });
  const program: ProgramInput = { quotas: crossSite(0.5) };
  const engine = run(participants, program, { solver: 'mip', mipSolver: highs });
  const alone = direct(participants, 0.5);
  const ratio = engine.time / alone.time;
  line('200 x 200 binding quota, mip with HiGHS', engine, null, '< 3 s, exact');
  const stoppedNote = alone.status === 'optimal' ? '' : `, stopped at its ${ms(DIRECT_LIMIT_MS)} limit: ${alone.status}`;
  console.log(`${''.padEnd(44)} baseline: HiGHS alone on the whole model (big-M objective) ${ms(alone.time)}${stoppedNote}; whole match x${ratio.toPrecision(2)} of it`);
}

// 2b. 200 x 200 with three rules (share cap, must-match, per-department cap), HiGHS.
{
  const { participants } = generateOrganisation({ juniors: 200, seniors: 200, seed: 12 });
  const program: ProgramInput = {
    quotas: [
      ...crossSite(0.5),
      { id: 'comex', kind: 'mustMatch', tag: 'comex' },
      { id: 'dept-cap', kind: 'maxPairs', per: { side: 'senior', field: 'department' }, count: 25 },
    ],
  };
  const base = run(participants, {});
  line('200 x 200 three rules, mip with HiGHS', run(participants, program, { solver: 'mip', mipSolver: highs, timeLimitMs: 60_000 }), base, 'exact');
}

// 3. 1000 x 1000 with a binding quota: Lagrangian against the HiGHS optimum.
{
  const n = quick ? 300 : 1000;
  const { participants } = generateOrganisation({ juniors: n, seniors: n, seed: 13 });
  const program: ProgramInput = { quotas: crossSite(0.5) };
  const exact = run(participants, program, { solver: 'mip', mipSolver: highs }, false);
  const lagr = run(participants, program, { solver: 'lagrangian' });
  line(`${n} x ${n} binding quota, HiGHS (exact)`, exact, null, 'reference optimum');
  line(`${n} x ${n} binding quota, Lagrangian`, lagr, exact, '< 5 s, gap <= 0.5%');
  const loss = (exact.result.objective - lagr.result.objective) / exact.result.objective;
  console.log(`${''.padEnd(44)} Lagrangian total ${lagr.result.objective.toFixed(2)} vs optimum ${exact.result.objective.toFixed(2)}: ${(100 * loss).toFixed(3)}% below; bound ${lagr.result.bound?.toFixed(2)} >= optimum: ${(lagr.result.bound ?? Infinity) >= exact.result.objective - 1e-6}`);
}

// 4. maximin on 1000 x 1000 (no quotas), against maxPairsThenScore on the same cohort.
{
  const n = quick ? 300 : 1000;
  const { participants } = generateOrganisation({ juniors: n, seniors: n, seed: 14 });
  const base = run(participants, { objective: 'maxPairsThenScore' });
  const r = run(participants, { objective: 'maximin' });
  line(`${n} x ${n} maximin`, r, base, '< 3 s');
  console.log(`${''.padEnd(44)} least pair score ${r.result.stats.minPairScore.toFixed(2)} (maxPairsThenScore: ${base.result.stats.minPairScore.toFixed(2)}), total ${r.result.objective.toFixed(1)} (${base.result.objective.toFixed(1)})`);
}
