/**
 * `npm run demo`: runs the engine on the 12 sample participants and prints the pairs with their
 * explanations, then everyone left unpaired with the reason. Runs from the sources (no build
 * needed); pass `fr` for French texts: `npm run demo -- fr`.
 */
import { readFileSync } from 'node:fs';
import { match, parseProgram, type MatchResult, type ProgramInput } from 'binome';

const here = new URL('./data/', import.meta.url);
const participants: unknown = JSON.parse(readFileSync(new URL('participants.sample.json', here), 'utf8'));
// The sample program, with its quotas: at least 30% of pairs across sites, every comex member paired.
const program = parseProgram(JSON.parse(readFileSync(new URL('program.sample.json', here), 'utf8')) as ProgramInput);
const locale = process.argv[2] === 'fr' ? 'fr' : 'en';
const result: MatchResult = match({ participants, program }, { locale });

const fmt = (n: number) => n.toFixed(1).padStart(5);
const line = '-'.repeat(100);
console.log(`binome demo: ${program.name ?? 'sample program'} (objective ${program.objective})`);
console.log(`rules: ${program.quotas.map((q) => `${q.id} (${q.kind})`).join(', ') || 'none'}; ${result.status} via ${result.method}, gap ${result.gap ?? 'n/a'}`);
console.log(`${result.stats.pairs} pairs, ${result.unmatched.length} unmatched, total score ${result.objective.toFixed(1)}, mean ${result.stats.meanScore.toFixed(1)}, across sites ${(100 * result.stats.crossSiteShare).toFixed(0)}%`);
for (const warning of result.warnings) console.log(`warning: ${warning}`);
console.log('');
console.log(`${'junior'.padEnd(10)} ${'senior'.padEnd(10)} score  contributions`);
console.log(line);
for (const pair of result.pairs) {
  const parts = pair.contributions.filter((c) => c.points > 0).map((c) => `${c.scorer} ${c.points.toFixed(1)}`);
  console.log(`${pair.juniorId.padEnd(10)} ${pair.seniorId.padEnd(10)} ${fmt(pair.score)}  ${parts.join(', ')}`);
  console.log(`  ${pair.explanation}`);
  for (const c of pair.contributions) {
    if (c.points > 0) console.log(`    ${c.scorer}: ${c.reasons.join('; ')}`);
  }
  for (const note of pair.notes) console.log(`    note: ${note}`);
  console.log('');
}
console.log('Unmatched');
console.log(line);
for (const u of result.unmatched) console.log(`${u.id.padEnd(10)} ${(u.name ?? '').padEnd(20)} ${u.reason.padEnd(20)} ${u.detail}`);
