/**
 * A programme's life after the first day, on the 12-person sample: start from a preset, plan
 * three rounds without repeating a pair, re-match after someone leaves and a pair fails, and group
 * the mentors into peer circles.
 *
 * Run: npx tsx examples/lifecycle.ts
 */
import { readFileSync } from 'node:fs';
import { match, mentorCircles, planRotation, presets, rematch, withPreset } from 'binome';

const participants: unknown = JSON.parse(readFileSync(new URL('./data/participants.sample.json', import.meta.url), 'utf8'));
const program = withPreset(presets.reciprocalExchange, { constraints: { sharedLanguage: true } });

const plan = planRotation({ participants, program }, { rounds: 3, strategy: 'best' });
console.log(`rotation (${plan.strategy}): ${plan.rounds.map((r, i) => `round ${i + 1}: ${r.pairs.map((p) => `${p.juniorId}-${p.seniorId}`).join(' ')}`).join(' | ')}`);

const first = match({ participants, program });
const [failed] = first.pairs;
const next = rematch(first, { left: ['s-1005'], failed: failed ? [failed] : [] }, { participants, program }, { maxChanges: 1 });
for (const change of next.changes) console.log(`  ${change.kind.padEnd(5)} ${change.juniorId}-${change.seniorId}: ${change.reason}`);

const { circles } = mentorCircles(next, { participants }, { size: [2, 3] });
for (const circle of circles) console.log(circle.explanation);
console.log(first.pairs[0]?.explanation);
