import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BinomeError, ValidationError, formatIssue, match, parseHistory, parseParticipants, parseProgram } from '../../src/index';
import { loadParticipants, loadProgram, parseParticipantsCsv, validateFile } from '../../src/io/index';
import { DEFAULT_LIMITS, resolveLimits, type Limits } from '../../src/model/parse-options';
import { person } from '../helpers/people';

/** The error `run` throws, which must be a ValidationError. */
function errorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

/** The message of the error `run` throws (a ValidationError). */
const messageOf = (run: () => unknown): string => errorOf(run).message;

/** A sparse array of `length` slots: no memory, so only a length check can be fast on it. */
function sparse(length: number): unknown[] {
  const array: unknown[] = [];
  array.length = length;
  return array;
}

const junior = (id: string, extra: Record<string, unknown> = {}) => person(id, 'junior', extra);
const taxonomy = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, teacher: 'junior' as const }));
const entries = (n: number, value: (i: number) => unknown = () => 1) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, value(i)]));
const pairs = (n: number) => Array.from({ length: n }, (_, i) => ({ juniorId: `j-${i}`, seniorId: `s-${i}` }));

const dir = mkdtempSync(join(tmpdir(), 'binome-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DEFAULT_LIMITS', () => {
  test('documented values, frozen', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxParticipants: 100_000,
      maxStringLength: 1000,
      maxSkillsPerPerson: 200,
      maxListLength: 1000,
      maxAttributes: 100,
      maxQuotas: 1000,
      maxPairsListed: 1_000_000,
      maxSkills: 1000,
      maxCohorts: 1000,
      maxCsvRecordSize: 1_000_000,
      maxCsvColumns: 2000,
    } satisfies Limits);
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });

  test('options.limits overrides one limit at a time; maxStringLength is an alias, limits.maxStringLength wins', () => {
    expect(resolveLimits(undefined)).toBe(DEFAULT_LIMITS);
    expect(resolveLimits({ limits: { maxQuotas: 5 } })).toEqual({ ...DEFAULT_LIMITS, maxQuotas: 5 });
    expect(resolveLimits({ maxStringLength: 20 }).maxStringLength).toBe(20);
    expect(resolveLimits({ maxStringLength: 20, limits: { maxStringLength: 30 } }).maxStringLength).toBe(30);
    expect(resolveLimits({ limits: { maxParticipants: Number.POSITIVE_INFINITY } }).maxParticipants).toBe(Number.POSITIVE_INFINITY);
  });

  test('a bad or unknown limit is a ValidationError naming it', () => {
    expect(messageOf(() => parseParticipants([], { limits: { maxParticipants: -1 } }))).toBe(
      'options.limits.maxParticipants: must be a whole number >= 0 or Infinity, got -1',
    );
    expect(messageOf(() => parseProgram({}, { limits: { maxQuotas: 1.5 } }))).toBe('options.limits.maxQuotas: must be a whole number >= 0 or Infinity, got 1.5');
    expect(messageOf(() => parseParticipants([], { limits: { maxParticipant: 3 } as Partial<Limits> }))).toBe(
      'options.limits.maxParticipant: unknown limit (did you mean "maxParticipants"?)',
    );
    expect(messageOf(() => parseHistory({ cohorts: [] }, { maxStringLength: Number.NaN }))).toBe('options.maxStringLength: must be a whole number >= 0 or Infinity, got NaN');
  });
});

