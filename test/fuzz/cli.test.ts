import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, it } from '@fast-check/vitest';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run';
import {
  HUGE_STRING,
  RUNS,
  count,
  expectNoPollution,
  fixtureJson,
  fixtureText,
  jsonText,
  mutate,
  mutateText,
  mutations,
  reportTally,
  textMutations,
  timeLimit,
  type Mutation,
  type TextMutation,
} from './fuzz-helpers';

const dir = mkdtempSync(join(tmpdir(), 'binome-fuzz-'));
const samples = {
  'participants.json': fixtureJson('participants.sample.json'),
  'program.json': fixtureJson('program.sample.json'),
  'history.json': fixtureJson('history.sample.json'),
} as const;
writeFileSync(join(dir, 'participants.sample.json'), fixtureText('participants.sample.json'));
writeFileSync(join(dir, 'participants.sample.csv'), fixtureText('participants.sample.csv'));
writeFileSync(join(dir, 'program.sample.json'), fixtureText('program.sample.json'));
writeFileSync(join(dir, 'history.sample.json'), fixtureText('history.sample.json'));
mkdirSync(join(dir, 'a-directory.json'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  reportTally();
});

/** Runs the CLI in-process on `argv`; the exit code and what it wrote. */
async function cli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  let stdout = '';
  let stderr = '';
  const env = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    cwd: dir,
  };
  const start = performance.now();
  const code = await runCli(argv, env);
  return { code, stdout, stderr, ms: performance.now() - start };
}

/** Exit 0, 1 or 2 (never 3, an internal error), no stack trace, in time, no prototype touched. */
async function expectHandled(argv: readonly string[], size: number): Promise<number> {
  const { code, stderr, ms } = await cli(argv);
  if (code === 3 || /^\s+at\s/m.test(stderr) || stderr.includes('internal error')) {
    throw new Error(`binome ${argv.join(' ')} -> exit ${code}\n${stderr.slice(0, 2000)}`);
  }
  expect([0, 1, 2]).toContain(code);
  expect(ms).toBeLessThan(timeLimit(size));
  expectNoPollution();
  count('runCli', { ok: code === 0 });
  return code;
}

type Kind = 'participants.json' | 'participants.csv' | 'program.json' | 'history.json';

/** The file of a case: a sample, mutated (JSON values), then edited as text. */
function content(kind: Kind, changes: readonly Mutation[], edits: readonly TextMutation[] | null): string {
  const text = kind === 'participants.csv' ? fixtureText('participants.sample.csv') : jsonText(mutate(samples[kind], changes));
  return edits === null ? text : mutateText(text, edits);
}

/** The commands a file of this kind goes through: validate, then match or evaluate. */
function commands(kind: Kind, file: string, withProgram: boolean, calibrate: boolean): string[][] {
  const program = withProgram ? ['--program', 'program.sample.json'] : [];
  switch (kind) {
    case 'participants.json':
    case 'participants.csv':
      return [['validate', file, ...program], ['match', file, '--quiet', ...program]];
    case 'program.json':
      return [['validate', file], ['match', 'participants.sample.json', '--quiet', '--program', file], ['evaluate', 'history.sample.json', '--quiet', '--resamples', '20', '--program', file]];
    case 'history.json':
      return [['validate', file, ...program], ['evaluate', file, '--quiet', '--resamples', '20', ...program, ...(calibrate ? ['--calibrate'] : [])]];
  }
}

function caseArbitrary(kind: Kind) {
  const structural = kind === 'participants.csv' ? fc.constant<Mutation[]>([]) : fc.oneof(fc.constant<Mutation[]>([]), mutations(samples[kind]));
  return fc.record({
    changes: structural,
    edits: fc.option(textMutations, { nil: null, freq: 2 }),
    withProgram: fc.boolean(),
    calibrate: fc.boolean(),
  });
}

let serial = 0;

/** Writes a case's file and runs its commands. */
async function runCase(kind: Kind, c: { changes: Mutation[]; edits: TextMutation[] | null; withProgram: boolean; calibrate: boolean }): Promise<void> {
  const text = content(kind, c.changes, c.edits);
  const file = `case-${serial++ % 8}.${kind.endsWith('.csv') ? 'csv' : 'json'}`;
  writeFileSync(join(dir, file), text);
  for (const argv of commands(kind, file, c.withProgram, c.calibrate)) await expectHandled(argv, text.length);
}

