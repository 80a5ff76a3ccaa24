/** The end-to-end tables of `npm run bench`: `match()` on shared and generated organisations. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

interface E2eFigures {
  readonly times: number[];
  readonly baseMb: number;
  readonly peakMb: number;
  readonly stats?: {
    juniors: number;
    seniors: number;
    eligiblePairs: number;
    pairs: number;
    timeMs: { validate: number; score: number; solve: number; explain: number; total: number };
    verified?: boolean;
  };
}

function worker(source: string, alternatives: boolean, runs: number, scoring = false): E2eFigures | string {
  const out = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', join(here, 'e2e-worker.ts'), source, alternatives ? 'on' : 'off', String(runs), ...(scoring ? ['scoring'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (out.status !== 0) return `failed: ${(out.stderr || out.stdout).trim().split('\n').slice(-2).join(' ')}`;
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as E2eFigures;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/**
 * Prints the end-to-end table.
 *
 * @param filter - Keep the cases whose name contains it.
 * @param quick - Keep the small organisations only.
 */
export function runE2e(filter: string, quick: boolean): void {
  const cases = [
    { name: 'match org-200.json (100 x 100)', source: join(here, 'data', 'org-200.json'), runs: 5, floor: true, quick: true, alternatives: true },
    { name: 'match org-2000.json (1,000 x 1,000)', source: join(here, 'data', 'org-2000.json'), runs: 3, floor: true, quick: true, alternatives: true },
    { name: 'match generated 5,000 x 5,000, alternatives off', source: 'generate:5000:5000:1', runs: 1, floor: false, quick: false, alternatives: false },
    { name: 'match generated 5,000 x 5,000, alternatives on', source: 'generate:5000:5000:1', runs: 1, floor: false, quick: false, alternatives: true },
  ].filter((c) => c.name.includes(filter) && (!quick || c.quick));
  if (cases.length === 0) return;
  console.log('\n## match() end to end (sample program without quotas)\n');
  console.log('| case | median | peak RSS | validate / score / solve / explain (first run) | eligible pairs | pairs | certificate | baseline: scoring only (scorePairs) | ratio |');
  console.log('|---|---:|---:|---|---:|---:|---|---:|---:|');
  for (const c of cases) {
    const f = worker(c.source, c.alternatives, c.runs);
    if (typeof f === 'string') {
      console.log(`| ${c.name} | ${f} | | | | | | | |`);
      continue;
    }
    const t = f.stats!.timeMs;
    const floor = c.floor ? worker(c.source, false, c.runs, true) : undefined;
    const floorMs = floor && typeof floor !== 'string' ? median(floor.times) : undefined;
    console.log(
      `| ${c.name} | ${s(median(f.times))} | ${f.peakMb.toFixed(0)} MB | ${s(t.validate)} / ${s(t.score)} / ${s(t.solve)} / ${s(t.explain)} | ${f.stats!.eligiblePairs.toLocaleString('en-US')} | ${f.stats!.pairs} | ${f.stats!.verified ? 'verified' : 'NOT verified'} | ${floorMs === undefined ? '-' : s(floorMs)} | ${floorMs === undefined ? '-' : (median(f.times) / floorMs).toFixed(2)} |`,
    );
  }
}