describe('participants', () => {
  test('maxParticipants: default 100,000, checked before any record', () => {
    expect(messageOf(() => parseParticipants(sparse(100_001)))).toBe('participants: at most 100000 participants per run (limits.maxParticipants), got 100001');
    expect(messageOf(() => parseParticipants({ participants: sparse(250_000) }))).toBe('participants: at most 100000 participants per run (limits.maxParticipants), got 250000');
  });

  test('maxParticipants: an override, and a raised limit lets the bigger input through', () => {
    const people = [junior('j-1'), junior('j-2'), junior('j-3')];
    expect(messageOf(() => parseParticipants(people, { limits: { maxParticipants: 2 } }))).toBe(
      'participants: at most 2 participants per run (limits.maxParticipants), got 3',
    );
    expect(parseParticipants(people, { limits: { maxParticipants: 3 } })).toHaveLength(3);
  });

  test('maxListLength: languages, availability, tags and pastPartners, each on its own', () => {
    const many = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i));
    const people = [junior('j-0'), junior('j-1'), junior('j-2'), junior('j-3', { languages: many(51, () => 'fr') })];
    expect(messageOf(() => parseParticipants(people, { limits: { maxListLength: 50 } }))).toBe(
      'participants[3].languages: at most 50 items (limits.maxListLength), got 51',
    );
    expect(parseParticipants(people, { limits: { maxListLength: 51 } })).toHaveLength(4);
    for (const field of ['availability', 'tags', 'pastPartners']) {
      const record = junior('j-1', { [field]: many(1001, (i) => `x${i}`) });
      expect(messageOf(() => parseParticipants([record]))).toBe(`participants[0].${field}: at most 1000 items (limits.maxListLength), got 1001`);
      expect(parseParticipants([record], { limits: { maxListLength: 1001 } })[0]![field as 'tags']).toHaveLength(1001);
    }
  });

  test('maxSkillsPerPerson: skills and wants, each counted on its own', () => {
    const skills = taxonomy(201);
    expect(messageOf(() => parseParticipants([junior('j-1', { skills: entries(201) })], { skills }))).toBe(
      'participants[0].skills: at most 200 skills (limits.maxSkillsPerPerson), got 201',
    );
    expect(messageOf(() => parseParticipants([junior('j-1', { skills: entries(3), wants: entries(3) })], { skills, limits: { maxSkillsPerPerson: 2 } }))).toBe(
      'participants[0].skills: at most 2 skills (limits.maxSkillsPerPerson), got 3\nparticipants[0].wants: at most 2 skills (limits.maxSkillsPerPerson), got 3',
    );
    const [p] = parseParticipants([junior('j-1', { skills: entries(201), wants: entries(201) })], { skills, limits: { maxSkillsPerPerson: 201 } });
    expect(Object.keys(p!.skills)).toHaveLength(201);
  });

  test('maxAttributes', () => {
    const record = junior('j-1', { attributes: entries(101, (i) => `v${i}`) });
    expect(messageOf(() => parseParticipants([record]))).toBe('participants[0].attributes: at most 100 attributes (limits.maxAttributes), got 101');
    expect(Object.keys(parseParticipants([record], { limits: { maxAttributes: 101 } })[0]!.attributes!)).toHaveLength(101);
  });

  test('maxStringLength: values and keys, through limits or the former option', () => {
    const record = junior('j-1', { name: 'x'.repeat(11) });
    const expected = 'participants[0].name: must have at most 10 characters (limits.maxStringLength), got "xxxxxxxxxxx"';
    expect(messageOf(() => parseParticipants([record], { limits: { maxStringLength: 10 } }))).toBe(expected);
    expect(messageOf(() => parseParticipants([record], { maxStringLength: 10 }))).toBe(expected);
    expect(parseParticipants([record], { limits: { maxStringLength: 11 } })[0]!.name).toBe('x'.repeat(11));
    const key = 'k'.repeat(1001);
    expect(messageOf(() => parseParticipants([junior('j-1', { attributes: { [key]: 1 } })]))).toBe(
      'participants[0].attributes: a key of 1001 characters: at most 1000 (limits.maxStringLength), got "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"',
    );
  });

  test('limits flow from match options (parse.limits)', () => {
    const people = [junior('j-1'), person('s-1', 'senior')];
    expect(() => match({ participants: people, program: {} }, { parse: { limits: { maxParticipants: 1 } } })).toThrow(
      'participants: at most 1 participants per run (limits.maxParticipants), got 2',
    );
  });
});

