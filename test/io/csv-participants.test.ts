import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ValidationError, formatIssue, parseParticipants, participantFields, type Issue } from '../../src/index';
import {
  CsvRowConverter,
  csvColumnTypes,
  csvObjectFields,
  parseParticipantsCsv,
  readParticipantsCsv,
  type CsvOptions,
} from '../../src/io/csv-participants';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** The formatted issues of a CSV text, which must be invalid. */
function problems(text: string, options: CsvOptions = {}): string[] {
  try {
    parseParticipantsCsv(text, { file: 'people.csv', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(formatIssue);
  }
  throw new Error('expected a ValidationError');
}

const header = 'id,name,role,volunteer,department,capacity,skills.ai-tools,wants.strategy';

describe('parseParticipantsCsv', () => {
  test('the CSV sample describes the same people as the JSON sample, field for field', () => {
    const fromCsv = parseParticipantsCsv(fixture('participants.sample.csv'));
    const fromJson = parseParticipants(JSON.parse(fixture('participants.sample.json')));
    expect(fromCsv.map((p) => p.id)).toEqual(fromJson.map((p) => p.id));
    expect(fromCsv).toStrictEqual(fromJson);
  });

  test('the plain and dotted columns cover every field of the format', () => {
    expect([...Object.keys(csvColumnTypes), ...csvObjectFields].sort()).toEqual([...participantFields].sort());
  });

  test('BOM, CRLF, quoted cells with commas, line breaks and doubled quotes', () => {
    const [j1, s1, j2] = parseParticipantsCsv(fixture('csv/bom-crlf-quoted.csv'));
    expect(j1).toEqual({
      id: 'j-1',
      name: 'Martin, Léa',
      role: 'junior',
      volunteer: true,
      department: 'Marketing',
      languages: ['fr', 'en'],
      skills: { 'ai-tools': 4 },
      wants: { strategy: 3 },
      attributes: { note: 'She said "hi"', band: 3, remote: true },
    });
    // A quoted line break is kept as written; list items are trimmed, empty ones dropped;
    // "007" is not a JSON number, so it stays text.
    expect(s1).toEqual({
      id: 's-1',
      name: 'Dubois\r\nJean',
      role: 'senior',
      volunteer: false,
      department: 'Finance',
      languages: ['en', 'fr'],
      skills: {},
      wants: { strategy: 5 },
      attributes: { note: 'line one\nline two', band: '007', remote: false },
    });
    // Empty cells are absent fields; skills and wants are always there.
    expect(j2).toEqual({ id: 'j-2', name: 'Plain', role: 'junior', volunteer: true, department: 'IT', skills: {}, wants: {} });
  });

  test('";" between fields: lists use "|", numbers may use a decimal comma', () => {
    const people = parseParticipantsCsv(fixture('csv/semicolon.csv'), { delimiter: ';' });
    expect(people).toEqual([
      {
        id: 'j-1',
        name: 'Martin, Léa',
        role: 'junior',
        volunteer: true,
        department: 'Marketing',
        tenureYears: 2.5,
        languages: ['fr', 'en'],
        availability: ['mon-am', 'tue-pm'],
        skills: { 'ai-tools': 4 },
        wants: {},
        attributes: { score: 3.5 },
      },
      {
        id: 's-1',
        name: 'Dubois; Jean',
        role: 'senior',
        volunteer: false,
        department: 'Finance',
        tenureYears: 31,
        languages: ['fr'],
        skills: { 'ai-tools': 1 },
        wants: {},
        attributes: { score: 'x' },
      },
    ]);
  });

  test('booleans: true/false, yes/no, 1/0 in any case', () => {
    const rows = ['TRUE', 'False', 'yes', 'NO', '1', '0'].map((v, i) => `p-${i},junior,${v},IT`);
    const people = parseParticipantsCsv(['id,role,volunteer,department', ...rows].join('\n'));
    expect(people.map((p) => p.volunteer)).toEqual([true, false, true, false, true, false]);
  });

  test('no skill columns at all: skills and wants are empty objects', () => {
    expect(parseParticipantsCsv('id,role,volunteer,department\nj-1,junior,true,IT\n')).toEqual([
      { id: 'j-1', role: 'junior', volunteer: true, department: 'IT', skills: {}, wants: {} },
    ]);
  });

  test('blank rows (empty lines, or only delimiters) are skipped but counted as lines', () => {
    const text = '\nid,role,volunteer,department\n,,,\n\nj-1,junior,true,IT\nj-2,junior,maybe,IT\n';
    expect(problems(text)).toEqual(['people.csv:6 volunteer: must be a boolean (got string), got "maybe"']);
    expect(readParticipantsCsv(text).rows).toBe(2);
  });

  test('an empty file, and a header without rows', () => {
    expect(problems('')).toEqual(['people.csv: empty file (expected a header row)']);
    expect(parseParticipantsCsv('id,role,volunteer,department\r\n')).toEqual([]);
  });
});

describe('CSV problems name the file, line and column', () => {
  test('a level out of range', () => {
    expect(problems(`${header}\nj-1,Léa,junior,true,IT,1,4,2\ns-1,Jean,senior,true,Finance,1,7,3\n`)).toEqual([
      'people.csv:3 skills.ai-tools: level must be 0..5, got 7',
    ]);
  });

  test('a bad boolean', () => {
    expect(problems(`${header}\ns-1,Jean,senior,maybe,Finance,,,\n`)).toEqual([
      'people.csv:2 volunteer: must be a boolean (got string), got "maybe"',
    ]);
  });

  test('a number that is not one is reported with its text, never NaN', () => {
    expect(problems(`${header}\nj-1,Léa,junior,true,IT,abc,,\nj-2,Léo,junior,true,IT,1.5,,\n`)).toEqual([
      'people.csv:2 capacity: must be a number (got string), got "abc"',
      'people.csv:3 capacity: must be an integer (got number), got 1.5',
    ]);
  });

  test('a missing required column, once, without an "is required" per row', () => {
    expect(problems('id,role,volunteer\nj-1,junior,true\nj-2,junior,true\n')).toEqual(['people.csv:1 department: missing required column']);
  });

  test('an unknown column, with a suggestion', () => {
    expect(problems('id,role,volunteer,department,managerID\nj-1,junior,true,IT,m-1\n')).toEqual([
      'people.csv:1 managerID: unknown column (did you mean "managerId"?)',
    ]);
    expect(problems('id,role,volunteer,department,skill.ai-tools,hobby\nj-1,junior,true,IT,3,chess\n')).toEqual([
      'people.csv:1 skill.ai-tools: unknown column (did you mean "skills.ai-tools"?)',
      'people.csv:1 hobby: unknown column (extra data belongs in attributes.<key> columns)',
    ]);
  });

  test('unknown columns are ignored when asked to strip unknown fields', () => {
    const people = parseParticipantsCsv('id,role,volunteer,department,hobby\nj-1,junior,true,IT,chess\n', { unknownFields: 'strip' });
    expect(people).toEqual([{ id: 'j-1', role: 'junior', volunteer: true, department: 'IT', skills: {}, wants: {} }]);
  });

  test('a duplicate column, an empty column name, an object field without key', () => {
    expect(problems('id,role,volunteer,department,skills.csr,skills.csr,,skills,skills.\nj-1,junior,true,IT,1,2,,,\n')).toEqual([
      'people.csv:1 skills.csr: duplicate column (first is column 5)',
      'people.csv:1: column 7 has no name',
      'people.csv:1 skills: an object field: spread it over columns named skills.<key>',
      'people.csv:1 skills.: empty key: name the column skills.<key>',
    ]);
  });

  test('a skill outside the taxonomy is reported by the cross-record checks, on each row', () => {
    expect(problems('id,role,volunteer,department,skills.ai-tool\nj-1,junior,true,IT,3\nj-2,junior,true,IT,\n')).toEqual([
      'people.csv:2 skills.ai-tool: unknown skill id (not in the program\'s taxonomy; did you mean "ai-tools"?)',
    ]);
  });

  test('a row with a wrong number of cells', () => {
    expect(problems(`${header}\nj-1,Léa,junior,true,IT,1,4\nj-2,Léo,junior,true,IT,1,4,2,9\n`)).toEqual([
      'people.csv:2: 7 cells, the header has 8',
      'people.csv:3: 9 cells, the header has 8',
    ]);
  });

  test('several problems at once, in line order; a quoted line break moves the following lines', () => {
    expect(problems(fixture('csv/several-errors.csv'))).toEqual([
      'people.csv:2 capacity: must be a number (got string), got "abc"',
      'people.csv:4 volunteer: must be a boolean (got string), got "maybe"',
      'people.csv:4 skills.ai-tools: level must be 0..5, got 7',
      'people.csv:5: 7 cells, the header has 8',
      'people.csv:7 id: duplicate id (first at line 6), got "s-2"',
      'people.csv:8 role: must be one of "junior", "senior", got "manager"',
    ]);
  });

  test('line numbers stay right with CRLF inside and between quoted cells', () => {
    const text = `${header}\r\nj-1,"Léa\r\nMartin\r\n(IT)",junior,true,IT,1,4,2\r\nj-2,Léo,junior,true,IT,1,9,2\r\n`;
    expect(problems(text)).toEqual(['people.csv:5 skills.ai-tools: level must be 0..5, got 9']);
  });

  test('CSV syntax errors are located at the row where they start; earlier rows are still checked', () => {
    expect(problems(`${header}\nj-1,Léa,junior,true,IT,1,9,2\nj-2,"Léo,junior,true,IT,1,4,2\n`)).toEqual([
      'people.csv:2 skills.ai-tools: level must be 0..5, got 9',
      'people.csv:3: a quoted cell is never closed (a `"` is missing)',
    ]);
    expect(problems(`${header}\nj-1,"Léa" M,junior,true,IT,1,4,2\n`)).toEqual([
      'people.csv:2: characters after the closing quote of a quoted cell (write a quote inside a quoted cell as "")',
    ]);
  });

  test('issues keep their message and value, with a JSON-like path and the CSV source', () => {
    let issues: readonly Issue[] = [];
    try {
      parseParticipantsCsv(`${header}\nj-1,Léa,junior,true,IT,1,7,2\n`, { file: 'people.csv' });
    } catch (error) {
      issues = (error as ValidationError).issues;
    }
    expect(issues).toEqual([
      { path: ['participants', 0, 'skills', 'ai-tools'], message: 'level must be 0..5', received: 7, source: { file: 'people.csv', line: 2, column: 'skills.ai-tools' } },
    ]);
  });

  test('the file name defaults to participants.csv; the taxonomy can be given', () => {
    expect(() => parseParticipantsCsv(`${header}\nj-1,Léa,junior,true,IT,1,7,2\n`)).toThrow('participants.csv:2 skills.ai-tools: level must be 0..5, got 7');
    const skills = [{ id: 'no-code', teacher: 'junior' as const }];
    expect(parseParticipantsCsv('id,role,volunteer,department,skills.no-code\nj-1,junior,true,IT,4\n', { skills })[0]?.skills).toEqual({ 'no-code': 4 });
  });
});

describe('CsvRowConverter', () => {
  test('converts one row without validating it; text that is not a number stays text', () => {
    const converter = new CsvRowConverter(header.split(','));
    expect(converter.issues).toEqual([]);
    expect(converter.convert(['j-1', '', 'junior', 'oui', 'IT', 'two', ' 3 ', '2.5'], 7, 0)).toEqual({
      ok: true,
      record: { id: 'j-1', role: 'junior', volunteer: 'oui', department: 'IT', capacity: 'two', skills: { 'ai-tools': 3 }, wants: { strategy: 2.5 } },
    });
  });

  test('never mutates its input', () => {
    const cells = Object.freeze(['j-1', 'Léa', 'junior', 'true', 'IT', '1', '4', '2']);
    const converter = new CsvRowConverter(Object.freeze(header.split(',')));
    expect(converter.convert(cells, 2, 0).ok).toBe(true);
  });
});
