import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { CSV_BOM, CSV_COLUMNS, csvCell, renderCsv, type ReportInput } from '../../src/report/index';
import { craftedInput, hostile, sampleInput } from './inputs';

/** The neutralisation rule, restated: a cell starting with = + - @ tab or CR gets a leading quote. */
const neutral = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** The rows the CSV must hold, rebuilt from the result without the renderer's code. */
function expectedRows({ result, participants }: ReportInput): string[][] {
  const name = (id: string) => participants.find((p) => p.id === id)?.name ?? '';
  const width = CSV_COLUMNS.length;
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const pair of result.pairs) {
    const top = [...pair.contributions]
      .filter((c) => c.points > 0)
      .sort((a, b) => b.points - a.points || pair.contributions.indexOf(a) - pair.contributions.indexOf(b))
      .slice(0, 3)
      .map((c) => `${c.scorer}: ${c.reasons[0]}`);
    const row = ['pair', pair.juniorId, name(pair.juniorId), pair.seniorId, name(pair.seniorId), pair.score.toFixed(1), top[0] ?? '', top[1] ?? '', top[2] ?? ''];
    rows.push([...row, ...new Array<string>(width - row.length).fill('')]);
  }
  for (const u of result.unmatched) {
    rows.push(['unmatched', ...new Array<string>(8).fill(''), u.id, u.name ?? name(u.id), u.role, u.reason, u.detail]);
  }
  return rows.map((row) => row.map(neutral));
}

describe('csvCell', () => {
  test('neutralises formula starts with a leading quote, and quotes per RFC 4180', () => {
    expect(csvCell(hostile.sum)).toBe("'=SUM(A1)");
    expect(csvCell(hostile.plus)).toBe("'+1");
    expect(csvCell(hostile.minus)).toBe("'-1");
    expect(csvCell(hostile.at)).toBe("'@x");
    expect(csvCell(hostile.tab)).toBe("'\tx");
    expect(csvCell(hostile.cr)).toBe(`"'\rx"`);
    expect(csvCell(hostile.quoted)).toBe('"Doe, ""JD"" John"');
  });

  test('leaves plain text alone and quotes only when needed', () => {
    expect(csvCell('Léa Martin')).toBe('Léa Martin');
    expect(csvCell('74.4')).toBe('74.4');
    expect(csvCell('')).toBe('');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(' =x')).toBe(' =x');
  });
});

describe('renderCsv', () => {
  test('header of stable column ids, one row per pair then one per unmatched, CRLF after each', () => {
    const input = sampleInput();
    const text = renderCsv(input);
    expect(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse(text) as string[][];
    expect(rows).toHaveLength(1 + input.result.pairs.length + input.result.unmatched.length);
    expect(rows.filter((r) => r[0] === 'pair')).toHaveLength(input.result.pairs.length);
    expect(rows.filter((r) => r[0] === 'unmatched').map((r) => r[9])).toEqual(input.result.unmatched.map((u) => u.id));
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  test('the sample parses back to the expected cells', () => {
    const input = sampleInput();
    expect(parse(renderCsv(input))).toEqual(expectedRows(input));
  });

  test('hostile names: exact raw cells, and the file parses back to the neutralised values', () => {
    const input = craftedInput();
    expect(input.result.unmatched.length).toBeGreaterThan(0);
    const text = renderCsv(input);
    const lines = text.split('\r\n');
    const j1 = lines.find((l) => l.startsWith('pair,j-1,'));
    expect(j1?.startsWith("pair,j-1,'=SUM(A1),s-1,'@x,")).toBe(true);
    expect(text).toContain(`pair,j-2,'+1,s-3,"'\rx",`);
    expect(text).toContain('pair,j-3,"Doe, ""JD"" John",s-4,Ana | Bo,');
    expect(text).toContain(",s-2,'\tx,");
    expect(text).toContain("unmatched,,,,,,,,,j-4,'-1,junior,not-volunteer,'-1 did not volunteer\r\n");
    expect(text).toContain('unmatched,,,,,,,,,j-7,"Line\nBreak",junior,capacity,');

    const rows = parse(text) as string[][];
    expect(rows).toEqual(expectedRows(input));
    const cells = rows.flat();
    for (const value of [hostile.sum, hostile.plus, hostile.minus, hostile.at, hostile.tab, hostile.cr]) {
      expect(cells).toContain(`'${value}`);
      expect(cells).not.toContain(value);
    }
    expect(cells).toContain(hostile.quoted);
    expect(cells.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });

  test('bom: true starts with the byte order mark, which csv-parse strips', () => {
    const input = sampleInput('fr');
    const text = renderCsv(input, { bom: true });
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(renderCsv(input).startsWith(CSV_BOM)).toBe(false);
    expect(parse(text, { bom: true })).toEqual(expectedRows(input));
  });

  test('is deterministic', () => {
    const input = craftedInput();
    expect(renderCsv(input)).toBe(renderCsv(input));
    expect(renderCsv(craftedInput())).toBe(renderCsv(input));
  });
});