describe('program', () => {
  test('maxQuotas: quotas and goals', () => {
    const quota = (i: number) => ({ id: `q${i}`, kind: 'mustMatch', tag: 'comex' });
    expect(messageOf(() => parseProgram({ quotas: sparse(1001) }))).toBe('program.quotas: at most 1000 quotas (limits.maxQuotas), got 1001');
    expect(messageOf(() => parseProgram({ quotas: [quota(0), quota(1)] }, { limits: { maxQuotas: 1 } }))).toBe('program.quotas: at most 1 quotas (limits.maxQuotas), got 2');
    expect(parseProgram({ quotas: [quota(0), quota(1)] }, { limits: { maxQuotas: 2 } }).quotas).toHaveLength(2);
    expect(messageOf(() => parseProgram({ goals: sparse(1001) }))).toBe('program.goals: at most 1000 goals (limits.maxQuotas), got 1001');
  });

  test('maxPairsListed: forbidden and locked pairs', () => {
    expect(messageOf(() => parseProgram({ constraints: { forbiddenPairs: sparse(1_000_001) } }))).toBe(
      'program.constraints.forbiddenPairs: at most 1000000 pairs (limits.maxPairsListed), got 1000001',
    );
    expect(messageOf(() => parseProgram({ constraints: { lockedPairs: pairs(3) } }, { limits: { maxPairsListed: 2 } }))).toBe(
      'program.constraints.lockedPairs: at most 2 pairs (limits.maxPairsListed), got 3',
    );
    expect(parseProgram({ constraints: { lockedPairs: pairs(3) } }, { limits: { maxPairsListed: 3 } }).constraints.lockedPairs).toHaveLength(3);
  });

  test('maxSkills: the taxonomy', () => {
    expect(messageOf(() => parseProgram({ skills: taxonomy(1001) }))).toBe('program.skills: at most 1000 skills (limits.maxSkills), got 1001');
    expect(parseProgram({ skills: taxonomy(1001) }, { limits: { maxSkills: 1001 } }).skills).toHaveLength(1001);
  });

  test('maxListLength: weights entries, quota values and goal scorers; maxParticipants: mustMatch ids', () => {
    expect(messageOf(() => parseProgram({ weights: entries(3) }, { limits: { maxListLength: 2 } }))).toBe('program.weights: at most 2 weights (limits.maxListLength), got 3');
    const perSite = { id: 'q', kind: 'maxPairs', per: { side: 'junior', field: 'site' }, count: 1, values: ['a', 'b', 'c'] };
    expect(messageOf(() => parseProgram({ quotas: [perSite] }, { limits: { maxListLength: 2 } }))).toBe('program.quotas[0].values: at most 2 items (limits.maxListLength), got 3');
    expect(messageOf(() => parseProgram({ goals: [{ id: 'g', label: 'G', scorers: ['skillGap', 'reciprocity'] }] }, { limits: { maxListLength: 1 } }))).toBe(
      'program.goals[0].scorers: at most 1 items (limits.maxListLength), got 2',
    );
    expect(messageOf(() => parseProgram({ quotas: [{ id: 'm', kind: 'mustMatch', ids: sparse(100_001) }] }))).toBe(
      'program.quotas[0].ids: at most 100000 ids (limits.maxParticipants), got 100001',
    );
  });

  test('maxStringLength applies to the program too', () => {
    expect(messageOf(() => parseProgram({ name: 'x'.repeat(1001) }))).toBe(`program.name: must have at most 1000 characters (limits.maxStringLength), got "${'x'.repeat(56)}...`);
    expect(parseProgram({ name: 'x'.repeat(1001) }, { limits: { maxStringLength: 2000 } }).name).toHaveLength(1001);
  });

  test('loadProgram takes the limits', async () => {
    const file = join(dir, 'program.json');
    writeFileSync(file, JSON.stringify({ quotas: [{ id: 'a', kind: 'mustMatch', tag: 'x' }, { id: 'b', kind: 'mustMatch', tag: 'y' }] }));
    await expect(loadProgram(file, { displayName: 'program.json', limits: { maxQuotas: 1 } })).rejects.toThrow(
      'program.json: program.quotas: at most 1 quotas (limits.maxQuotas), got 2',
    );
  });
});

describe('history', () => {
  const cohort = (id: string, people: unknown[] = [], listed: unknown[] = []) => ({ id, participants: people, pairs: listed });

  test('maxCohorts', () => {
    expect(messageOf(() => parseHistory({ cohorts: sparse(1001) }))).toBe('cohorts: at most 1000 cohorts (limits.maxCohorts), got 1001');
    const history = { cohorts: [cohort('a'), cohort('b')] };
    expect(messageOf(() => parseHistory(history, { limits: { maxCohorts: 1 } }))).toBe('cohorts: at most 1 cohorts (limits.maxCohorts), got 2');
    expect(parseHistory(history, { limits: { maxCohorts: 2 } }).cohorts).toHaveLength(2);
  });

  test('maxParticipants and maxPairsListed per cohort', () => {
    expect(messageOf(() => parseHistory({ cohorts: [cohort('a', sparse(100_001))] }))).toBe(
      'cohorts[0].participants: at most 100000 participants per run (limits.maxParticipants), got 100001',
    );
    expect(messageOf(() => parseHistory({ cohorts: [cohort('a', [], sparse(1_000_001))] }))).toBe(
      'cohorts[0].pairs: at most 1000000 pairs (limits.maxPairsListed), got 1000001',
    );
    const people = [junior('j-1'), person('s-1', 'senior')];
    expect(messageOf(() => parseHistory({ cohorts: [cohort('a', people)] }, { limits: { maxParticipants: 1 } }))).toBe(
      'cohorts[0].participants: at most 1 participants per run (limits.maxParticipants), got 2',
    );
    expect(parseHistory({ cohorts: [cohort('a', people, [{ juniorId: 'j-1', seniorId: 's-1' }])] }, { limits: { maxParticipants: 2, maxPairsListed: 1 } }).cohorts).toHaveLength(1);
  });

  test('records of a cohort get the participant limits', () => {
    expect(messageOf(() => parseHistory({ cohorts: [cohort('a', [junior('j-1', { tags: ['a', 'b'] })])] }, { limits: { maxListLength: 1 } }))).toBe(
      'cohorts[0].participants[0].tags: at most 1 items (limits.maxListLength), got 2',
    );
  });
});

