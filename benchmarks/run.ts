/**
 * `npm run bench`: the figures of the README's performance section.
 *
 * 1. The exact solver on dense random instances, against a textbook O(n^3) Hungarian method
 *    (the reference used by the tests) in the same run; results are checked equal before timing.
 * 2. `match()` end to end on the shared organisations (100 x 100 and 1,000 x 1,000), against the
 *    time needed just to score every pair (`scorePairs`), a floor for any exact method.
 */
import { readFileSync } from 'node:fs';
import { match, scorePairs, type ProgramInput } from '../src/index';
import { solveBMatching, type BipartiteGraph } from '../src/solver/b-matching';
import { hungarianMax } from '../test/helpers/hungarian';
import { rng } from '../test/helpers/random';
import { measure, printTable } from './harness';

function denseGraph(n: number, seed: number): { graph: BipartiteGraph; matrix: number[][] } {
  const rand = rng(seed);
  const matrix = Array.from({ length: n }, () => Array.from({ length: n }, () => Math.floor(rand() * 100)));
  const rowStart = Int32Array.from({ length: n + 1 }, (_, r) => r * n);
  const edgeCol = Int32Array.from({ length: n * n }, (_, e) => e % n);
  const edgeWeight = Float64Array.from({ length: n * n }, (_, e) => matrix[Math.floor(e / n)]![e % n]!);
  const ones = new Int32Array(n).fill(1);
  return { graph: { rows: n, cols: n, rowStart, edgeCol, edgeWeight, rowCapacity: ones, colCapacity: ones }, matrix };
}

const solverRows = [200, 500, 1000].map((n) => {
  const { graph, matrix } = denseGraph(n, n);
  const ours = solveBMatching(graph, 'maxCardinality');
  const reference = hungarianMax(matrix);
  if (ours.pairCount !== n || Math.abs(ours.weight - reference.total) > 1e-6) {
    throw new Error(`solver disagrees with the reference at n=${n}: ${ours.weight} vs ${reference.total}`);
  }
  return {
    name: `dense ${n}x${n}, integer weights 0..99`,
    ours: measure(() => solveBMatching(graph, 'maxCardinality'), n >= 1000 ? 3 : 5),
    baseline: measure(() => hungarianMax(matrix), n >= 1000 ? 3 : 5),
    baselineName: 'textbook Hungarian O(n^3)',
    note: `optimum ${ours.weight}, equal to the reference`,
  };
});
printTable('Exact solver, dense (maxCardinality = perfect assignment here)', solverRows);

const here = new URL('./data/', import.meta.url);
const sample = JSON.parse(readFileSync(new URL('../examples/data/program.sample.json', import.meta.url), 'utf8')) as ProgramInput;
const program = { ...sample, quotas: [] };
const e2eRows = ['org-200.json', 'org-2000.json'].map((file) => {
  const participants: unknown = JSON.parse(readFileSync(new URL(file, here), 'utf8'));
  const result = match({ participants, program });
  const runs = file === 'org-2000.json' ? 3 : 5;
  const s = result.stats;
  return {
    name: `match() ${file} (${s.juniors} x ${s.seniors})`,
    ours: measure(() => match({ participants, program }), runs),
    baseline: measure(() => scorePairs(participants, program), runs),
    baselineName: 'scorePairs only (dense scoring)',
    note: `${s.pairs} pairs, ${s.eligiblePairs} eligible pairs; first run: validate ${s.timeMs.validate.toFixed(0)} ms, score ${s.timeMs.score.toFixed(0)} ms, solve ${s.timeMs.solve.toFixed(0)} ms, explain ${s.timeMs.explain.toFixed(0)} ms`,
  };
});
printTable('match() end to end, sample program without quotas', e2eRows);
console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}`);