const KINDS: readonly Kind[] = ['participants.json', 'participants.csv', 'program.json', 'history.json'];
const runsPerKind = RUNS;

describe('fuzz the command line (validate, match, evaluate)', () => {
  test('the samples pass', async () => {
    expect(await expectHandled(['validate', 'participants.sample.csv', '--program', 'program.sample.json'], 0)).toBe(0);
    expect(await expectHandled(['match', 'participants.sample.json', '--quiet', '--program', 'program.sample.json'], 0)).toBe(0);
    expect(await expectHandled(['evaluate', 'history.sample.json', '--quiet', '--resamples', '20'], 0)).toBe(0);
  });

  /** Cases the 100,000-run deep fuzz found, replayed first in every run. */
  const found: Partial<Record<Kind, Parameters<typeof runCase>[1][]>> = {
    // 100 x 1e308 was Infinity: `binome evaluate` exited with an internal error.
    'program.json': [{ changes: [{ kind: 'replace', path: ['weights', 'reciprocity'], value: 1e308 }], edits: null, withProgram: false, calibrate: false }],
  };

  for (const kind of KINDS) {
    it.prop([caseArbitrary(kind)], { numRuns: runsPerKind, examples: (found[kind] ?? []).map((c) => [c] as [typeof c]) })(`mutated ${kind}: exit 0, 1 or 2, never a stack trace`, (c) => runCase(kind, c));
  }

  it.prop([fc.string({ maxLength: 300, unit: 'binary' }), fc.constantFrom('json', 'csv'), fc.constantFrom('validate', 'match', 'evaluate')], { numRuns: runsPerKind })(
    'random bytes: exit 0, 1 or 2, never a stack trace',
    async (text, extension, command) => {
      const file = `random.${extension}`;
      writeFileSync(join(dir, file), text);
      await expectHandled(command === 'match' ? ['match', file, '--quiet'] : [command, file], text.length);
    },
  );

  test('hostile files', async () => {
    const deep = (n: number, open: string, close: string) => `${open.repeat(n)}${close.repeat(n)}`;
    const files: Record<string, string> = {
      'empty.json': '',
      'empty.csv': '',
      'bom.json': '\uFEFF',
      'deep-array.json': deep(10_000, '[', ']'),
      'deep-object.json': `${'{"participants":'.repeat(10_000)}[]${'}'.repeat(10_000)}`,
      'deep-truncated.json': '['.repeat(100_000),
      'deep-program.json': `{"weights":${deep(10_000, '[', ']')}}`,
      'deep-history.json': `{"cohorts":[{"id":"c","participants":${deep(10_000, '[', ']')},"pairs":[]}]}`,
      'huge-string.json': JSON.stringify([{ id: HUGE_STRING, role: 'junior', volunteer: true, department: 'IT', skills: {}, wants: {} }]),
      'huge-key.json': `{"${HUGE_STRING}":1}`,
      'huge-line.csv': `id,role,volunteer,department\n${HUGE_STRING}\n`,
      'proto.json': '{"__proto__":{"polluted":true},"participants":[]}',
      'proto-history.json': '{"cohorts":[],"__proto__":{"polluted":true}}',
      'proto-program.json': '{"weights":{"__proto__":{"polluted":true},"skillGap":1},"constructor":{"prototype":{"polluted":true}}}',
      'proto.csv': 'id,role,volunteer,department,attributes.__proto__,skills.constructor\nj,junior,true,IT,x,1\n',
      'not-utf8.csv': Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a, 0xc3, 0x28]).toString('latin1'),
      'nul.json': '\u0000',
      'number.json': '1e999',
      'string.json': '"participants"',
      'null.json': 'null',
    };
    for (const [file, text] of Object.entries(files)) {
      writeFileSync(join(dir, file), text);
      for (const argv of [['validate', file], ['match', file, '--quiet'], ['evaluate', file, '--quiet', '--resamples', '20'], ['validate', file, '--kind', 'history'], ['match', 'participants.sample.json', '--quiet', '--program', file]]) {
        await expectHandled(argv, text.length);
      }
    }
    for (const argv of [['validate', 'missing.json'], ['match', 'missing.csv'], ['evaluate', 'a-directory.json'], ['validate', 'a-directory.json'], ['match', 'participants.sample.json', '--program', 'missing.json']]) {
      await expectHandled(argv, 0);
    }
  });
});
