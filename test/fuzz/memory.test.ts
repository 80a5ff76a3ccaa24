/**
 * Memory stays bounded on hostile input: test/fuzz/memory-child.ts feeds the fixed corpora, every
 * hostile value, hostile CSV texts and hostile files through the parsers and the command line in a
 * Node process whose heap is capped at {@link HEAP_MB}. Loading the library, the test tools and
 * the hostile values takes about 40 MB of it; a parser that expanded the ten-million-slot sparse
 * array (80 MB), or rendered a hundred thousand issues into one message, would not fit. The
 * control run does exactly that expansion and must die, so the cap is known to bind.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CASE_TIME_LIMIT_MS } from './fuzz-helpers';
import type { MemoryReport } from './memory-child';

/** The heap cap of the child process (`--max-old-space-size`), in MB. */
const HEAP_MB = 96;

const child = fileURLToPath(new URL('./memory-child.ts', import.meta.url));

function runChild(...args: string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', child, ...args], { encoding: 'utf8', timeout: 120_000 });
}

describe(`memory: every hostile input handled within a ${HEAP_MB} MB heap`, () => {
  test('the control (a dense copy of the sparse array) runs out of memory', () => {
    const run = runChild('--control');
    expect(run.status === 0, 'the control fitted: the cap does not bind').toBe(false);
    expect(run.stderr).toContain('heap out of memory');
  }, 120_000);

  test('parsers and command line: every case handled, refused with a library error or accepted', () => {
    const run = runChild();
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as MemoryReport;
    expect(report.escaped).toEqual([]);
    expect(report.cases).toBeGreaterThan(2000);
    expect(report.refused).toBeGreaterThan(report.cases / 2);
    expect(report.heapMb).toBeLessThan(HEAP_MB);
    expect(report.slowest.ms, report.slowest.name).toBeLessThan(CASE_TIME_LIMIT_MS * 5);
  }, 120_000);
});
