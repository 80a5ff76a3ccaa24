/**
 * Run by memory.test.ts in a Node process whose heap is capped (`--max-old-space-size`), so that
 * any hostile input that made a parser or the command line allocate in proportion to what the
 * input claims (ten million array slots, ten thousand levels, a megabyte copied per issue) kills
 * the process instead of passing. It feeds the fixed corpora of the three JSON formats, every
 * hostile value as a whole document, hostile CSV texts, and hostile files through the command
 * line, and prints one JSON line: the cases, how many were refused, anything that escaped other
 * than a library error, the slowest case and the largest heap seen after a case.
 *
 * With `--control` it does what a careless parser would (copies the sparse array into a dense
 * one) instead, which must exceed the same cap: the proof that the cap binds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { BinomeError } from '../../src/errors';
import { parseHistory, parseParticipants, parseProgram } from '../../src/index';
import { parseParticipantsCsv } from '../../src/io/csv-participants';
import { corpusAtEveryPath, fixtureJson, fixtureText, HOSTILE_VALUES, HUGE_STRING, SPARSE_ARRAY, WIDE_OBJECT } from './corpus';

/** What the child prints. */
export interface MemoryReport {
  readonly cases: number;
  readonly refused: number;
  /** Cases whose error was not a library error, or whose exit code was 3 or showed a stack. */
  readonly escaped: readonly string[];
  readonly slowest: { readonly name: string; readonly ms: number };
  /** Largest `heapUsed` after a case, in MB. */
  readonly heapMb: number;
}

let cases = 0;
let refused = 0;
const escaped: string[] = [];
let slowest = { name: '', ms: 0 };
let heapMb = 0;

const trace = process.env.BINOME_MEMORY_TRACE !== undefined;

function record(name: string, start: number): void {
  cases++;
  if (trace) console.error(`${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MB ${(performance.now() - start).toFixed(0)} ms ${name.slice(0, 120)}`);
  const ms = performance.now() - start;
  if (ms > slowest.ms) slowest = { name, ms };
  heapMb = Math.max(heapMb, process.memoryUsage().heapUsed / 2 ** 20);
}

/** One synchronous case: success, or a library error. */
function run(name: string, target: () => unknown): void {
  const start = performance.now();
  try {
    target();
  } catch (error) {
    if (error instanceof BinomeError) refused++;
    else escaped.push(`${name}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
  }
  record(name, start);
}

/** One command line: exit 0, 1 or 2 without a stack trace. */
async function runCommand(dir: string, argv: readonly string[]): Promise<void> {
  const name = `binome ${argv.join(' ')}`;
  let stderr = '';
  const env = { stdout: { write: () => true }, stderr: { write: (s: string) => ((stderr += s), true) }, cwd: dir };
  const start = performance.now();
  const code = await runCli(argv, env);
  if (code === 3 || /^\s+at\s/m.test(stderr)) escaped.push(`${name}: exit ${code} ${stderr.slice(0, 200)}`);
  else if (code !== 0) refused++;
  record(name, start);
}

async function main(): Promise<void> {
  if (process.argv.includes('--control')) {
    // What the parsers must never do: a dense copy of ten million slots (80 MB and more).
    const dense = Array.from(SPARSE_ARRAY);
    console.log(JSON.stringify({ control: dense.length }));
    return;
  }

  const participants = fixtureJson('participants.sample.json');
  const program = fixtureJson('program.sample.json');
  const history = fixtureJson('history.sample.json');
  const hostile = [...HOSTILE_VALUES, WIDE_OBJECT];

  // Every hostile value as a whole document, and where each format expects its main list.
  hostile.forEach((value, i) => {
    run(`participants: hostile #${i}`, () => parseParticipants(value));
    run(`participants: [hostile #${i}]`, () => parseParticipants([value]));
    run(`participants: { participants: hostile #${i} }`, () => parseParticipants({ participants: value }));
    run(`program: hostile #${i}`, () => parseProgram(value));
    run(`program: every field hostile #${i}`, () => parseProgram({ weights: value, skills: value, constraints: { lockedPairs: value, forbiddenPairs: value }, quotas: value, goals: value }));
    run(`history: hostile #${i}`, () => parseHistory(value));
    run(`history: cohort of hostile #${i}`, () => parseHistory({ cohorts: [{ id: 'c', participants: value, pairs: value }] }));
  });

  // The fixed corpora: every path of each sample (the first records of each list) given every hostile value.
  const firstRecords = (depth: number) => (path: readonly (string | number)[]) => path.length <= depth || path[depth] === 0 || typeof path[depth] === 'string';
  for (const { name, doc } of corpusAtEveryPath(participants, firstRecords(1))) run(`participants: ${name}`, () => parseParticipants(doc));
  for (const { name, doc } of corpusAtEveryPath(program)) run(`program: ${name}`, () => parseProgram(doc));
  for (const { name, doc } of corpusAtEveryPath(history, (path) => path.length <= 3 || (path[1] === 0 && path[3] === 0))) run(`history: ${name}`, () => parseHistory(doc));

  // Hostile CSV texts.
  const header = fixtureText('participants.sample.csv').split(/\r?\n/)[0]!;
  const csv = [
    `${header}\n${'"'.repeat(10_001)}`,
    `${header}\n"${HUGE_STRING}`,
    `${header}\n${HUGE_STRING}`,
    `id,role,volunteer,department\n${'a,'.repeat(300_000)}\n`,
    `${'skills.s,'.repeat(100_000)}id\n`,
    `id,role,volunteer,department,languages\nj,junior,true,IT,${'fr;'.repeat(100_000)}\n`,
    `id,role,volunteer,department,attributes.__proto__,attributes.constructor\nj,junior,true,IT,{"polluted":1},1\n`,
  ];
  csv.forEach((text, i) => run(`csv: hostile text #${i}`, () => parseParticipantsCsv(text)));

  // Hostile files through the command line.
  const dir = mkdtempSync(join(tmpdir(), 'binome-memory-'));
  try {
    writeFileSync(join(dir, 'participants.json'), fixtureText('participants.sample.json'));
    const nest = (n: number, open: string, close: string) => `${open.repeat(n)}${close.repeat(n)}`;
    const files: Record<string, string> = {
      'deep-array.json': nest(100_000, '[', ']'),
      'deep-object.json': `${'{"participants":'.repeat(100_000)}[]${'}'.repeat(100_000)}`,
      'deep-truncated.json': '['.repeat(1_000_000),
      'huge-string.json': JSON.stringify([{ id: HUGE_STRING, role: 'junior', volunteer: true, department: 'IT', skills: {}, wants: {} }]),
      'many-nulls.json': `[${'null,'.repeat(1_000_000)}null]`,
      'many-keys.json': JSON.stringify({ weights: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`w${i}`, 1])) }),
      'huge-line.csv': `id,role,volunteer,department\n${HUGE_STRING}\n`,
      'wide.csv': `${Array.from({ length: 100_000 }, (_, i) => `skills.s${i}`).join(',')}\n`,
    };
    for (const [file, text] of Object.entries(files)) {
      writeFileSync(join(dir, file), text);
      for (const argv of [['validate', file], ['match', file, '--quiet'], ['evaluate', file, '--quiet', '--resamples', '20'], ['match', 'participants.json', '--quiet', '--program', file]]) {
        await runCommand(dir, argv);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const report: MemoryReport = { cases, refused, escaped, slowest, heapMb };
  console.log(JSON.stringify(report));
}

await main();
