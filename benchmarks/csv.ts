/**
 * How long `binome validate people.csv` takes on a 10,000-row export (target: under 2 s), next to
 * two baselines measured in the same run on the same data:
 *
 * - `csv-parse/sync` alone on the text: tokenising the CSV, without conversion or validation;
 * - `parseParticipants(JSON.parse(...))` on the same participants written as JSON: the library's
 *   JSON path, i.e. the cost of validation without CSV.
 *
 * Results are checked before timing (10,000 valid participants, equal to the JSON path's).
 * Median of 5 runs after a warm-up.
 *
 *   npm run bench:csv
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'csv-parse/sync';
import { parseParticipants } from '../src/index';
import { loadParticipants, validateFile } from '../src/io/index';

const file = new URL('./data/org-10000.csv', import.meta.url).pathname;
const runs = 5;
const TARGET_MS = 2000;
const ms = (t: number) => (t < 1000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(2)} s`);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median time of `runs` runs of `task`, after one untimed warm-up run. */
async function time(task: () => unknown): Promise<number> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return median(times);
}

// Check the results before timing anything.
const text = readFileSync(file, 'utf8');
const report = await validateFile(file);
if (report.kind !== 'participants' || report.count !== 10_000 || report.issues.length > 0) {
  throw new Error(`validateFile: expected 10,000 valid participants, got ${JSON.stringify({ ...report, issues: report.issues.slice(0, 3) })}`);
}
const participants = await loadParticipants(file);
const json = JSON.stringify(participants);
if (!isDeepStrictEqual(parseParticipants(JSON.parse(json)), participants)) throw new Error('the CSV and JSON paths disagree');

const validate = await time(() => validateFile(file));
const tokenise = await time(() => parse(text, { bom: true, relax_column_count: true }));
const jsonPath = await time(() => parseParticipants(JSON.parse(json)));

const row = (name: string, t: number, note: string) => console.log(`${name.padEnd(48)} ${ms(t).padStart(9)}  ${note}`);
console.log(`org-10000.csv: ${participants.length} participants, ${(text.length / 1e6).toFixed(1)} MB; median of ${runs} runs`);
row('validateFile (stream, convert, validate)', validate, `target < ${ms(TARGET_MS)}: ${validate < TARGET_MS ? 'ok' : 'MISSED'}`);
row('baseline: csv-parse/sync alone', tokenise, `validateFile is x${(validate / tokenise).toFixed(2)}`);
row('baseline: parseParticipants(JSON.parse) same data', jsonPath, `validateFile is x${(validate / jsonPath).toFixed(2)}`);
if (validate >= TARGET_MS) process.exitCode = 1;
