/**
 * The library in a few lines: validate participants and a program, match, read the pairs.
 * Run against the built package: `npm run build && npx tsx --tsconfig tsconfig.dist.json examples/basic.ts`.
 */
import { readFileSync } from 'node:fs';
import { ValidationError, match, parseParticipants, parseProgram } from 'binome';

const participants = parseParticipants(JSON.parse(readFileSync(new URL('./data/participants.sample.json', import.meta.url), 'utf8')));
const program = parseProgram({ objective: 'maxPairsThenScore', constraints: { minScore: 10, maxTimezoneGapHours: 6 } });

const result = match({ participants, program }, { locale: 'en' });
for (const pair of result.pairs) {
  console.log(`${pair.juniorId} -> ${pair.seniorId}  ${pair.score.toFixed(1)}  ${pair.explanation}`);
}
for (const u of result.unmatched) console.log(`unmatched ${u.id}: ${u.reason} (${u.detail})`);
if (result.pairs.length === 0) throw new Error('expected pairs from the sample');

// Bad input is reported record by record, field by field.
try {
  parseParticipants([{ id: 'j-1', role: 'junior', volunteer: true, department: 'IT', skills: { 'ai-tools': 7 }, wants: {} }]);
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  console.log(`\n${error.code}: ${error.message}`);
}