describe('CSV', () => {
  const header = 'id,role,volunteer,department';
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `j-${i},junior,true,IT`).join('\n');

  test('maxParticipants: counted as rows are read, reading stops at the first row over', () => {
    const text = `${header}\n${rows(5)}\n`;
    expect(messageOf(() => parseParticipantsCsv(text, { file: 'people.csv', limits: { maxParticipants: 3 } }))).toBe(
      'people.csv:5: at most 3 participants per run (limits.maxParticipants); reading stopped at this row',
    );
    expect(parseParticipantsCsv(text, { limits: { maxParticipants: 5 } })).toHaveLength(5);
  });

  test('maxCsvRecordSize: a row too long is located on its line', () => {
    const text = `${header}\nj-1,junior,true,IT\nj-2,junior,true,${'x'.repeat(200)}\n`;
    expect(messageOf(() => parseParticipantsCsv(text, { file: 'people.csv', limits: { maxCsvRecordSize: 100, maxStringLength: 300 } }))).toBe(
      'people.csv:3: row longer than 100 characters (limits.maxCsvRecordSize): a quote may be missing, or the delimiter is wrong',
    );
    expect(parseParticipantsCsv(text, { limits: { maxCsvRecordSize: 1000, maxStringLength: 300 } })).toHaveLength(2);
    const unclosed = `${header}\nj-1,junior,true,"IT\n${'j,junior,true,IT\n'.repeat(100)}`;
    expect(messageOf(() => parseParticipantsCsv(unclosed, { file: 'people.csv', limits: { maxCsvRecordSize: 500 } }))).toBe(
      'people.csv:2: row longer than 500 characters (limits.maxCsvRecordSize): a quote may be missing, or the delimiter is wrong',
    );
  });

  test('the header: no more object columns than a record may have entries', () => {
    const skills = Array.from({ length: 3 }, (_, i) => `skills.s${i}`).join(',');
    const text = `${header},${skills},attributes.a,attributes.b\nj-1,junior,true,IT,1,1,1,x,y\n`;
    expect(messageOf(() => parseParticipantsCsv(text, { file: 'people.csv', skills: taxonomy(3), limits: { maxSkillsPerPerson: 2, maxAttributes: 1 } }))).toBe(
      'people.csv:1: at most 2 skills.* columns (limits.maxSkillsPerPerson), got 3\npeople.csv:1: at most 1 attributes.* columns (limits.maxAttributes), got 2',
    );
    expect(parseParticipantsCsv(text, { skills: taxonomy(3), limits: { maxSkillsPerPerson: 3, maxAttributes: 2 } })).toHaveLength(1);
  });

  test('maxCsvColumns: a header wider than the limit is one issue, and no row is read', () => {
    const wide = (n: number) => `${header},${Array.from({ length: n }, (_, i) => `x${i}`).join(',')}`;
    // 4 required columns + 6 unknown ones = 10.
    const text = `${wide(6)}\nj-1,junior,true,IT,,,,,,\n`;
    expect(() => parseParticipantsCsv(text, { limits: { maxCsvColumns: 9 } })).toThrow(ValidationError);
    expect(messageOf(() => parseParticipantsCsv(text, { file: 'people.csv', limits: { maxCsvColumns: 9 } }))).toBe('people.csv:1: at most 9 columns (limits.maxCsvColumns), got 10');
    expect(parseParticipantsCsv(text, { unknownFields: 'strip', limits: { maxCsvColumns: 10 } })).toHaveLength(1);
    // The default: 100,000 duplicate names are one issue, not 100,000.
    const hostile = `${'skills.s,'.repeat(100_000)}id\n`;
    let error: unknown;
    try {
      parseParticipantsCsv(hostile);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: ['header'], message: 'at most 2000 columns (limits.maxCsvColumns)', received: 100_001, source: { file: 'participants.csv', line: 1 } }]);
  });

  test('a file read as a stream stops at the limit too (loadParticipants, validateFile)', async () => {
    const file = join(dir, 'people.csv');
    writeFileSync(file, `${header}\n${rows(1000)}\n`);
    await expect(loadParticipants(file, { displayName: 'people.csv', limits: { maxParticipants: 10 } })).rejects.toThrow(
      'people.csv:12: at most 10 participants per run (limits.maxParticipants); reading stopped at this row',
    );
    const report = await validateFile(file, { displayName: 'people.csv', limits: { maxParticipants: 10 } });
    expect(report.issues.map((issue) => issue.source)).toEqual([{ file: 'people.csv', line: 12 }]);
    expect(report.count).toBe(10);
    expect(await loadParticipants(file, { limits: { maxParticipants: 1000 } })).toHaveLength(1000);
    writeFileSync(file, `${header}\nj-1,junior,true,"IT\n${'j,junior,true,IT\n'.repeat(100)}`);
    await expect(loadParticipants(file, { displayName: 'people.csv', limits: { maxCsvRecordSize: 500 } })).rejects.toThrow(
      'people.csv:2: row longer than 500 characters (limits.maxCsvRecordSize)',
    );
  });
});

