/**
 * Programme rules: a cross-site quota, every comex member paired, at most 6 pairs per senior
 * department; then the same with the HiGHS adapter, and a programme that cannot hold, diagnosed.
 *
 *   npx tsx examples/quotas.ts
 */
import { generateOrganisation, match, type ProgramInput } from 'binome';
import { loadHighsSolver } from 'binome/highs';

const { participants } = generateOrganisation({ juniors: 60, seniors: 60, seed: 7 });
const program: ProgramInput = {
  quotas: [
    { id: 'same-site', kind: 'maxShare', where: 'differentSite', share: 0.5 },
    { id: 'comex', kind: 'mustMatch', tag: 'comex' },
    { id: 'dept-cap', kind: 'maxPairs', per: { side: 'senior', field: 'department' }, count: 6 },
  ],
};

const result = match({ participants, program });
console.log(`${result.status} via ${result.method}: ${result.pairs.length} pairs, total ${result.objective.toFixed(1)}, gap ${result.gap}`);
console.log(`cross-site share ${(100 * result.stats.crossSiteShare).toFixed(1)}% (at most 50%)`);
const shaped = result.pairs.find((p) => p.explanation.includes('Paired to meet'));
if (shaped) console.log(shaped.explanation);
const left = result.unmatched.find((u) => u.reason === 'rules');
if (left) console.log(`${left.id}: ${left.detail}`);

// The same programme, solved by HiGHS (an optional peer dependency: npm install highs).
const highs = await loadHighsSolver();
const withHighs = match({ participants, program }, { solver: 'mip', mipSolver: highs });
console.log(`HiGHS: ${withHighs.status} via ${withHighs.method}, total ${withHighs.objective.toFixed(1)}`);
if (Math.abs(withHighs.objective - result.objective) > 1e-6) throw new Error('the exact methods disagree');

// A programme that cannot hold: every comex member paired, but at most one pair for the comex.
const strict = match({
  participants,
  program: {
    quotas: [
      { id: 'comex', kind: 'mustMatch', tag: 'comex' },
      { id: 'comex-cap', kind: 'maxPairs', per: { side: 'senior', field: 'tag' }, values: ['comex'], count: 1 },
    ],
  },
});
console.log(`strict programme: ${strict.status}`);
if (strict.status !== 'infeasible') throw new Error('expected an infeasible programme');
for (const c of strict.diagnosis?.conflicts ?? []) console.log(`  conflict: ${c.message}`);
for (const r of strict.diagnosis?.relaxations ?? []) console.log(`  relax: ${r.message}`);
