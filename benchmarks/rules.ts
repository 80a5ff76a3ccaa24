/**
 * Benchmarks of programme rules (issue "Programme rules beyond pairs"): each target printed with
 * its time and the ratio to a baseline measured in the same run.
 *
 *   npm run bench:rules            all four targets
 *   npm run bench:rules -- --quick smaller sizes, for a smoke run
 */
import { generateOrganisation, match, type MatchOptions, type MatchResult, type ProgramInput } from '../src/index';
import { loadHighsSolver } from '../src/highs';

const quick = process.argv.includes('--quick');
const ms = (t: number) => (t < 1000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(2)} s`);

function run(participants: unknown, program: ProgramInput, options: MatchOptions = {}): { result: MatchResult; time: number } {
  match({ participants, program }, { ...options, alternatives: false }); // warm-up (JIT)
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

// 2. 200 x 200 with binding quotas, HiGHS.
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
  line('200 x 200 binding quotas, HiGHS (mip)', run(participants, program, { solver: 'mip', mipSolver: highs }), base, '< 3 s, exact');
  line('  same, javascript-lp-solver (mip)', run(participants, program, { solver: 'mip', timeLimitMs: 30_000 }), base, 'for comparison');
}

// 3. 1000 x 1000 with a binding quota: Lagrangian against the HiGHS optimum.
{
  const n = quick ? 300 : 1000;
  const { participants } = generateOrganisation({ juniors: n, seniors: n, seed: 13 });
  const program: ProgramInput = { quotas: crossSite(0.5) };
  const exact = run(participants, program, { solver: 'mip', mipSolver: highs });
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
