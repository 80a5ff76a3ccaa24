import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CliEnv, TextSink } from '../../src/cli/env';
import { runCli } from '../../src/cli/run';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;

/** A stream that keeps what is written. */
class Capture implements TextSink {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns = 100,
  ) {}
  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

async function cli(args: readonly string[], options: { tty?: boolean; cwd?: string } = {}) {
  const stdout = new Capture();
  const stderr = new Capture(options.tty === true);
  const env: CliEnv = { stdout, stderr, cwd: options.cwd ?? fixtures };
  const code = await runCli(args, env);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'binome-cli-'));
/** No stack trace: no line that looks like `    at fn (file:1:2)`. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('binome --help', () => {
  test('the top-level help lists the commands and the exit codes', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const name of ['match', 'validate', 'explain', 'rotate', 'rematch', 'circles', 'evaluate', 'schema', 'demo']) expect(stdout).toContain(name);
    expect(stdout).toContain('Exit codes:');
    expect(stdout).toContain('2  the programme\'s rules cannot all hold');
  });

  test.each(['match', 'validate', 'explain', 'rotate', 'rematch', 'circles', 'evaluate', 'schema', 'demo'])('%s --help has an example', async (name) => {
    const { code, stdout } = await cli([name, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Examples?:\n {2}\$ binome /);
  });

  test('an unknown command or option is a usage error, exit 1, no stack', async () => {
    const unknown = await cli(['matsh', 'people.csv']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown command 'matsh'");
    const option = await cli(['match', 'participants.sample.csv', '--fromat', 'html']);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("unknown option '--fromat'");
    const choice = await cli(['match', 'participants.sample.csv', '--format', 'pdf']);
    expect(choice.code).toBe(1);
    expect(choice.stderr).toContain('pdf');
    expect(choice.stderr).not.toMatch(STACK);
  });
});

describe('binome match', () => {
  test('a CSV export to JSON on standard output, equal to the JSON input run', async () => {
    const fromCsv = await cli(['match', 'participants.sample.csv', '--program', 'program.sample.json', '--quiet']);
    expect(fromCsv.code).toBe(0);
    expect(fromCsv.stderr).toBe('');
    const fromJson = await cli(['match', 'participants.sample.json', '--program', 'program.sample.json', '--quiet']);
    const a = JSON.parse(fromCsv.stdout) as { pairs: unknown[]; stats: { timeMs: unknown } };
    const b = JSON.parse(fromJson.stdout) as { pairs: unknown[]; stats: { timeMs: unknown } };
    expect(a.pairs.length).toBeGreaterThan(0);
    expect(a.pairs).toEqual(b.pairs);
  });

  test('--out picks the format from the extension; a summary goes to standard error', async () => {
    const dir = scratch();
    for (const [name, probe] of [
      ['report.html', '<!doctype html>'],
      ['pairs.csv', 'kind,'],
      ['report.md', '# '],
      ['result.json', '"pairs"'],
    ] as const) {
      const { code, stdout, stderr } = await cli(['match', join(fixtures, 'participants.sample.csv'), '--out', join(dir, 'out', name)]);
      expect(code).toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^\d+ pairs, \d+ unmatched, total score [\d.]+ \(optimal\) -> /);
      expect(readFileSync(join(dir, 'out', name), 'utf8').toLowerCase()).toContain(probe.toLowerCase());
    }
  });

  test('French reports with --locale fr', async () => {
    const { code, stdout } = await cli(['match', 'participants.sample.json', '--format', 'md', '--locale', 'fr', '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toContain('binôme');
  });

  test('a malformed file: exit 1, every problem named, no stack trace', async () => {
    const dir = scratch();
    const csv = readFileSync(join(fixtures, 'participants.sample.csv'), 'utf8').split('\n');
    const header = csv[0]!.split(',');
    const at = header.indexOf('skills.ai-tools');
    const row = csv[3]!.split(',');
    row[at] = '7';
    csv[3] = row.join(',');
    writeFileSync(join(dir, 'people.csv'), csv.join('\n'));
    const { code, stderr } = await cli(['match', 'people.csv'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('people.csv:4 skills.ai-tools: level must be 0..5, got 7');
    expect(stderr).not.toMatch(STACK);
    const missing = await cli(['match', 'nobody.csv'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nobody.csv');
    expect(missing.stderr).not.toMatch(STACK);
  });

  test('a programme whose rules cannot hold: exit 2, with the diagnosis', async () => {
    const dir = scratch();
    const program = { quotas: [{ id: 'all-cross', kind: 'minShare', where: 'differentSite', share: 1 }, { id: 'no-cross', kind: 'maxShare', where: 'differentSite', share: 0 }, { id: 'one', kind: 'minPairs', per: { side: 'junior', field: 'department' }, count: 1 }] };
    writeFileSync(join(dir, 'strict.json'), JSON.stringify(program));
    const { code, stdout, stderr } = await cli(['match', join(fixtures, 'participants.sample.json'), '--program', 'strict.json'], { cwd: dir });
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'infeasible', pairs: [] });
    expect(stderr).toContain('conflict:');
  });

  test('progress is drawn on a terminal only, and never with --quiet', async () => {
    const tty = await cli(['match', 'participants.sample.json'], { tty: true });
    expect(tty.stderr).toContain('scoring pairs');
    expect(tty.stderr).toContain('\r\u001b[2K');
    const quiet = await cli(['match', 'participants.sample.json', '--quiet'], { tty: true });
    expect(quiet.stderr).toBe('');
    const pipe = await cli(['match', 'participants.sample.json']);
    expect(pipe.stderr).not.toContain('scoring pairs');
  });

  test('an internal error is exit 3 with its stack', async () => {
    const stderr = new Capture();
    const stdout: TextSink = {
      write: () => {
        throw new TypeError('disk on fire');
      },
    };
    const code = await runCli(['match', 'participants.sample.json', '--quiet'], { stdout, stderr, cwd: fixtures });
    expect(code).toBe(3);
    expect(stderr.text).toContain('internal error');
    expect(stderr.text).toContain('TypeError: disk on fire');
  });
});

describe('binome validate', () => {
  test('valid samples of each kind', async () => {
    expect(await cli(['validate', 'participants.sample.csv'])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid participants file') });
    expect(await cli(['validate', 'program.sample.json'])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid program file') });
    expect(await cli(['validate', 'history.sample.json'])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid history file') });
    expect(await cli(['validate', 'participants.sample.json', '--program', 'program.sample.json'])).toMatchObject({ code: 0 });
  });

  test('every problem on its own line, exit 1', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'program.json'), JSON.stringify({ weights: { reciprocity: -1 }, objective: 'maxFun' }));
    const { code, stdout, stderr } = await cli(['validate', 'program.json'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('program.weights.reciprocity: must be >= 0, got -1');
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stderr).toContain('program.json: 2 problems');
  });
});

describe('many problems', () => {
  test('the first 200 on stderr, then how many more; validate lists them all on stdout', async () => {
    const dir = scratch();
    const people = Array.from({ length: 250 }, (_, i) => ({ id: `j-${i}`, role: 'junior', volunteer: true, department: 'IT', skills: { 'ai-tools': 7 }, wants: {} }));
    writeFileSync(join(dir, 'people.json'), JSON.stringify(people));
    const matched = await cli(['match', 'people.json', '--quiet'], { cwd: dir });
    expect(matched.code).toBe(1);
    const lines = matched.stderr.trim().split('\n');
    expect(lines[0]).toBe('error: 250 problems:');
    expect(lines[1]).toBe('  people.json: participants[0].skills.ai-tools: level must be 0..5, got 7');
    expect(lines[200]).toBe('  people.json: participants[199].skills.ai-tools: level must be 0..5, got 7');
    expect(lines.slice(201)).toEqual(['  ... and 50 more (binome validate lists them all)']);
    const validated = await cli(['validate', 'people.json'], { cwd: dir });
    expect(validated.code).toBe(1);
    expect(validated.stdout.trim().split('\n')).toHaveLength(250);
  });
});

describe('binome explain, schema, demo', () => {
  test('explain a pair that is not in the result', async () => {
    const result = JSON.parse((await cli(['match', 'participants.sample.json', '--quiet'])).stdout) as { pairs: { juniorId: string; seniorId: string }[] };
    const [a, b] = [result.pairs[0]!, result.pairs.find((p) => p.juniorId !== result.pairs[0]!.juniorId && p.seniorId !== result.pairs[0]!.seniorId)!];
    const { code, stdout } = await cli(['explain', 'participants.sample.json', '--junior', a.juniorId, '--senior', b.seniorId, '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/could be paired|cannot be paired/);
    const json = await cli(['explain', 'participants.sample.json', '-j', a.juniorId, '-s', a.seniorId, '--format', 'json', '--quiet']);
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: 'paired', juniorId: a.juniorId, seniorId: a.seniorId });
    const unknown = await cli(['explain', 'participants.sample.json', '-j', 'nobody', '-s', a.seniorId]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('juniorId: names no participant, got "nobody"');
    const missing = await cli(['explain', 'participants.sample.json', '-j', a.juniorId]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("required option '-s, --senior <id>' not specified");
  });

  test('schema prints a JSON Schema per kind', async () => {
    for (const kind of ['participants', 'program', 'history', 'result']) {
      const { code, stdout } = await cli(['schema', kind]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toHaveProperty('$schema');
    }
    expect((await cli(['schema', 'people'])).code).toBe(1);
  });

  test('demo prints the sample pairs with their explanations', async () => {
    const { code, stdout } = await cli(['demo']);
    expect(code).toBe(0);
    expect(stdout).toContain('Catherine Morel');
    const fr = await cli(['demo', '--locale', 'fr', '--format', 'json']);
    expect(JSON.parse(fr.stdout)).toMatchObject({ locale: 'fr' });
  });
});

describe('binome evaluate', () => {
  test('replays the sample history as Markdown, calibrates, writes the tuned program', async () => {
    const dir = scratch();
    const { code, stdout, stderr } = await cli(['evaluate', 'history.sample.json', '--calibrate', '--resamples', '50', '--program-out', join(dir, 'tuned.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain('Which criteria predicted success');
    expect(stdout).toContain('Skill gap');
    expect(stderr).toMatch(/^\d+ cohorts, \d+ pairs; score vs satisfaction: Spearman /);
    const tuned = JSON.parse(readFileSync(join(dir, 'tuned.json'), 'utf8')) as { weights: Record<string, number> };
    expect(Object.values(tuned.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const html = await cli(['evaluate', 'history.sample.json', '--out', join(dir, 'evaluation.html'), '--resamples', '20', '--quiet']);
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'evaluation.html'), 'utf8')).toContain('<svg');
    const json = await cli(['evaluate', 'history.sample.json', '--format', 'json', '--resamples', '20', '--quiet']);
    expect(JSON.parse(json.stdout)).toHaveProperty('evaluation.cohorts');
  });

  test('a history naming an unknown id: exit 1 with the cohort and the pair', async () => {
    const dir = scratch();
    const history = JSON.parse(readFileSync(join(fixtures, 'history.sample.json'), 'utf8')) as { cohorts: { pairs: { juniorId: string }[] }[] };
    history.cohorts[0]!.pairs[0]!.juniorId = 'ghost';
    writeFileSync(join(dir, 'history.json'), JSON.stringify(history));
    const { code, stderr } = await cli(['evaluate', 'history.json'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('cohorts[0].pairs[0].juniorId: no junior with this id in cohort');
    expect(stderr).not.toMatch(STACK);
    expect((await cli(['evaluate', 'history.sample.json', '--program-out', 'x.json'])).code).toBe(1);
  });
});

describe('binome rotate and rematch', () => {
  test('rotate: rounds without a repeated pair, in json, csv and one HTML file per round', async () => {
    const dir = scratch();
    const { code, stdout, stderr } = await cli(['rotate', 'participants.sample.csv', '--rounds', '3']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^3 rounds \(sequential\), \d+ pairs in all/);
    const { rounds } = JSON.parse(stdout) as { rounds: { pairs: { juniorId: string; seniorId: string }[] }[] };
    const keys = rounds.flatMap((r) => r.pairs.map((p) => `${p.juniorId}|${p.seniorId}`));
    expect(new Set(keys).size).toBe(keys.length);
    const csv = await cli(['rotate', 'participants.sample.csv', '--rounds', '2', '--format', 'csv', '--quiet']);
    expect(csv.stdout.split('\r\n')[0]).toBe('round,kind,juniorId,juniorName,seniorId,seniorName,score,reason1,reason2,reason3,id,name,role,reason,detail');
    expect((await cli(['rotate', 'participants.sample.csv', '--rounds', '2', '--out', join(dir, 'rot.html'), '--quiet'])).code).toBe(0);
    expect(readFileSync(join(dir, 'rot-2.html'), 'utf8')).toContain('<svg');
    expect((await cli(['rotate', 'participants.sample.csv', '--rounds', '2', '--format', 'html'])).code).toBe(1);
    expect((await cli(['rotate', 'participants.sample.csv', '--rounds', 'many'])).stderr).toContain('--rounds must be a whole number 1..100, got "many"');
  });

  test('rematch: from a saved result, with people who left and a failed pair', async () => {
    const dir = scratch();
    await cli(['match', 'participants.sample.json', '--out', join(dir, 'result.json'), '--quiet']);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { pairs: { juniorId: string; seniorId: string }[] };
    const [failed, other] = result.pairs;
    const args = ['rematch', join(dir, 'result.json'), '--participants', 'participants.sample.json', '--failed', `${failed!.juniorId}:${failed!.seniorId}`, '--left', other!.seniorId];
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(0);
    expect(stderr).toMatch(/kept, 0 moved, 2 ended/);
    const next = JSON.parse(stdout) as { pairs: { juniorId: string; seniorId: string }[]; changes: { kind: string }[] };
    expect(next.pairs.some((p) => p.juniorId === failed!.juniorId && p.seniorId === failed!.seniorId)).toBe(false);
    expect(next.changes.filter((c) => c.kind === 'ended')).toHaveLength(2);
    const csv = await cli([...args, '--format', 'csv', '--quiet']);
    expect(csv.stdout.split('\r\n')[0]).toBe('change,juniorId,seniorId,reason');
    const bad = await cli(['rematch', join(dir, 'result.json'), '--participants', 'participants.sample.json', '--failed', 'j-2001']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--failed takes junior:senior pairs');
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ pairs: 'none' }));
    const broken = await cli(['rematch', 'broken.json', '--participants', join(fixtures, 'participants.sample.json')], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.json: result.pairs');
  });
});

describe('binome circles', () => {
  test('circles from a saved result, in json, md and csv', async () => {
    const dir = scratch();
    await cli(['match', 'participants.sample.json', '--out', join(dir, 'result.json'), '--quiet']);
    const { code, stdout, stderr } = await cli(['circles', join(dir, 'result.json'), '--participants', 'participants.sample.json', '--size', '2,3']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\d+ circles? of /);
    const { circles } = JSON.parse(stdout) as { circles: { members: string[] }[] };
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { pairs: { juniorId: string }[] };
    expect(circles.flatMap((c) => c.members).sort()).toEqual([...new Set(result.pairs.map((p) => p.juniorId))].sort());
    const csv = await cli(['circles', join(dir, 'result.json'), '--participants', 'participants.sample.json', '--size', '2,3', '--format', 'csv', '--quiet']);
    expect(csv.stdout.split('\r\n')[0]).toBe('circleId,memberId,name,department,site');
    const bad = await cli(['circles', join(dir, 'result.json'), '--participants', 'participants.sample.json', '--size', '1,3']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toMatch(STACK);
  });
});

describe('--preset', () => {
  test('a preset program, overridden field by field by --program', async () => {
    const dir = scratch();
    const plain = await cli(['match', 'participants.sample.json', '--preset', 'shadowComex', '--format', 'md', '--quiet']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Serves the programme');
    writeFileSync(join(dir, 'overrides.json'), JSON.stringify({ goals: [{ id: 'comex', label: 'Mentorat du comex', tag: 'comex' }] }));
    const overridden = await cli(['match', join(fixtures, 'participants.sample.json'), '--preset', 'shadowComex', '--program', 'overrides.json', '--format', 'json', '--quiet'], { cwd: dir });
    const result = JSON.parse(overridden.stdout) as { pairs: { explanation: string; goals: string[] }[] };
    expect(result.pairs.some((p) => p.explanation.includes('"Mentorat du comex"'))).toBe(true);
    expect(result.pairs.every((p) => p.goals.every((g) => g === 'comex'))).toBe(true);
    const unknown = await cli(['match', 'participants.sample.json', '--preset', 'shadowComx']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('shadowComex');
  });
});
