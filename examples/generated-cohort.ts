/**
 * A generated organisation (seeded, so the same every run) matched end to end, with the
 * certificate of optimality. Run: `npx tsx examples/generated-cohort.ts [juniors] [seniors]`.
 */
import { generateOrganisation, match } from 'binome';

const juniors = Number(process.argv[2] ?? 400);
const seniors = Number(process.argv[3] ?? 400);
const { participants } = generateOrganisation({ juniors, seniors, seed: 42 });
const result = match({ participants, program: {} }, { locale: 'fr' });
const { stats } = result;
console.log(`${stats.juniors} juniors x ${stats.seniors} seniors: ${stats.eligiblePairs} eligible pairs, ${stats.pairs} pairs, mean score ${stats.meanScore.toFixed(1)}`);
console.log(`certificate: ${stats.certificate?.verified ? 'verified' : 'NOT verified'} (largest violation ${stats.certificate?.maxViolation})`);
console.log(`time (ms): ${JSON.stringify(Object.fromEntries(Object.entries(stats.timeMs).map(([k, v]) => [k, Math.round(v)])))}`);
const first = result.pairs[0];
if (first) console.log(`\n${first.explanation}`);
const unpaired = result.unmatched[0];
if (unpaired) console.log(`\n${unpaired.id}: ${unpaired.detail}`);
if (!stats.certificate?.verified) throw new Error('the certificate must verify');
