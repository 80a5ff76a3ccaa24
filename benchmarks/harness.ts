/** Tiny benchmark harness: median wall time over runs and a ratio to a baseline in the same run. */

/** Figures of one measured function. */
export interface Measure {
  /** Median wall-clock milliseconds. */
  readonly medianMs: number;
}

/** Runs `fn` `runs` times (after one warm-up) and returns the median time. */
export function measure(fn: () => unknown, runs = 5): Measure {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]! };
}

/** Prints one table of cases, each with its baseline and the ratio. */
export function printTable(title: string, rows: readonly { name: string; ours: Measure; baseline?: Measure; baselineName?: string; note?: string }[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| case | ours (median ms) | baseline | baseline (median ms) | ratio ours/baseline | note |');
  console.log('|---|---:|---|---:|---:|---|');
  for (const r of rows) {
    const ratio = r.baseline ? (r.ours.medianMs / r.baseline.medianMs).toFixed(2) : '-';
    console.log(
      `| ${r.name} | ${r.ours.medianMs.toFixed(1)} | ${r.baselineName ?? '-'} | ${r.baseline ? r.baseline.medianMs.toFixed(1) : '-'} | ${ratio} | ${r.note ?? ''} |`,
    );
  }
}
