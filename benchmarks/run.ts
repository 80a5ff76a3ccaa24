/**
 * `npm run bench [-- <filter>] [--quick]`: the figures of the README's performance section.
 *
 * Every case runs each implementation in its own process (so that peak memory is its own) on the
 * same instance, written once to a temporary directory, and prints a table: median time, peak
 * memory and the ratios to the baseline measured in the same run. Objectives are checked equal;
 * our certificate is checked after the timed runs.
 *
 * Baselines: scipy (`linear_sum_assignment`, `min_weight_full_bipartite_matching`) when `python3`
 * with scipy is on the machine (skipped with a note otherwise), and the npm package `munkres`.
 * `--quick` keeps the small sizes, for a smoke run; a filter keeps the cases whose name contains it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { denseCosts, orlibCosts, sparseCosts, writeInstance, type InstanceMeta } from './instances';
import { runE2e } from './e2e';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'binome-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** Figures of one implementation on one instance. */
interface Figures {
  readonly times: number[];
  readonly objective: number;
  readonly baseMb: number;
  readonly peakMb: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function hasScipy(): boolean {
  try {
    execFileSync('python3', ['-c', 'import scipy.optimize, scipy.sparse.csgraph'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const scipy = hasScipy();

function runChild(command: string, commandArgs: string[]): Figures | string {
  const out = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (out.status !== 0) return `failed: ${(out.stderr || out.stdout).trim().split('\n').slice(-3).join(' ')}`;
  if (out.stderr.trim() !== '') console.error(out.stderr.trim());
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Figures;
}

const ours = (base: string, runs: number) => runChild(process.execPath, ['--import', 'tsx', join(here, 'worker.ts'), 'binome', base, String(runs)]);
const munkresRun = (base: string, runs: number) => runChild(process.execPath, ['--import', 'tsx', join(here, 'worker.ts'), 'munkres', base, String(runs)]);
const scipyRun = (base: string, runs: number) => (scipy ? runChild('python3', [join(here, 'baselines', 'scipy_assignment.py'), `${base}.json`, String(runs)]) : 'skipped: python3 with scipy not found');

/** One line of a solver table. */
interface SolverCase {
  readonly name: string;
  readonly write: (base: string) => InstanceMeta;
  readonly runs: number;
  readonly baselines: readonly ('scipy' | 'munkres')[];
  /** Input size in MB, for the memory column. */
  readonly inputMb: number;
  readonly quick?: boolean;
}

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

function solverTable(title: string, cases: readonly SolverCase[]): void {
  const chosen = cases.filter((c) => c.name.includes(filter) && (!quick || c.quick));
  if (chosen.length === 0) return;
  console.log(`\n## ${title}\n`);
  console.log('Memory: peak RSS minus RSS at process start, i.e. the input plus the solves (the runtime itself excluded).\n');
  console.log('| case | input | ours: median | ours: memory | baseline | baseline: median | baseline: memory | time ratio | memory ratio | check |');
  console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|---|');
  for (const c of chosen) {
    const base = join(dir, c.name.replace(/[^a-z0-9]+/gi, '-'));
    const meta = c.write(base);
    const mine = ours(base, c.runs);
    const input = c.inputMb > 0 ? `${c.inputMb.toFixed(0)} MB` : '-';
    if (typeof mine === 'string') {
      console.log(`| ${c.name} | ${input} | ${mine} | | | | | | | |`);
      continue;
    }
    const memory = (f: Figures) => Math.max(0, f.peakMb - f.baseMb);
    const known = meta.optimum === undefined ? '' : mine.objective === meta.optimum ? `optimum ${meta.optimum} ✓` : `optimum ${meta.optimum} ✗ (got ${mine.objective})`;
    for (const b of c.baselines) {
      const theirs = b === 'scipy' ? scipyRun(base, c.runs) : munkresRun(base, Math.min(c.runs, 3));
      const name = b === 'scipy' ? (meta.kind === 'sparse' ? 'scipy min_weight_full_bipartite_matching' : meta.colCapacity ? 'scipy linear_sum_assignment, columns replicated' : 'scipy linear_sum_assignment') : 'munkres (npm)';
      const lead = `| ${c.name} | ${input} | ${fmtMs(median(mine.times))} | ${memory(mine).toFixed(0)} MB | ${name}`;
      if (typeof theirs === 'string') {
        console.log(`${lead} | ${theirs} | | | | ${known} |`);
        continue;
      }
      const same = Math.abs(theirs.objective - mine.objective) <= 1e-9 * Math.max(1, Math.abs(mine.objective));
      const check = [same ? 'same objective' : `objectives differ: ${mine.objective} vs ${theirs.objective}`, known].filter(Boolean).join(', ');
      console.log(
        `${lead} | ${fmtMs(median(theirs.times))} | ${memory(theirs).toFixed(0)} MB | ${(median(mine.times) / median(theirs.times)).toFixed(2)} | ${(memory(mine) / Math.max(1, memory(theirs))).toFixed(2)} | ${check} |`,
      );
    }
  }
}

const dense = (rows: number, cols: number, integer: boolean, seed: number) => (base: string): InstanceMeta => {
  const meta: InstanceMeta = { kind: 'dense', rows, cols, maximize: false };
  writeInstance(base, meta, { weights: denseCosts(rows, cols, integer, seed) });
  return meta;
};

solverTable('Dense (minimise, perfect; rectangular: every row of the short side)', [
  ...[1000, 2000, 3000].flatMap((n) =>
    (['integer', 'float'] as const).map((k) => ({
      name: `dense ${n}x${n} ${k}`,
      write: dense(n, n, k === 'integer', n + (k === 'integer' ? 1 : 2)),
      runs: n >= 3000 ? 3 : 5,
      baselines: n <= 2000 ? (['scipy', 'munkres'] as const) : (['scipy'] as const),
      inputMb: (n * n * 8) / 1e6,
      quick: n === 1000,
    })),
  ),
  { name: 'dense 1000x3000 float', write: dense(1000, 3000, false, 7), runs: 5, baselines: ['scipy', 'munkres'], inputMb: 24, quick: true },
]);

solverTable('Capacities (3,000 seniors x 1,500 juniors taking 2 each)', [
  {
    name: 'capacities 3000x1500 cap 2',
    write: (base) => {
      const meta: InstanceMeta = { kind: 'dense', rows: 3000, cols: 1500, maximize: false, colCapacity: true };
      writeInstance(base, meta, { weights: denseCosts(3000, 1500, false, 11), colcap: new Int32Array(1500).fill(2) });
      return meta;
    },
    runs: 3,
    baselines: ['scipy'],
    inputMb: (3000 * 1500 * 8) / 1e6,
    quick: true,
  },
]);

solverTable('Sparse (50 allowed pairs per row, minimise, perfect)', [10_000, 100_000].map((n) => ({
  name: `sparse ${n}x${n} 50/row`,
  write: (base: string) => {
    const meta: InstanceMeta = { kind: 'sparse', rows: n, cols: n, maximize: false };
    writeInstance(base, meta, sparseCosts(n, 50, n + 3));
    return meta;
  },
  runs: n >= 100_000 ? 1 : 3,
  baselines: ['scipy'] as const,
  inputMb: (n * 50 * 16) / 1e6,
  quick: n === 10_000,
})));

solverTable('OR-Library (known optima from its README)', Object.entries({ assign100: 305, assign500: 991, assign600: 1176, assign700: 1362 }).map(([name, optimum]) => ({
  name: `orlib ${name}`,
  write: (base: string) => {
    const { n, weights } = orlibCosts(join(here, 'data', 'orlib', `${name}.txt`));
    const meta: InstanceMeta = { kind: 'dense', rows: n, cols: n, maximize: false, optimum };
    writeInstance(base, meta, { weights });
    return meta;
  },
  runs: 5,
  baselines: ['scipy', 'munkres'] as const,
  inputMb: 0,
  quick: true,
})));

runE2e(filter, quick);
console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}${scipy ? '' : '; scipy baselines skipped (python3 with scipy not found)'}`);
