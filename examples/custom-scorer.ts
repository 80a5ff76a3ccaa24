/**
 * Plugging in a custom scorer and a custom hard constraint through the TypeScript API.
 * Run against the built package: `npm run build && npx tsx --tsconfig tsconfig.dist.json examples/custom-scorer.ts`.
 */
import { readFileSync } from 'node:fs';
import { defineConstraint, defineScorer, match, type Participant } from 'binome';

const participants: unknown = JSON.parse(readFileSync(new URL('./data/participants.sample.json', import.meta.url), 'utf8'));

/** Rewards a generation gap of 20 years or more (values in [0, 1]). */
const generationGap = defineScorer({
  id: 'generationGap',
  score: (junior: Participant, senior: Participant) => {
    if (junior.birthYear === undefined || senior.birthYear === undefined) return 0;
    return Math.min(1, Math.max(0, (junior.birthYear - senior.birthYear) / 20));
  },
  explain: (junior, senior) => [
    {
      text: {
        en: `born ${junior.birthYear ?? '?'} and ${senior.birthYear ?? '?'}`,
        fr: `nés en ${junior.birthYear ?? '?'} et ${senior.birthYear ?? '?'}`,
      },
    },
  ],
});

/** Keeps remote workers with remote workers (an attribute of the HR export). */
const remoteTogether = defineConstraint({
  id: 'remoteTogether',
  allows: (junior, senior) => (junior.attributes?.remote ?? false) === (senior.attributes?.remote ?? false),
  why: () => ({ text: { en: 'one works remotely, the other does not', fr: "l'un travaille à distance, l'autre non" } }),
});

const result = match(
  {
    participants,
    program: { weights: { skillGap: 0.5, reciprocity: 0.2, crossSilo: 0.1, generationGap: 0.2 }, constraints: { minScore: 5 } },
  },
  { scorers: [generationGap], constraints: [remoteTogether], locale: 'fr' },
);
for (const pair of result.pairs) {
  const gap = pair.contributions.find((c) => c.scorer === 'generationGap');
  console.log(`${pair.juniorId} -> ${pair.seniorId}  ${pair.score.toFixed(1)}  (generationGap ${gap?.points.toFixed(1)}: ${gap?.reasons.join('; ')})`);
}
for (const u of result.unmatched) console.log(`non apparié ${u.id} : ${u.detail}`);
if (!result.pairs.every((p) => p.contributions.some((c) => c.scorer === 'generationGap'))) throw new Error('custom scorer missing');
