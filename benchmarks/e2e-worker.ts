/**
 * `match()` end to end on one organisation, in its own process.
 * Usage: tsx benchmarks/e2e-worker.ts <file.json | generate:<juniors>:<seniors>:<seed>> <alternatives: on|off> <runs> [scoring]
 * With `scoring`, times `scorePairs` (the scoring floor) instead of `match`.
 * Prints one JSON line: times (ms), the first run's stats, RSS before and peak RSS (MB).
 */
import { readFileSync } from 'node:fs';
import { generateOrganisation, match, scorePairs, type MatchResult, type ProgramInput } from '../src/index';

const [source, alternatives, runsText, mode] = process.argv.slice(2);
const runs = Number(runsText ?? 1);
const sample = JSON.parse(readFileSync(new URL('../examples/data/program.sample.json', import.meta.url), 'utf8')) as ProgramInput;
// The sample program without its quotas (not enforced by this version).
const program = { ...sample, quotas: [] };
let participants: unknown;
if (source!.startsWith('generate:')) {
  const [juniors, seniors, seed] = source!.split(':').slice(1).map(Number);
  participants = generateOrganisation({ juniors: juniors!, seniors: seniors!, seed: seed! }).participants;
} else participants = JSON.parse(readFileSync(source!, 'utf8'));

const baseMb = process.memoryUsage().rss / 1e6;
const times: number[] = [];
let first: MatchResult | undefined;
for (let k = 0; k < runs; k++) {
  const t0 = performance.now();
  if (mode === 'scoring') scorePairs(participants, program);
  else {
    const result = match({ participants, program }, { alternatives: alternatives === 'on' });
    first ??= result;
  }
  times.push(performance.now() - t0);
}
const peakMb = process.resourceUsage().maxRSS / 1000;
const stats = first?.stats;
console.log(
  JSON.stringify({
    times,
    baseMb,
    peakMb,
    stats: stats && {
      juniors: stats.juniors,
      seniors: stats.seniors,
      eligiblePairs: stats.eligiblePairs,
      pairs: stats.pairs,
      timeMs: stats.timeMs,
      verified: stats.certificate?.verified,
    },
  }),
);
