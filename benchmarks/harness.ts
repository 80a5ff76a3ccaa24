/** Tiny benchmark harness: median wall time over runs, peak RSS growth, a ratio to a baseline. */

/** Figures of one measured function. */
export interface Measure {
  /** Median wall-clock milliseconds. */
  readonly medianMs: number;
  /** Largest resident-set growth seen during a run, in MiB (a rough peak-memory figure). */
  readonly peakMiB: number;
}

/** Runs `fn` `runs` times (after one warm-up) and returns the median time and the peak RSS growth. */
export function measure(fn: () => unknown, runs = 5): Measure {
  fn();
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().rss;
    const sampler = setInterval(() => undefined, 1000);
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    clearInterval(sampler);
    peak = Math.max(peak, (process.memoryUsage().rss - before) / 2 ** 20);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, peakMiB: Math.max(0, peak) };
}

/** Prints one table of cases, each with its baseline and the ratio. */
export function printTable(title: string, rows: readonly { name: string; ours: Measure; baseline?: Measure; baselineName?: string; note?: string }[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| case | ours (median ms) | RSS growth MiB | baseline | baseline (median ms) | ratio ours/baseline | note |');
  console.log('|---|---:|---:|---|---:|---:|---|');
  for (const r of rows) {
    const ratio = r.baseline ? (r.ours.medianMs / r.baseline.medianMs).toFixed(2) : '-';
    console.log(
      `| ${r.name} | ${r.ours.medianMs.toFixed(1)} | ${r.ours.peakMiB.toFixed(0)} | ${r.baselineName ?? '-'} | ${r.baseline ? r.baseline.medianMs.toFixed(1) : '-'} | ${ratio} | ${r.note ?? ''} |`,
    );
  }
}