describe('a great many issues', () => {
  // 1,000 people with 200 skills each from another taxonomy: 200,000 issues, which overflowed the
  // stack when appended with push(...issues) (a RangeError instead of the ValidationError). The
  // checks across records now stop at the issue budget: 5 people's 1,000 issues, then the stop.
  const skills = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`zz-${i}`, 3]));
  const people = Array.from({ length: 1000 }, (_, i) => ({ ...person(`j-${i}`, 'junior'), skills }));

  const issuesOf = (run: () => unknown) => errorOf(run).issues;

  test('parseParticipants, parseHistory and the CSV reader: a ValidationError of the first 1,000, then where they stopped', () => {
    const direct = issuesOf(() => parseParticipants(people));
    expect(direct).toHaveLength(1001);
    expect(direct[999]!.path).toEqual(['participants', 4, 'skills', 'zz-199']);
    expect(formatIssue(direct[1000]!)).toBe('participants: stopped after 1000 issues; items from [5] on (of 1000) were not checked');
    const history = issuesOf(() => parseHistory({ cohorts: [{ id: 'c', participants: people, pairs: [] }] }));
    expect(history).toHaveLength(1001);
    expect(formatIssue(history[1000]!)).toBe('cohorts[0].participants: stopped after 1000 issues; items from [5] on (of 1000) were not checked');
    const header = ['id', 'role', 'volunteer', 'department', ...Object.keys(skills).map((k) => `skills.${k}`)].join(',');
    const row = (i: number) => [`j-${i}`, 'junior', 'true', 'IT', ...Object.keys(skills).map(() => '3')].join(',');
    const text = `${header}\n${Array.from({ length: 1000 }, (_, i) => row(i)).join('\n')}\n`;
    const csv = issuesOf(() => parseParticipantsCsv(text));
    expect(csv).toHaveLength(1001);
    expect(formatIssue(csv[1000]!)).toBe('participants.csv:7: stopped after 1000 issues; rows from line 7 on were not checked');
  }, 60_000);
});

describe('fast failure', () => {
  const cases: [string, () => unknown][] = [
    ['participants', () => parseParticipants(sparse(10_000_000))],
    ['a participant list field', () => parseParticipants([junior('j-1', { languages: sparse(10_000_000) })])],
    ['program quotas', () => parseProgram({ quotas: sparse(10_000_000) })],
    ['program pairs', () => parseProgram({ constraints: { forbiddenPairs: sparse(10_000_000) } })],
    ['program skills', () => parseProgram({ skills: sparse(10_000_000) })],
    ['history cohorts', () => parseHistory({ cohorts: sparse(10_000_000) })],
    ['a cohort', () => parseHistory({ cohorts: [{ id: 'c', participants: sparse(10_000_000), pairs: [] }] })],
    ['a value where a string belongs', () => parseParticipants([junior('j-1', { name: sparse(10_000_000) })])],
  ];

  test.each(cases)('a sparse array of 10 million slots (%s) fails in milliseconds', (_name, run) => {
    const start = performance.now();
    expect(run).toThrow(BinomeError);
    // a correctness guard, not a benchmark: walking ten million slots would take seconds
    expect(performance.now() - start).toBeLessThan(500);
  });
});
