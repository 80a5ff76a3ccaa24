/**
 * One implementation on one instance, in its own process so that its peak memory is its own.
 * Usage: tsx benchmarks/worker.ts <binome|munkres> <instance base path> <runs>
 * Prints one JSON line: times (ms), objective, RSS at start (before reading the instance) and
 * peak RSS (MB): their difference is the memory for the input and the solves.
 */
import { munkres } from 'munkres';
import { solveAssignment, verifyAssignment, type AssignmentProblem } from '../src/index';
import { readInstance } from './instances';

const startMb = process.memoryUsage().rss / 1e6;
const [impl, base, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 3);
const instance = readInstance(base!);
const { meta } = instance;

let solve: () => number;
if (impl === 'binome') {
  const problem: AssignmentProblem =
    'weights' in instance
      ? { rows: meta.rows, cols: meta.cols, weights: instance.weights, ...(instance.colCapacity ? { colCapacity: instance.colCapacity } : {}) }
      : { rows: meta.rows, cols: meta.cols, edges: { row: instance.row, col: instance.col, weight: instance.weight } };
  let last: ReturnType<typeof solveAssignment> | undefined;
  solve = () => {
    last = solveAssignment(problem, { maximize: meta.maximize });
    return last.objective;
  };
  process.on('exit', () => {
    // Checked after the timed runs, so that the check's memory does not count.
    if (last && !verifyAssignment(problem, last).optimal) console.error(`certificate rejected on ${base}`);
  });
} else if (impl === 'munkres') {
  if (!('weights' in instance) || instance.colCapacity) throw new Error('munkres takes dense unit instances only');
  const matrix = Array.from({ length: meta.rows }, (_, r) => Array.from(instance.weights.subarray(r * meta.cols, (r + 1) * meta.cols), (w) => (meta.maximize ? -w : w)));
  solve = () => {
    const pairs = munkres(matrix);
    let total = 0;
    for (const [r, c] of pairs) total += instance.weights[r * meta.cols + c]!;
    return total;
  };
} else throw new Error(`unknown implementation ${impl}`);

// One warm-up run (compilation), not counted in the times: they are the steady state.
solve();
const times: number[] = [];
let objective = Number.NaN;
for (let k = 0; k < runs; k++) {
  const t0 = performance.now();
  objective = solve();
  times.push(performance.now() - t0);
}
const peakMb = process.resourceUsage().maxRSS / 1000;
console.log(JSON.stringify({ times, objective, baseMb: startMb, peakMb }));
