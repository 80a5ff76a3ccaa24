import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_ISSUES, ValidationError, formatIssue, match, parseParticipants, parseProgram } from '../../src/index';
import { ParticipantsCsvReader, csvParseOptions, parseParticipantsCsv, type CsvReadResult } from '../../src/io/csv-participants';
import { detectKind, loadHistory, loadParticipants, loadProgram, loadResult, validateFile } from '../../src/io/read-input';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const org10000 = fileURLToPath(new URL('../../benchmarks/data/org-10000.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'binome-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file in the temporary directory and returns its path. */
function temp(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The formatted issues of a rejected load. */
async function rejection(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(formatIssue);
  }
  throw new Error('expected a ValidationError');
}

describe('detectKind', () => {
  test('tells each sample apart', () => {
    const text = (name: string) => readFileSync(fixture(name), 'utf8');
    expect(detectKind('participants.sample.csv')).toBe('participants');
    expect(detectKind('PEOPLE.CSV')).toBe('participants');
    expect(detectKind('participants.sample.json', text('participants.sample.json'))).toBe('participants');
    expect(detectKind('program.sample.json', text('program.sample.json'))).toBe('program');
    expect(detectKind('history.sample.json', text('history.sample.json'))).toBe('history');
    expect(detectKind('people.json', '[]')).toBe('participants');
    expect(detectKind('program.json', '{}')).toBe('program');
  });

  test('null when it cannot tell', () => {
    expect(detectKind('people.json')).toBeNull();
    expect(detectKind('x.json', '42')).toBeNull();
    expect(detectKind('x.json', 'null')).toBeNull();
    expect(detectKind('x.json', '{ "a": ')).toBeNull();
  });
});

describe('loadParticipants', () => {
  test('streams a 10,000-row CSV export into the same participants as the string parser', async () => {
    const streamed = await loadParticipants(org10000);
    expect(streamed).toHaveLength(10_000);
    expect(streamed).toStrictEqual(parseParticipantsCsv(readFileSync(org10000, 'utf8')));
  });

  test('chunk boundaries anywhere (inside a CRLF, a UTF-8 character, a quoted cell) change nothing', async () => {
    const read = async (file: string, highWaterMark: number): Promise<CsvReadResult> => {
      const reader = new ParticipantsCsvReader({ file: 'x.csv' });
      await pipeline(createReadStream(file, { highWaterMark }), parse(csvParseOptions()), async (records: AsyncIterable<string[]>) => {
        for await (const cells of records) reader.push(cells);
      });
      return reader.finish();
    };
    for (const name of ['csv/bom-crlf-quoted.csv', 'csv/several-errors.csv', 'participants.sample.csv']) {
      expect(await read(fixture(name), 1)).toStrictEqual(await read(fixture(name), 1 << 16));
    }
    expect((await read(fixture('csv/several-errors.csv'), 1)).issues).toHaveLength(6);
  });

  test('reads the JSON and CSV samples alike, checked against a program', async () => {
    const program = parseProgram(JSON.parse(readFileSync(fixture('program.sample.json'), 'utf8')));
    const fromCsv = await loadParticipants(fixture('participants.sample.csv'), { program });
    const fromJson = await loadParticipants(fixture('participants.sample.json'), { program });
    expect(fromCsv).toStrictEqual(fromJson);
    expect(fromJson).toStrictEqual(parseParticipants(JSON.parse(readFileSync(fixture('participants.sample.json'), 'utf8'))));
  });

  test('a ";" CSV file', async () => {
    const people = await loadParticipants(fixture('csv/semicolon.csv'), { delimiter: ';' });
    expect(people.map((p) => p.availability)).toEqual([['mon-am', 'tue-pm'], undefined]);
  });

  test('CSV problems name the file as given, the line and the column', async () => {
    const file = fixture('csv/several-errors.csv');
    const lines = await rejection(loadParticipants(file, { displayName: 'people.csv' }));
    expect(lines[2]).toBe('people.csv:4 skills.ai-tools: level must be 0..5, got 7');
    expect(lines).toHaveLength(6);
    expect((await rejection(loadParticipants(file)))[0]).toBe(`${file}:2 capacity: must be a number (got string), got "abc"`);
  });

  test('JSON problems name the file, then the path', async () => {
    const file = temp('people.json', JSON.stringify([{ id: 'j-1', role: 'junior', volunteer: true, department: 'IT', skills: { 'ai-tools': 7 }, wants: {} }]));
    expect(await rejection(loadParticipants(file, { displayName: 'people.json' }))).toEqual([
      'people.json: participants[0].skills.ai-tools: level must be 0..5, got 7',
    ]);
  });

  test("the program's taxonomy and references", async () => {
    const program = parseProgram({
      skills: [{ id: 'no-code', teacher: 'junior' }],
      constraints: { lockedPairs: [{ juniorId: 'j-1', seniorId: 's-404' }] },
    });
    const csv = temp('people.csv', 'id,role,volunteer,department,skills.no-code,skills.ai-tools\nj-1,junior,true,IT,4,\ns-1,senior,true,HR,,3\n');
    expect(await rejection(loadParticipants(csv, { program, displayName: 'people.csv' }))).toEqual([
      'people.csv:3 skills.ai-tools: unknown skill id (not in the program\'s taxonomy)',
    ]);
    const valid = temp('people2.csv', 'id,role,volunteer,department,skills.no-code\nj-1,junior,true,IT,4\ns-1,senior,true,HR,\n');
    expect(await rejection(loadParticipants(valid, { program, programFile: 'program.json' }))).toEqual([
      'program.json: program.constraints.lockedPairs[0].seniorId: no senior with this id among the participants, got "s-404"',
    ]);
  });

  test('a missing file', async () => {
    expect(await rejection(loadParticipants(join(dir, 'nobody.csv'), { displayName: 'people.csv' }))).toEqual(['people.csv: cannot read: no such file']);
    expect(await rejection(loadParticipants(join(dir, 'nobody.json'), { displayName: 'people.json' }))).toEqual(['people.json: cannot read: no such file']);
    const error = await loadParticipants(join(dir, 'nobody.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid-input');
  });
});

describe('loadProgram and loadHistory', () => {
  test('read the samples', async () => {
    const program = await loadProgram(fixture('program.sample.json'));
    expect(program).toEqual(parseProgram(JSON.parse(readFileSync(fixture('program.sample.json'), 'utf8'))));
    const history = await loadHistory(fixture('history.sample.json'), { program });
    expect(history.cohorts.length).toBeGreaterThan(0);
  });

  test('problems name the file', async () => {
    const file = temp('program.json', '{ "weights": { "skillGap": 1, "reciprocity": -1 } }');
    expect(await rejection(loadProgram(file, { displayName: 'program.json' }))).toEqual([
      'program.json: program.weights.reciprocity: must be >= 0, got -1',
    ]);
    const history = temp('history.json', '{ "cohorts": [{ "id": "c", "participants": [], "pairs": [{ "juniorId": "j", "seniorId": "s" }] }] }');
    expect(await rejection(loadHistory(history, { displayName: 'history.json' }))).toEqual([
      'history.json: cohorts[0].pairs[0].juniorId: no junior with this id in cohort "c", got "j"',
      'history.json: cohorts[0].pairs[0].seniorId: no senior with this id in cohort "c", got "s"',
    ]);
  });

  test('invalid JSON is located by line and column', async () => {
    const trailingComma = temp('a.json', '{\n  "objective": "maxScore",\n}\n');
    expect(await rejection(loadProgram(trailingComma, { displayName: 'program.json' }))).toEqual([
      'program.json:3: invalid JSON at column 1: Expected double-quoted property name',
    ]);
    // Node 20 quotes the text instead of giving a position here: the scanner finds it.
    const missingValue = temp('b.json', '{\n  "objective": }\n');
    expect(await rejection(loadProgram(missingValue, { displayName: 'program.json' }))).toEqual([
      "program.json:2: invalid JSON at column 16: Unexpected token '}'",
    ]);
    const truncated = temp('c.json', '{\n  "objective": "maxScore"');
    expect((await rejection(loadProgram(truncated, { displayName: 'program.json' })))[0]).toMatch(/^program\.json:2: invalid JSON at column 26: /);
  });

  test('a BOM before JSON is ignored', async () => {
    const file = temp('bom.json', '\uFEFF{ "objective": "maxScore" }');
    expect((await loadProgram(file)).objective).toBe('maxScore');
  });
});

describe('validateFile', () => {
  test('a valid file of each kind', async () => {
    const program = fixture('program.sample.json');
    expect(await validateFile(fixture('participants.sample.csv'), { program })).toEqual({ kind: 'participants', count: 12, issues: [] });
    expect(await validateFile(fixture('participants.sample.json'), { program })).toEqual({ kind: 'participants', count: 12, issues: [] });
    expect(await validateFile(program)).toEqual({ kind: 'program', count: 1, issues: [] });
    const history = await validateFile(fixture('history.sample.json'), { program });
    expect(history.kind).toBe('history');
    expect(history.issues).toEqual([]);
    expect(history.count).toBe((JSON.parse(readFileSync(fixture('history.sample.json'), 'utf8')) as { cohorts: unknown[] }).cohorts.length);
  });

  test('a program with a negative weight', async () => {
    const file = temp('program.json', '{ "weights": { "skillGap": 1, "reciprocity": -1 } }');
    const report = await validateFile(file, { displayName: 'program.json' });
    expect({ ...report, issues: report.issues.map(formatIssue) }).toEqual({
      kind: 'program',
      count: 1,
      issues: ['program.json: program.weights.reciprocity: must be >= 0, got -1'],
    });
    expect((await validateFile(file)).issues.map(formatIssue)).toEqual([`${file}: program.weights.reciprocity: must be >= 0, got -1`]);
  });

  test('every problem of a CSV file, counting its rows', async () => {
    const report = await validateFile(fixture('csv/several-errors.csv'), { displayName: 'people.csv' });
    expect(report.kind).toBe('participants');
    expect(report.count).toBe(6);
    expect(report.issues.map(formatIssue)).toEqual([
      'people.csv:2 capacity: must be a number (got string), got "abc"',
      'people.csv:4 volunteer: must be a boolean (got string), got "maybe"',
      'people.csv:4 skills.ai-tools: level must be 0..5, got 7',
      'people.csv:5: 7 cells, the header has 8',
      'people.csv:7 id: duplicate id (first at line 6), got "s-2"',
      'people.csv:8 role: must be one of "junior", "senior", got "manager"',
    ]);
  });

  test("an invalid program's issues come first; the file is then checked on its own", async () => {
    const program = temp('bad-program.json', '{ "objective": "best" }');
    const report = await validateFile(fixture('csv/semicolon.csv'), { program, programDisplayName: 'program.json', delimiter: ';' });
    expect(report.issues.map(formatIssue)).toEqual(['program.json: program.objective: must be one of "maxScore", "maxPairsThenScore", "maximin", got "best"']);
    expect(report.count).toBe(2);
  });

  test('a missing file, and a file whose content cannot tell its kind', async () => {
    expect(await validateFile(join(dir, 'nobody.csv'), { displayName: 'people.csv' })).toEqual({
      kind: 'participants',
      count: 0,
      issues: [{ path: [], message: 'cannot read: no such file', source: { file: 'people.csv' } }],
    });
    const missingProgram = await validateFile(join(dir, 'my-program.json'));
    expect(missingProgram.kind).toBe('program');
    expect(missingProgram.issues.map(formatIssue)).toEqual([`${join(dir, 'my-program.json')}: cannot read: no such file`]);
    const scalar = await validateFile(temp('x.json', '42'), { displayName: 'x.json' });
    expect(scalar.kind).toBe('participants');
    expect(scalar.issues.map(formatIssue)).toEqual(['x.json: participants: must be an array of participants, got 42']);
  });

  test('the kind can be forced', async () => {
    const report = await validateFile(fixture('participants.sample.json'), { kind: 'history', displayName: 'p.json' });
    expect(report.kind).toBe('history');
    expect(report.issues.map(formatIssue)[0]).toMatch(/^p\.json: /);
  });
});

describe('loadResult', () => {
  test('reads back the JSON of a match', async () => {
    const participants = JSON.parse(readFileSync(fixture('participants.sample.json'), 'utf8')) as unknown;
    const result = match({ participants: participants as never });
    const file = temp('result.json', JSON.stringify(result));
    expect(await loadResult(file)).toEqual(JSON.parse(JSON.stringify(result)));
  });

  test('a result of 100,000 bad pairs: the first 1000 issues, then where it stopped, each naming the file', async () => {
    const file = temp('bad-result.json', JSON.stringify({ pairs: Array(100_000).fill(7) }));
    const issues = await rejection(loadResult(file, { displayName: 'res.json' }));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[0]).toMatch(/^res\.json: result\.pairs\[0\]: /);
    expect(issues.at(-1)).toBe('res.json: result.pairs: stopped after 1000 issues; items from [1000] on (of 100000) were not checked');
  });
});
