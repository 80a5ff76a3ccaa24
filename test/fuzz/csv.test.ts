import { fc, it } from '@fast-check/vitest';
import { afterAll, describe, expect, test } from 'vitest';
import { parseParticipantsCsv, type CsvOptions } from '../../src/io/csv-participants';
import { HUGE_STRING, RUNS, check, count, fixtureText, mutateText, parseOptions, reportTally, textMutations } from './fuzz-helpers';

const sampleText = fixtureText('participants.sample.csv');
const sampleRows: readonly (readonly string[])[] = sampleText
  .trimEnd()
  .split('\n')
  .map((line) => line.split(','));
const width = sampleRows[0]!.length;

afterAll(reportTally);

/** A cell as RFC 4180 writes it (quoted when it must be), or raw when `raw`. */
function cellText(cell: string, delimiter: string, raw: boolean): string {
  if (raw || !/["\r\n]/.test(cell) && !cell.includes(delimiter)) return cell;
  return `"${cell.replace(/"/g, '""')}"`;
}

function csvText(rows: readonly (readonly string[])[], delimiter: string, eol: string, raw: boolean): string {
  return rows.map((row) => row.map((cell) => cellText(cell, delimiter, raw)).join(delimiter)).join(eol) + eol;
}

const badCell = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'maybe',
      'TRUE',
      '7',
      '-1',
      '5.0000001',
      'NaN',
      'Infinity',
      '1e999',
      '0x10',
      '1,5',
      '__proto__',
      'constructor',
      'junior;senior',
      'fr;;en',
      ';',
      '|',
      '"',
      'a"b',
      'a\nb',
      'a\r\nb',
      '=cmd()',
      '\uFEFF',
      '\u0000',
      'x'.repeat(1001),
      'x'.repeat(100_000),
    ),
  },
  { weight: 20, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
);

const badColumn = fc.oneof(
  fc.constantFrom(
    'attributes.__proto__',
    'skills.__proto__',
    'wants.constructor',
    'attributes.constructor',
    'attributes.prototype',
    'skills.toString',
    'skills.',
    'attributes',
    'managerID',
    'id',
    '',
    '__proto__',
    'constructor',
    `attributes.${'k'.repeat(2000)}`,
    'x'.repeat(100_000),
  ),
  fc.string({ maxLength: 12 }),
);

/** One change to the sample's rows. */
type RowChange =
  | { readonly kind: 'cell'; readonly row: number; readonly column: number; readonly value: string }
  | { readonly kind: 'addColumn'; readonly name: string; readonly value: string } // value in the first data row
  | { readonly kind: 'dropColumn'; readonly column: number }
  | { readonly kind: 'dropRow'; readonly row: number }
  | { readonly kind: 'repeatRows'; readonly times: number }
  | { readonly kind: 'shortRow'; readonly row: number; readonly cells: number };

const rowChange: fc.Arbitrary<RowChange> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      row: fc.nat(sampleRows.length - 1),
      column: fc.nat(width - 1),
      value: fc.oneof({ weight: 20, arbitrary: badCell }, { weight: 1, arbitrary: fc.constant(HUGE_STRING) }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addColumn' as const), name: badColumn, value: badCell }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropColumn' as const), column: fc.nat(width - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropRow' as const), row: fc.nat(sampleRows.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeatRows' as const), times: fc.constantFrom(2, 20, 80) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shortRow' as const), row: fc.nat(sampleRows.length - 1), cells: fc.nat(width + 3) }) },
);

function changeRows(changes: readonly RowChange[]): string[][] {
  let rows = sampleRows.map((row) => [...row]);
  for (const c of changes) {
    switch (c.kind) {
      case 'cell':
        if (rows[c.row] && c.column < rows[c.row]!.length) rows[c.row]![c.column] = c.value;
        break;
      case 'addColumn':
        // the value in one row, the others empty: a huge value in every row would make a file of gigabytes
        rows = rows.map((row, i) => [...row, i === 0 ? c.name : i === 1 ? c.value : '']);
        break;
      case 'dropColumn':
        rows = rows.map((row) => row.filter((_, i) => i !== c.column));
        break;
      case 'dropRow':
        rows.splice(c.row, 1);
        break;
      case 'repeatRows': {
        const [header, ...data] = rows;
        // at most 1,000 data rows (about 250 kB), however the repeats compound
        const times = Math.max(1, Math.min(c.times, Math.floor(1000 / Math.max(1, data.length))));
        rows = header ? [header, ...Array.from({ length: times }, () => data.map((row) => [...row])).flat()] : rows;
        break;
      }
      case 'shortRow':
        if (rows[c.row]) rows[c.row] = rows[c.row]!.slice(0, c.cells).concat(c.cells > width ? ['extra'] : []);
        break;
    }
  }
  return rows;
}

const csvOptions: fc.Arbitrary<CsvOptions> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constant<CsvOptions>({ delimiter: ';' }) },
  { weight: 1, arbitrary: fc.constant<CsvOptions>({ unknownFields: 'strip' }) },
  { weight: 1, arbitrary: fc.constant<CsvOptions>({ limits: { maxParticipants: 5, maxCsvRecordSize: 2000, maxSkillsPerPerson: 20, maxAttributes: 3 } }) },
);

describe('fuzz parseParticipantsCsv', () => {
  test('the sample passes', () => {
    expect(check(() => parseParticipantsCsv(sampleText)).ok).toBe(true);
    expect(check(() => parseParticipantsCsv(csvText(sampleRows, ',', '\r\n', false))).ok).toBe(true);
  });

  it.prop([fc.string({ maxLength: 400, unit: 'binary' }), csvOptions], { numRuns: RUNS })('random text: success or a located library error', (text, options) => {
    count('parseParticipantsCsv', check(() => parseParticipantsCsv(text, options), text.length));
  });

  it.prop([fc.array(fc.array(badCell, { maxLength: 8 }), { maxLength: 6 }), fc.boolean(), csvOptions], { numRuns: RUNS })(
    'random rows: success or a located library error',
    (rows, raw, options) => {
      const text = csvText([['id', 'role', 'volunteer', 'department', 'skills.ai-tools', 'attributes.x'], ...rows], options.delimiter ?? ',', '\n', raw);
      count('parseParticipantsCsv', check(() => parseParticipantsCsv(text, options), text.length));
    },
  );

  it.prop([fc.array(rowChange, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.constantFrom('\n', '\r\n', '\r'), csvOptions], { numRuns: RUNS })(
    'mutated sample (wrong cells, hostile columns, short rows, many rows): success or a located library error',
    (changes, raw, eol, options) => {
      const text = csvText(changeRows(changes), options.delimiter ?? ',', eol, raw);
      count('parseParticipantsCsv', check(() => parseParticipantsCsv(text, options), text.length));
    },
  );

  it.prop([textMutations, csvOptions], { numRuns: RUNS })('text edits (truncated, stray quotes, ...): success or a located library error', (edits, options) => {
    const text = mutateText(sampleText, edits);
    count('parseParticipantsCsv', check(() => parseParticipantsCsv(text, options), text.length));
  });

  it.prop([fc.oneof(fc.constant(sampleText), textMutations.map((edits) => mutateText(sampleText, edits))), parseOptions, fc.option(fc.constantFrom(',', ';'), { nil: undefined })], { numRuns: RUNS })(
    'any parse options (wrong unknownFields, skills, limits): success or a located library error',
    (text, options, delimiter) => {
      const given = options !== null && typeof options === 'object' && delimiter !== undefined ? { ...options, delimiter } : options;
      count('parseParticipantsCsv', check(() => parseParticipantsCsv(text, given as never), text.length));
    },
  );

  test('hostile files', () => {
    const header = sampleRows[0]!.join(',');
    const files = [
      '',
      '\uFEFF',
      '\n\n\n',
      ',,,\n',
      header,
      `${header}\n${'"'.repeat(10_001)}`,
      `${header}\n"${HUGE_STRING}`,
      `${header}\n${HUGE_STRING}`,
      `id,role,volunteer,department\n${'a,'.repeat(300_000)}\n`,
      `${'skills.s,'.repeat(1000)}id\n`,
      `id,role,volunteer,department,${Array.from({ length: 300 }, (_, i) => `skills.s${i}`).join(',')}\n`,
      `id,role,volunteer,department,${Array.from({ length: 150 }, (_, i) => `attributes.a${i}`).join(',')}\n`,
      `id,role,volunteer,department\n${'j,junior,true,IT\n'.repeat(2000)}`,
      `id,role,volunteer,department,languages\nj,junior,true,IT,${'fr;'.repeat(5000)}\n`,
      `id,role,volunteer,department,attributes.__proto__,attributes.constructor,attributes.prototype\nj,junior,true,IT,{"polluted":1},1,2\n`,
    ];
    for (const text of files) {
      for (const options of [{}, { delimiter: ';' as const }, { limits: { maxParticipants: 100, maxCsvRecordSize: 10_000 } }]) {
        count('parseParticipantsCsv', check(() => parseParticipantsCsv(text, options), text.length));
      }
    }
  });
});
